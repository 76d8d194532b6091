import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPayload } from '../../payload/read-payload';
import { RunnerPool } from '../runner/runner-pool';
import type { SliceJob } from '../runner/slice-types';
import type { SliceRunner } from './batch-pieces';
import { preparedBatch, wholeRunText } from './batch-test-helpers';
import { atomicFileSink, streamSink } from './output-sink';
import { runBatch } from './run-batch';

const dir = mkdtempSync(join(tmpdir(), 'mapwright-slices-'));
const pool = new RunnerPool({ size: 2 });
afterAll(() => pool.close());

/** The pool, counting the slices it is given (so a test knows the workers parsed the file). */
function counting(): SliceRunner & { slices: number } {
  const runner = {
    slices: 0,
    run: pool.run.bind(pool),
    runSlice: (job: SliceJob, options?: { signal?: AbortSignal }) => {
      runner.slices++;
      return pool.runSlice(job, options);
    },
  };
  return runner;
}

const csvToCsv = {
  source: { format: 'csv' as const },
  target: { format: 'csv' as const },
  arrays: [{ target: '.', source: '.' }],
  rules: [
    { target: 'id', sources: ['id'] },
    { target: 'note', sources: ['note'], transforms: [{ kind: 'trim' as const }] },
  ],
};

/** A CSV file with a BOM, CRLF line ends and notes that hold quoted line breaks and doubled quotes. */
function awkwardCsv(name: string, rows: number): string {
  const path = join(dir, name);
  let text = '\ufeff"id";"note"\r\n';
  for (let i = 0; i < rows; i++) text += `${i};${i % 3 === 0 ? `"line ${i}\r\nsays ""hi"";\nend"` : `plain ${i}`}\r\n`;
  writeFileSync(path, text);
  return path;
}

