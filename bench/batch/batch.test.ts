import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FLAT_RENAMES } from '../workloads/flat-rename';
import { writeBatchFile } from './batch-files';
import { runProbed } from './batch-run';
import { splitCsvLine } from './csv-line';

const dir = await mkdtemp(join(tmpdir(), 'mapwright-bench-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('splitCsvLine', () => {
  it('splits on commas outside quotes and unescapes doubled quotes', () => {
    expect(splitCsvLine('a,"Sales, EMEA","say ""hi""",')).toEqual(['a', 'Sales, EMEA', 'say "hi"', '']);
  });
});

describe('writeBatchFile', () => {
  it('writes at least the target size in whole records, with unique ids and one header', async () => {
    const file = join(dir, 'in.csv');
    const { records, bytes } = await writeBatchFile(file, 'csv', 4_000_000);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(bytes).toBeGreaterThanOrEqual(4_000_000);
    expect(lines).toHaveLength(records + 1);
    expect(lines[0]).toBe(FLAT_RENAMES.map(([from]) => from).join(','));
    const ids = new Set(lines.slice(1).map((line) => splitCsvLine(line)[0]));
    expect(ids.size).toBe(records);
  });

  it('writes the same bytes from the same seed', async () => {
    await writeBatchFile(join(dir, 'a.jsonl'), 'jsonl', 100_000);
    await writeBatchFile(join(dir, 'b.jsonl'), 'jsonl', 100_000);
    expect(await readFile(join(dir, 'a.jsonl'), 'utf8')).toBe(await readFile(join(dir, 'b.jsonl'), 'utf8'));
  });
});

describe('runProbed with the hand-written stream baseline', () => {
  it.each(['csv', 'jsonl'] as const)('renames every %s record and reports the process peak RSS', async (format) => {
    const input = join(dir, `probe-in.${format}`);
    const output = join(dir, `probe-out.${format}`);
    const { records } = await writeBatchFile(input, format, 200_000);
    const outcome = await runProbed(['--import', 'tsx', join(import.meta.dirname, 'stream-baseline.ts'), format, input, output], join(dir, 'rss.json'), 30_000);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.stdout.trim()).toBe(String(records));
    expect(outcome.peakRssMb).toBeGreaterThan(10);
    const lines = (await readFile(output, 'utf8')).trimEnd().split('\n');
    if (format === 'csv') {
      expect(lines[0]).toBe(FLAT_RENAMES.map(([, to]) => to).join(','));
      expect(lines).toHaveLength(records + 1);
    } else {
      expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(FLAT_RENAMES.map(([, to]) => to));
      expect(lines).toHaveLength(records);
    }
  });

  it('reports a failing process with its exit code', async () => {
    const outcome = await runProbed(['-e', 'process.exit(3)'], join(dir, 'rss-fail.json'), 10_000);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('exit code 3') });
  });
});
