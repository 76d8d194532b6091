import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { sortDateTextProblems, valuesAt } from '../../../mapping-engine/document/problems/sort-date-text';
import type { PayloadPreview } from '../../../electron/contract/methods/engine-methods';
import type { StudioResult } from '../../../electron/contract/studio-api';
import { readSampleRecords } from './use-sample-records';

/** A preview serving `files` (rows by file name; a missing file is NOT_FOUND), noting each request. */
function fakePreview(files: Record<string, Array<Record<string, string>>>) {
  const requests: Array<{ file: string; pageSize?: number }> = [];
  const read = async (request: { file: string; pageSize?: number }): Promise<StudioResult<PayloadPreview>> => {
    requests.push({ file: request.file, ...(request.pageSize === undefined ? {} : { pageSize: request.pageSize }) });
    const rows = files[request.file];
    if (!rows) return { ok: false, error: { code: 'NOT_FOUND', message: `no ${request.file}` } };
    const size = request.pageSize ?? 20;
    const page = rows.slice(0, size);
    return {
      ok: true,
      value: { format: 'csv', page: 0, pageSize: size, records: page.map((row, index) => ({ index, text: JSON.stringify(row), truncated: row.cut === 'yes' })), total: rows.length, totalExact: true, truncated: rows.length > size },
    };
  };
  return { read, requests };
}

const dates = (n: number, date: (i: number) => string) => Array.from({ length: n }, (_, i) => ({ no: `P-${i}`, date: date(i) }));

describe('the sample records the Problems panel judges', () => {
  it('reads the first 50 records of every sample, skipping a sample that does not read and a cut record', async () => {
    const { read, requests } = fakePreview({ 'a.csv': dates(80, () => '2024-07-01'), 'b.csv': [{ no: 'X', date: '01.07.2024', cut: 'yes' }, { no: 'Y', date: '02.07.2024' }] });
    const records = await readSampleRecords(read, '/p/x.mapwright.json', ['a.csv', 'missing.csv', 'b.csv'], 'csv');
    expect(requests).toEqual([
      { file: 'a.csv', pageSize: 50 },
      { file: 'missing.csv', pageSize: 50 },
      { file: 'b.csv', pageSize: 50 },
    ]);
    expect(records).toHaveLength(51);
    expect(records[50]).toEqual({ no: 'Y', date: '02.07.2024' });
  });

  it('warns at a text sort of dd.MM.yyyy dates found in a later sample, as mapwright validate does', async () => {
    // The first sample is a file of one row without a date (a test of an empty column); the second has the dates.
    const { read } = fakePreview({ 'empty.csv': [{ no: 'P-0', date: '' }], 'payments.csv': dates(10, (i) => `${String(i + 1).padStart(2, '0')}.07.2024`) });
    const doc = loadDocument(JSON.stringify({ formatVersion: 1, name: 'sort', source: { format: 'csv', samples: ['empty.csv', 'payments.csv'] }, target: { format: 'json' }, arrays: [{ target: '.', source: '.', sort: { field: 'date' } }], rules: [{ target: 'no', sources: ['no'] }] })).document;
    const judge = (records: unknown[]) => sortDateTextProblems(doc, (names) => ({ values: records.flatMap((r) => valuesAt(r, names)) })).map((p) => p.code);
    expect(judge(await readSampleRecords(read, '/p/x.mapwright.json', ['empty.csv']))).toEqual([]);
    expect(judge(await readSampleRecords(read, '/p/x.mapwright.json', doc.source.samples))).toEqual(['MAP_SORT_TEXT_DATE']);
  });
});