describe('runBatch over slices parsed in the workers', () => {
  it('gives what one run gives when slice boundaries fall inside quoted line breaks, with a BOM and CRLF', async () => {
    const input = awkwardCsv('awkward.csv', 400);
    const { prepared, plan } = preparedBatch(csvToCsv);
    const runner = counting();
    const out = join(dir, 'awkward.out.csv');
    // 64-byte blocks: nearly every cut is tried inside a quoted field.
    const result = await runBatch(prepared, plan, { input, sink: atomicFileSink(out), runner, sliceBytes: 64 });
    expect(result).toMatchObject({ records: 400, fallbackRecords: 0 });
    expect(result.error).toBeUndefined();
    expect(runner.slices).toBeGreaterThan(50);
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(await wholeRunText(prepared, input));
    expect(written.startsWith('\ufeffid;note\r\n')).toBe(true);
  });

  it('names the file line of a malformed quote in a later slice', async () => {
    // Record 300 (file line 501: the header and 100 notes of three lines come before) has text after its closing quote.
    const input = awkwardCsv('malformed.csv', 400);
    writeFileSync(input, readFileSync(input, 'utf8').replace('\r\n299;plain 299\r\n', '\r\n299;"closed"late\r\n'));
    let expected: unknown;
    try {
      readPayload(readFileSync(input), { file: input, format: 'csv' });
    } catch (error) {
      expected = error;
    }
    expect(expected).toMatchObject({ code: 'CSV_PARSE', line: 501 });
    const { prepared, plan } = preparedBatch(csvToCsv);
    const out = join(dir, 'malformed.out.csv');
    const run = runBatch(prepared, plan, { input, sink: atomicFileSink(out), runner: counting(), sliceBytes: 512 });
    await expect(run).rejects.toMatchObject({ code: 'CSV_PARSE', line: 501, column: (expected as { column: number }).column, file: input });
    expect(readdirSync(dir).filter((f) => f.includes('malformed.out'))).toEqual([]);
  });

  it('names the record of a runtime error in the middle by its place in the file', async () => {
    const input = awkwardCsv('missing.csv', 400);
    writeFileSync(input, readFileSync(input, 'utf8').replace('\r\n250;plain 250\r\n', '\r\n250;\r\n'));
    const { prepared, plan } = preparedBatch({ ...csvToCsv, rules: [{ target: 'id', sources: ['id'] }, { target: 'note', sources: ['note'], required: 'error' }] });
    const result = await runBatch(prepared, plan, { input, sink: streamSink(() => undefined), runner: counting(), sliceBytes: 256 });
    // Before it: the header and 250 records, 84 of them three lines long.
    expect(result).toMatchObject({ record: 251, line: 420, field: 'note', error: { code: 'RUN_EVALUATION', message: 'note is required (line 420)' } });
  });

  it('hands only the records the program cannot run to jsonata, giving jsonata\'s output', async () => {
    const input = join(dir, 'names.jsonl');
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ n: i, name: i % 50 === 7 ? ['a', 'b'] : `name ${i}` }));
    writeFileSync(input, `${lines.join('\r\n')}\r\n\r\n`);
    const { prepared, plan } = preparedBatch({
      source: { format: 'jsonl' },
      target: { format: 'jsonl' },
      arrays: [{ target: '.', source: '.' }],
      rules: [{ target: 'n', sources: ['n'] }, { target: 'name', sources: ['name'], transforms: [{ kind: 'case', mode: 'upper' }] }],
    });
    let text = '';
    const result = await runBatch(prepared, plan, { input, sink: streamSink((t) => void (text += t)), runner: counting(), sliceBytes: 2048 });
    expect(result).toMatchObject({ records: 300, fallbackRecords: 6 });
    expect(text).toBe(await wholeRunText(prepared, input));
    expect(text).toContain('"name":"[\\"A\\",\\"B\\"]"');
  });

  it('names a JSON Lines record of a runtime error in a later slice by its line, as a single run names it', async () => {
    const input = join(dir, 'missing.jsonl');
    // Every tenth line is blank, so records and lines part; record 251 lacks its name.
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      if (i % 10 === 0) lines.push('');
      lines.push(JSON.stringify(i === 250 ? { n: i } : { n: i, name: `name ${i}` }));
    }
    writeFileSync(input, `${lines.join('\n')}\n`);
    const { prepared, plan } = preparedBatch({
      source: { format: 'jsonl' },
      target: { format: 'jsonl' },
      arrays: [{ target: '.', source: '.' }],
      rules: [{ target: 'n', sources: ['n'] }, { target: 'name', sources: ['name'], required: 'error' }],
    });
    const runner = counting();
    const result = await runBatch(prepared, plan, { input, sink: streamSink(() => undefined), runner, sliceBytes: 512 });
    expect(runner.slices).toBeGreaterThan(3);
    // Before it: 250 records and 26 blank lines.
    const line = lines.indexOf(JSON.stringify({ n: 250 })) + 1;
    expect(line).toBe(277);
    expect(result).toMatchObject({ record: 251, line, field: 'name', error: { code: 'RUN_EVALUATION', message: `name is required (line ${line})` } });
  });

  it('names the file line of bytes that are not UTF-8 in a later JSON Lines slice', async () => {
    const input = join(dir, 'latin.jsonl');
    const lines = Array.from({ length: 200 }, (_, i) => Buffer.from(`${JSON.stringify({ n: i, name: `n${i}` })}\n`));
    lines[150] = Buffer.concat([Buffer.from('{"n": 150, "name": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    writeFileSync(input, Buffer.concat(lines));
    const { prepared, plan } = preparedBatch({ source: { format: 'jsonl' }, target: { format: 'jsonl' }, arrays: [{ target: '.', source: '.' }], rules: [{ target: 'n', sources: ['n'] }] });
    const run = runBatch(prepared, plan, { input, sink: streamSink(() => undefined), runner: counting(), sliceBytes: 512 });
    await expect(run).rejects.toMatchObject({ code: 'ENCODING', line: 151 });
  });

  it('reads a windows-1252 CSV slice by slice as one run reads it', async () => {
    const input = join(dir, 'latin.csv');
    const rows = Array.from({ length: 300 }, (_, i) => `${i};${i % 7 === 0 ? 'caf\u00e9 cr\u00e8me' : `plain ${i}`}`);
    writeFileSync(input, Buffer.from(`id;note\r\n${rows.join('\r\n')}\r\n`, 'latin1'));
    const { prepared, plan } = preparedBatch({ ...csvToCsv, target: { format: 'jsonl' } });
    let text = '';
    const result = await runBatch(prepared, plan, { input, sink: streamSink((t) => void (text += t)), runner: counting(), sliceBytes: 256 });
    expect(result.records).toBe(300);
    expect(text).toBe(await wholeRunText(prepared, input));
    expect(text).toContain('café crème');
  });

  it('stops when cancelled: nothing is written and the pool goes on working', async () => {
    const input = awkwardCsv('cancel.csv', 20_000);
    const { prepared, plan } = preparedBatch(csvToCsv);
    const out = join(dir, 'cancel.out.csv');
    writeFileSync(out, 'previous\n');
    const stop = new AbortController();
    const result = await runBatch(prepared, plan, { input, sink: atomicFileSink(out), runner: counting(), sliceBytes: 4096, signal: stop.signal, onProgress: () => stop.abort() });
    expect(result.error?.code).toBe('RUN_CANCELLED');
    expect(result.records).toBeLessThan(20_000);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir).filter((f) => f.includes('cancel.out'))).toEqual(['cancel.out.csv']);
    expect((await pool.run({ expression: '1 + 1' })).value).toBe(2);
  });

  it('reads a CSV with comment lines on this thread, as before, with the same output', async () => {
    const input = join(dir, 'comments.csv');
    writeFileSync(input, `# exported by hand\nid;note\n${Array.from({ length: 30 }, (_, i) => `${i};n${i}`).join('\n')}\n`);
    const { prepared, plan } = preparedBatch(csvToCsv);
    const runner = counting();
    let text = '';
    const result = await runBatch(prepared, plan, { input, sink: streamSink((t) => void (text += t)), runner, chunkRecords: 7 });
    expect(result.records).toBe(30);
    expect(runner.slices).toBe(0);
    expect(text).toBe(await wholeRunText(prepared, input));
  });
});
