import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { afterAll, describe, expect, it } from 'vitest';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { RunnerPool } from '../runner/runner-pool';
import { preparedBatch as prepared } from './batch-test-helpers';
import { atomicFileSink, streamSink } from './output-sink';
import { runBatch, type BatchProgress } from './run-batch';

const dir = mkdtempSync(join(tmpdir(), 'mapwright-batch-'));
const pool = new RunnerPool({ size: 2 });
afterAll(() => pool.close());

const csvToCsv = {
  source: { format: 'csv' as const },
  target: { format: 'csv' as const },
  arrays: [{ target: '.', source: '.', filter: { field: 'status', op: '!=' as const, value: 'void' } }],
  rules: [
    { target: 'id', sources: ['id'] },
    { target: 'amount', sources: ['amount'], transforms: [{ kind: 'parseNumber' as const, decimalSeparator: ',' as const }] },
  ],
};

function csvFile(name: string, rows: number, row: (i: number) => string): string {
  const path = join(dir, name);
  let text = 'id;amount;status\r\n';
  for (let i = 0; i < rows; i++) text += `${row(i)}\r\n`;
  writeFileSync(path, text);
  return path;
}

describe('runBatch', () => {
  it('gives, in chunks over two workers, byte for byte what one run over the whole file gives', async () => {
    const input = csvFile('orders.csv', 5003, (i) => `${i};${i},5;${i % 10 === 0 ? 'void' : 'ok'}`);
    const { prepared: p, plan } = prepared(csvToCsv);
    const out = join(dir, 'orders.out.csv');
    const seen: BatchProgress[] = [];
    const result = await runBatch(p, plan, { input, sink: atomicFileSink(out), chunkRecords: 1000, runner: pool, onProgress: (e) => seen.push(e) });
    expect(result).toMatchObject({ records: 5003, violationCount: 0 });
    expect(result.error).toBeUndefined();
    const parsed = readPayload(readFileSync(input), { file: input, format: 'csv' });
    const whole = (await jsonata(p.compiled.expression).evaluate(parsed.value)) as JsonValue;
    expect(readFileSync(out, 'utf8')).toBe(writePayload(whole, 'csv', { meta: parsed.meta, metaFormat: 'csv' }));
    expect(seen.map((e) => e.records)).toEqual([1000, 2000, 3000, 4000, 5000, 5003, 5003]);
    expect(seen.at(-1)).toMatchObject({ bytesRead: readFileSync(input).length, totalBytes: readFileSync(input).length });
  });

  it('stops at the first failing record, names it, and leaves no file behind', async () => {
    const input = csvFile('bad.csv', 3000, (i) => `${i};${i === 2345 ? 'zwei' : '1'};ok`);
    const { prepared: p, plan } = prepared({
      ...csvToCsv,
      rules: [{ target: 'id', sources: ['id'] }, { target: 'amount', sources: ['amount'], transforms: [{ kind: 'custom', expression: '$number($value)' }] }],
    });
    const out = join(dir, 'bad.out.csv');
    writeFileSync(out, 'previous content\n');
    const result = await runBatch(p, plan, { input, sink: atomicFileSink(out), chunkRecords: 500, runner: pool });
    expect(result.error?.code).toBe('RUN_EVALUATION');
    expect(result.record).toBe(2346);
    // The header is line 1: record 2346 starts on line 2347.
    expect(result.line).toBe(2347);
    expect(result.error?.message).toMatch(/^record 2346 \(line 2347\): /);
    expect(result.field).toBe('amount');
    expect(readFileSync(out, 'utf8')).toBe('previous content\n');
    expect(readdirSync(dir).filter((f) => f.includes('bad.out.csv'))).toEqual(['bad.out.csv']);
  });

  it('names a record that lacks a required field once, by its place in the file, with its key', async () => {
    const input = csvFile('parcels.csv', 6000, (i) => `P-${i + 1};${i === 5020 ? '' : '2,5'};ok`);
    const rules = [{ target: 'id', sources: ['id'] }, { target: 'weightKg', sources: ['amount'], required: 'error' as const }];
    const plain = prepared({ ...csvToCsv, rules });
    const first = await runBatch(plain.prepared, plain.plan, { input, sink: streamSink(() => undefined), chunkRecords: 2000, runner: pool });
    // Named as a single run names a CSV record: by the line it starts on.
    expect(first).toMatchObject({ record: 5021, line: 5022, field: 'weightKg', error: { code: 'RUN_EVALUATION', message: 'weightKg is required (line 5022)' } });
    const keyed = prepared({ ...csvToCsv, arrays: [{ ...csvToCsv.arrays[0]!, recordKey: 'id' }], rules });
    const second = await runBatch(keyed.prepared, keyed.plan, { input, sink: streamSink(() => undefined), chunkRecords: 2000, runner: pool });
    expect(second.error?.message).toBe('weightKg is required (line 5022: id "P-5021")');
    const dated = prepared({ ...csvToCsv, rules: [{ target: 'id', sources: ['id'] }, { target: 'day', sources: ['amount'], transforms: [{ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }] }] });
    const days = csvFile('days.csv', 6000, (i) => `P-${i + 1};${i === 5020 ? '31.13.2024' : '01.02.2024'};ok`);
    const third = await runBatch(dated.prepared, dated.plan, { input: days, sink: streamSink(() => undefined), chunkRecords: 2000, runner: pool });
    expect(third).toMatchObject({ record: 5021, field: 'day', error: { message: 'day: date does not match dd.MM.yyyy, value shaped "99.99.9999" (line 5022)' } });
  });

  it('moves the label of a record whose items sit below the root to the record\'s place', async () => {
    const input = join(dir, 'events-required.jsonl');
    writeFileSync(input, Array.from({ length: 40 }, (_, i) => JSON.stringify(i === 33 ? { n: i } : { n: i, kind: 'ok' })).join('\n'));
    const { prepared: p, plan } = prepared({
      source: { format: 'jsonl' },
      arrays: [{ target: 'events', source: '.' }],
      rules: [{ target: 'events.n', sources: ['n'] }, { target: 'events.kind', sources: ['kind'], required: 'error' }],
    });
    const result = await runBatch(p, plan, { input, sink: streamSink(() => undefined), chunkRecords: 16, runner: pool });
    // A JSON Lines record is named by its line, as a CSV row is.
    expect(result).toMatchObject({ record: 34, line: 34, error: { message: 'events[].kind is required (line 34)' } });
  });

  it('validates every chunk and reports violations at their place in the whole output', async () => {
    const input = join(dir, 'events.jsonl');
    writeFileSync(input, Array.from({ length: 30 }, (_, i) => JSON.stringify({ n: i, kind: i === 24 ? 'bad' : 'ok' })).join('\n'));
    const jsonSchema = { type: 'object', properties: { events: { type: 'array', items: { properties: { kind: { enum: ['ok'] } } } } } };
    const { prepared: p, plan } = prepared(
      { source: { format: 'jsonl' }, arrays: [{ target: 'events', source: '.' }], rules: [{ target: 'events.n', sources: ['n'] }, { target: 'events.kind', sources: ['kind'] }] },
      { jsonSchema, inferred: false },
    );
    let text = '';
    const result = await runBatch(p, plan, { input, sink: streamSink((t) => void (text += t)), chunkRecords: 7, runner: pool });
    expect(result.violations).toEqual([expect.objectContaining({ code: 'MAP_ENUM', path: 'events[24].kind' })]);
    expect(JSON.parse(text)).toEqual({ events: Array.from({ length: 30 }, (_, i) => ({ n: i, kind: i === 24 ? 'bad' : 'ok' })) });
  });

  it('stops a chunk whose target pattern backtracks for ever with VALIDATION_TIMEOUT, writing nothing', async () => {
    const input = join(dir, 'evil.jsonl');
    writeFileSync(input, Array.from({ length: 12 }, (_, i) => JSON.stringify({ code: i === 1 ? `${'a'.repeat(40)}b` : 'aaa' })).join('\n'));
    const jsonSchema = { properties: { events: { items: { properties: { code: { type: 'string', pattern: '^(a+)+$' } } } } } };
    const { prepared: p, plan } = prepared(
      { source: { format: 'jsonl' }, arrays: [{ target: 'events', source: '.' }], rules: [{ target: 'events.code', sources: ['code'] }] },
      { jsonSchema, inferred: false },
    );
    const out = join(dir, 'evil.out.json');
    const result = await runBatch(p, plan, { input, sink: atomicFileSink(out), chunkRecords: 4, runner: pool, limits: { timeoutMs: 300 } });
    expect(result.error?.code).toBe('VALIDATION_TIMEOUT');
    // The chunk holding the runaway value is the one named.
    expect(result.error?.message).toMatch(/^records 1-4: /);
    expect(readdirSync(dir).filter((f) => f.includes('evil.out'))).toEqual([]);
    expect((await pool.run({ expression: '1' })).value).toBe(1);
  });

  it('abandons the output and rejects with the coded error for input that breaks mid-file', async () => {
    const input = join(dir, 'broken.jsonl');
    writeFileSync(input, `${'{"n": 1}\n'.repeat(50)}{"n": \n`);
    const { prepared: p, plan } = prepared({ source: { format: 'jsonl' }, target: { format: 'jsonl' }, arrays: [{ target: '.', source: '.' }], rules: [{ target: 'n', sources: ['n'] }] });
    const out = join(dir, 'broken.out.jsonl');
    await expect(runBatch(p, plan, { input, sink: atomicFileSink(out), chunkRecords: 10, runner: pool })).rejects.toMatchObject({ code: 'JSONL_PARSE', line: 51 });
    expect(readdirSync(dir).filter((f) => f.includes('broken.out'))).toEqual([]);
  });

  it('rejects a missing input with FILE_READ before writing anything', async () => {
    const { prepared: p, plan } = prepared(csvToCsv);
    const out = join(dir, 'never.csv');
    await expect(runBatch(p, plan, { input: join(dir, 'missing.csv'), sink: atomicFileSink(out), runner: pool })).rejects.toMatchObject({ code: 'FILE_READ' });
    expect(readdirSync(dir).filter((f) => f.includes('never'))).toEqual([]);
  });

  it('writes an XML document whose items sit below the root element, as one run would', async () => {
    const input = join(dir, 'orders.jsonl');
    writeFileSync(input, Array.from({ length: 25 }, (_, i) => JSON.stringify({ id: i, note: i % 2 ? 'a & b' : '' })).join('\n'));
    const { prepared: p, plan } = prepared({
      source: { format: 'jsonl' },
      target: { format: 'xml' },
      arrays: [{ target: 'Orders.Order', source: '.' }],
      rules: [{ target: 'Orders.Order.`@id`', sources: ['id'] }, { target: 'Orders.Order.Note', sources: ['note'] }],
    });
    let text = '';
    const result = await runBatch(p, plan, { input, sink: streamSink((t) => void (text += t)), chunkRecords: 4, runner: pool });
    expect(result.records).toBe(25);
    const parsed = readPayload(readFileSync(input), { format: 'jsonl' });
    expect(text).toBe(writePayload((await jsonata(p.compiled.expression).evaluate(parsed.value)) as JsonValue, 'xml'));
  });
});
