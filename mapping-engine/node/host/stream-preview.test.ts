/** Streamed previews against the whole-file readers they stand in for. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPayload } from '../../payload/read-payload';
import { fileHead, streamPreview } from './stream-preview';

let dir: string;
const path = (name: string): string => join(dir, name);
const size = (name: string): number => statSync(path(name)).size;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mapwright-stream-preview-'));
  const rows = Array.from({ length: 5000 }, (_, i) => `${i};"Müller, ${i}";${i % 7}`);
  writeFileSync(path('rows.csv'), ['id;name;group', ...rows].join('\r\n'));
  const lines = Array.from({ length: 3000 }, (_, i) => (i % 10 === 0 ? '   ' : JSON.stringify({ i, s: 'ä'.repeat(i % 5) })));
  writeFileSync(path('lines.jsonl'), `${lines.join('\n')}\n\n`);
  writeFileSync(path('bad.jsonl'), '{"a":1}\n{"a":2}\n{"a":\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streamPreview', () => {
  it('gives the first records of a CSV file as its reader does, and an estimate near the true count', async () => {
    const whole = readPayload(readFileSync(path('rows.csv')), { file: 'rows.csv' });
    const streamed = await streamPreview(path('rows.csv'), 'rows.csv', 'csv', 40, size('rows.csv'));
    expect(streamed.value).toEqual((whole.value as unknown[]).slice(0, 40));
    expect(streamed.truncated).toMatchObject({ shown: 40, exact: false });
    // Early rows are shorter here (ids grow), so any estimate from them runs high; the whole-file reader's does too.
    const readerEstimate = readPayload(readFileSync(path('rows.csv')), { file: 'rows.csv', previewLimit: 40 }).truncated!.approxTotal;
    expect(streamed.truncated!.approxTotal).toBeGreaterThan(5000 * 0.9);
    expect(Math.abs(streamed.truncated!.approxTotal - readerEstimate)).toBeLessThan(readerEstimate * 0.15);
  });

  it('counts the non-blank lines of a JSON Lines file exactly, as its reader does', async () => {
    const cut = readPayload(readFileSync(path('lines.jsonl')), { file: 'lines.jsonl', previewLimit: 25 });
    const streamed = await streamPreview(path('lines.jsonl'), 'lines.jsonl', 'jsonl', 25, size('lines.jsonl'));
    expect(streamed.value).toEqual(cut.value);
    expect(streamed.truncated).toEqual(cut.truncated);
    expect(streamed.truncated).toEqual({ shown: 25, approxTotal: 2700, exact: true });
  });

  it('returns everything, uncut, when the file has no more records than asked for', async () => {
    const streamed = await streamPreview(path('lines.jsonl'), 'lines.jsonl', 'jsonl', 2700, size('lines.jsonl'));
    expect(streamed.truncated).toBeUndefined();
    expect(streamed.value).toEqual(readPayload(readFileSync(path('lines.jsonl')), { file: 'lines.jsonl' }).value);
  });

  it('reports a bad record it reaches with its line, and ignores one past the page', async () => {
    await expect(streamPreview(path('bad.jsonl'), 'bad.jsonl', 'jsonl', 5, size('bad.jsonl'))).rejects.toMatchObject({ code: 'JSONL_PARSE', file: 'bad.jsonl', line: 3 });
    expect((await streamPreview(path('bad.jsonl'), 'bad.jsonl', 'jsonl', 1, size('bad.jsonl'))).value).toEqual([{ a: 1 }]);
  });

  it('reads a file head for sniffing, and a missing file is FILE_READ', async () => {
    expect(new TextDecoder().decode(await fileHead(path('rows.csv'), 8))).toBe('id;name;');
    await expect(fileHead(path('gone.csv'))).rejects.toMatchObject({ code: 'FILE_READ' });
  });
});
