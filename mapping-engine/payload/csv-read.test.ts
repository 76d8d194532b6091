import { describe, expect, it } from 'vitest';
import { failure } from '../../tests/helpers/test-support';
import { makeField, type SchemaField } from '../schema/model';
import { readCsv } from './csv-read';
import { lineOfRow } from './row-lines';


const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readCsv', () => {
  it('reads rows keyed by header with values as text', () => {
    const parsed = readCsv('id,zip,amount\n001,08123,-12.50\n');
    expect(parsed.format).toBe('csv');
    expect(parsed.value).toEqual([{ id: '001', zip: '08123', amount: '-12.50' }]);
    expect(parsed.meta).toEqual({ delimiter: ',', lineEnding: '\n', quoteChar: '"', headers: ['id', 'zip', 'amount'], originalHeaders: ['id', 'zip', 'amount'], bom: false, encoding: 'utf-16', rowLines: { first: 2, jumps: [] } });
    expect(parsed.warnings).toEqual([]);
  });

  it('notes where each row starts: a quoted field spanning lines, blank and comment lines move the rows after it', () => {
    const text = 'id,note\n1,a\n2,"two\nlines"\n\n3,c\n4,d\n';
    const parsed = readCsv(text);
    expect(parsed.meta?.rowLines).toEqual({ first: 2, jumps: [[2, 6]] });
    expect([0, 1, 2, 3].map((row) => lineOfRow(parsed.meta!.rowLines!, row))).toEqual([2, 3, 6, 7]);
  });

  it('distinguishes empty fields ("") from missing ones (absent keys)', () => {
    const value = readCsv('a,b,c\n1,,""\n2\n3,4\n').value as Array<Record<string, string>>;
    expect(value).toEqual([{ a: '1', b: '', c: '' }, { a: '2' }, { a: '3', b: '4' }]);
    expect('b' in (value[1] ?? {})).toBe(false);
  });

  it('rejects a row with more fields than the header, naming its line and first extra field', () => {
    const error = failure(() => readCsv('a,b\n1,2\n"x\ny",2,3\n', { file: 'rows.csv' }));
    expect(error).toMatchObject({ code: 'CSV_PARSE', file: 'rows.csv', line: 4, column: 6 });
  });

  it('skips blank lines and keeps header-only and empty input apart', () => {
    expect(readCsv('\n\na,b\n\n1,2\n\n').value).toEqual([{ a: '1', b: '2' }]);
    expect(readCsv('a,b\n')).toMatchObject({ value: [], meta: { headers: ['a', 'b'] } });
    expect(readCsv('')).toMatchObject({ value: [], meta: { headers: [], delimiter: ',' } });
  });

  it('makes duplicate and empty header names unique and says so', () => {
    const parsed = readCsv('name,name,,name\n1,2,3,4\n');
    expect(parsed.value).toEqual([{ name: '1', name_2: '2', column_3: '3', name_3: '4' }]);
    expect(parsed.meta).toMatchObject({ headers: ['name', 'name_2', 'column_3', 'name_3'], originalHeaders: ['name', 'name', '', 'name'] });
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'CSV_DUPLICATE_HEADER', line: 1 })]);
  });

  it('reads a header named __proto__ as an ordinary key', () => {
    const row = (readCsv('__proto__,b\nx,y\n').value as Array<Record<string, string>>)[0];
    expect(Object.keys(row ?? {})).toEqual(['__proto__', 'b']);
    expect(row?.['__proto__']).toBe('x');
  });

  it('reads without a header row into column_N keys that grow with wider rows', () => {
    const parsed = readCsv('1,2\n3,4,5\n', { header: false });
    expect(parsed.value).toEqual([{ column_1: '1', column_2: '2' }, { column_1: '3', column_2: '4', column_3: '5' }]);
    expect(parsed.meta).toMatchObject({ headers: ['column_1', 'column_2', 'column_3'], originalHeaders: [] });
  });

  it('detects the delimiter, and options.delimiter overrides it', () => {
    expect(readCsv('a;b\n1,5;2\n').meta?.delimiter).toBe(';');
    expect(readCsv('a,b|c\n1,2|3\n', { delimiter: '|' }).value).toEqual([{ 'a,b': '1,2', c: '3' }]);
    expect(failure(() => readCsv('a;b\n1,5;2\n', { delimiter: ',' }))).toMatchObject({ code: 'CSV_PARSE', line: 2, column: 3 });
  });

  it('rejects unusable options with USAGE', () => {
    expect(failure(() => readCsv('a', { delimiter: '::' }))).toMatchObject({ code: 'USAGE' });
    expect(failure(() => readCsv('a', { delimiter: '\n' }))).toMatchObject({ code: 'USAGE' });
    expect(failure(() => readCsv('a', { delimiter: '"' }))).toMatchObject({ code: 'USAGE' });
    expect(failure(() => readCsv('a', { quoteChar: '' }))).toMatchObject({ code: 'USAGE' });
  });

  it('reads a quote inside an unquoted field as text with a warning, or fails in strict mode', () => {
    const parsed = readCsv('size,item\n12",pipe\n');
    expect(parsed.value).toEqual([{ size: '12"', item: 'pipe' }]);
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'CSV_BARE_QUOTE', line: 2, column: 3 })]);
    expect(failure(() => readCsv('a,b\nx,a"b\n', { strictQuotes: true }))).toMatchObject({ code: 'CSV_PARSE', line: 2, column: 4 });
  });

  it('reports an unterminated quote at the quote that opened it', () => {
    expect(failure(() => readCsv('a,b\n1,2\n3,"open\n4,5\n'))).toMatchObject({ code: 'CSV_PARSE', line: 3, column: 3 });
  });

  it('supports comments given, off, detected and implied by a .tab name', () => {
    expect(readCsv('a,b\n%x\n1,2\n', { comments: '%' }).value).toEqual([{ a: '1', b: '2' }]);
    expect(readCsv('#,b\n1,2\n').value).toEqual([{ '#': '1', b: '2' }]);
    const detected = readCsv('~ v1\na,b\n1,2\n');
    expect(detected.value).toEqual([{ a: '1', b: '2' }]);
    expect(detected.warnings.map((w) => w.code)).toEqual(['CSV_COMMENTS_DETECTED', 'CSV_COMMENT_LINES']);
    expect(readCsv('~ v1\na,b\n1,2\n', { comments: false, header: false }).value).toHaveLength(3);
    const tab = readCsv('# codes\tnames\nAD\tAndorra\n', { file: 'zones.tab' });
    expect(tab.value).toEqual([{ column_1: 'AD', column_2: 'Andorra' }]);
    expect(readCsv('# codes\tnames\nAD\tAndorra\n', { file: 'zones.tab', header: true, comments: false }).meta?.headers).toEqual(['# codes', 'names']);
  });

  it('supports another quote character', () => {
    expect(readCsv("a|b\n'x|y'|'it''s'\n", { quoteChar: "'" }).value).toEqual([{ a: 'x|y', b: "it's" }]);
  });

  it('decodes bytes: UTF-8 BOM kept out of the first header, Latin-1 fallback', () => {
    const bom = readCsv(utf8('\ufeffid,name\r\n1,Zoë\r\n'));
    expect(bom.value).toEqual([{ id: '1', name: 'Zoë' }]);
    expect(bom.meta).toMatchObject({ bom: true, encoding: 'utf-8', lineEnding: '\r\n' });
    const latin = readCsv(new Uint8Array([0x6e, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]));
    expect(latin).toMatchObject({ value: [{ n: 'Müller' }], encoding: 'windows-1252' });
  });

  describe('typing with a schema', () => {
    const schema: SchemaField = makeField({
      name: '',
      path: [],
      type: 'object',
      repeating: true,
      origin: { kind: 'csv-header' },
      children: [
        makeField({ name: 'id', path: ['id'], type: 'string', origin: { kind: 'csv-header' } }),
        makeField({ name: 'qty', path: ['qty'], type: 'integer', origin: { kind: 'csv-header' } }),
        makeField({ name: 'price', path: ['price'], type: 'number', origin: { kind: 'csv-header' } }),
        makeField({ name: 'ok', path: ['ok'], type: 'boolean', origin: { kind: 'csv-header' } }),
      ],
    });

    it('converts valid text, keeps leading-zero strings, empty fields and invalid text', () => {
      const parsed = readCsv('id,qty,price,ok,note\n007,3,-12.5,True,x\n008,,n/a,maybe,y\n', { schema });
      expect(parsed.value).toEqual([
        { id: '007', qty: 3, price: -12.5, ok: true, note: 'x' },
        { id: '008', qty: '', price: 'n/a', ok: 'maybe', note: 'y' },
      ]);
      expect(parsed.warnings).toEqual([
        expect.objectContaining({ code: 'CSV_TYPE_MISMATCH', line: 3, message: expect.stringContaining('"price"') }),
        expect.objectContaining({ code: 'CSV_TYPE_MISMATCH', line: 3, message: expect.stringContaining('boolean') }),
      ]);
    });
  });

  describe('previewLimit', () => {
    const text = `n\n${Array.from({ length: 100 }, (_, i) => `${i}`).join('\n')}\n`;

    it('returns the first rows and estimates the total from the text read', () => {
      const parsed = readCsv(text, { previewLimit: 10 });
      expect(parsed.value).toHaveLength(10);
      expect((parsed.value as Array<Record<string, string>>)[9]).toEqual({ n: '9' });
      expect(parsed.truncated?.shown).toBe(10);
      expect(parsed.truncated?.exact).toBe(false);
      expect(parsed.truncated?.approxTotal).toBeGreaterThan(50);
      expect(parsed.truncated?.approxTotal).toBeLessThan(200);
    });

    it('is not truncated when every row fits, and does not reach a bad row beyond the limit', () => {
      expect(readCsv(text, { previewLimit: 100 }).truncated).toBeUndefined();
      expect(readCsv('a\n1\n2\n"bad\n', { previewLimit: 1 }).value).toEqual([{ a: '1' }]);
    });
  });
});
