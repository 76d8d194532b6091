import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../tests/helpers/test-support';
import { readPayload } from '../../../mapping-engine/payload/read-payload';
import { cutText, previewPage, readPayloadPreview, RECORD_TEXT_LIMIT, recordsOf } from './payload-preview';

describe('recordsOf', () => {
  it('takes array items, the repeated elements of an XML document, or the whole value', () => {
    expect(recordsOf([1, 2], 'json')).toEqual([1, 2]);
    expect(recordsOf({ a: 1 }, 'json')).toEqual([{ a: 1 }]);
    const xml = { Root: { '@v': '1', Wrap: { Item: [{ n: 1 }, { n: 2 }, { n: 3 }] } } };
    expect(recordsOf(xml, 'xml')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(recordsOf({ Root: { A: 1, B: 2 } }, 'xml')).toEqual([{ Root: { A: 1, B: 2 } }]);
  });
});

describe('cutText', () => {
  it('never splits a surrogate pair', () => {
    expect(cutText('ab😀cd', 3)).toEqual({ text: 'ab', truncated: true });
    expect(cutText('abc', 3)).toEqual({ text: 'abc', truncated: false });
  });
});

describe('previewPage', () => {
  it('cuts a giant record and says so', () => {
    const page = previewPage({ format: 'json', value: [{ blob: 'x'.repeat(RECORD_TEXT_LIMIT * 2) }, { small: 1 }] }, 0, 10);
    expect(page.records[0]).toMatchObject({ index: 0, truncated: true });
    expect(page.records[0]?.text.length).toBe(RECORD_TEXT_LIMIT);
    expect(page.records[1]).toEqual({ index: 1, text: '{\n  "small": 1\n}', truncated: false });
    expect(page).toMatchObject({ total: 2, totalExact: true, truncated: true });
  });

  it('reports an empty page past the end', () => {
    expect(previewPage({ format: 'json', value: [1, 2, 3] }, 5, 2)).toMatchObject({ records: [], total: 3, truncated: false });
  });
});

describe('readPayloadPreview on the corpus', () => {
  it('pages through the ISO 4217 currency entries of an XML document', async () => {
    const file = corpusPath('xml', 'iso4217', 'table_a1.xml');
    const all = readPayload(readFileSync(file), { file });
    const entries = recordsOf(all.value, 'xml');
    const page = await readPayloadPreview(file, 'table_a1.xml', { page: 1, pageSize: 5 });
    expect(page.format).toBe('xml');
    expect(page.records.map((r) => r.index)).toEqual([5, 6, 7, 8, 9]);
    expect(JSON.parse(page.records[0]!.text)).toEqual(entries[5]);
    expect(page.total).toBe(entries.length);
    expect(page.truncated).toBe(true);
  });

  it('names the file as shown in a read error', async () => {
    await expect(readPayloadPreview('/nonexistent/x.json', 'source/x.json')).rejects.toMatchObject({ code: 'FILE_READ', file: 'source/x.json' });
  });
});
