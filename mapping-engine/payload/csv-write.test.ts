import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-read';
import { writeCsv } from './csv-write';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'csv');

describe('writeCsv', () => {
  it('writes a header of the union of keys in first-seen order, missing cells empty', () => {
    expect(writeCsv([{ a: '1', b: '2' }, { c: '3', a: '4' }])).toBe('a,b,c\n1,2,\n4,,3\n');
  });

  it('writes the given columns only, in their order', () => {
    expect(writeCsv([{ a: '1', b: '2', c: '3' }], { columns: ['c', 'a'] })).toBe('c,a\n3,1\n');
  });

  it('quotes fields holding delimiters, quotes, line breaks or edge spaces, doubling quotes', () => {
    expect(writeCsv([{ v: 'a,b' }, { v: 'say "hi"' }, { v: 'x\ny' }, { v: 'cr\rlf' }, { v: ' pad ' }, { v: 'plain' }])).toBe(
      'v\n"a,b"\n"say ""hi"""\n"x\ny"\n"cr\rlf"\n" pad "\nplain\n',
    );
  });

  it('writes numbers, booleans, null and nested values', () => {
    expect(writeCsv([{ n: 1.5, t: true, z: null, o: { k: [1, 'x'] }, l: [1, 2] }])).toBe('n,t,z,o,l\n1.5,true,,"{""k"":[1,""x""]}","[1,2]"\n');
  });

  it('defuses formula cells with a leading quote but leaves plain numbers alone', () => {
    const cells = ['=SUM(A1:A9)', '+cmd|calc', '-2+3', '@SUM(1)', '\tx', '\rx', '-12.5', '+31612345678', '1e-7', '-', 'a=b'];
    const text = writeCsv(cells.map((v) => ({ v })));
    const back = (readCsv(text).value as Array<{ v: string }>).map((row) => row.v);
    expect(back).toEqual(["'=SUM(A1:A9)", "'+cmd|calc", "'-2+3", "'@SUM(1)", "'\tx", "'\rx", '-12.5', '+31612345678', '1e-7', "'-", 'a=b']);
    expect(writeCsv([{ n: -12.5 }])).toBe('n\n-12.5\n');
  });

  it('keeps the meta: delimiter, line ending, BOM and original header names', () => {
    const parsed = readCsv('\ufeffa;a;\r\n1;2;3\r\n');
    expect(writeCsv(parsed.value, { meta: parsed.meta })).toBe('\ufeffa;a;\r\n1;2;3\r\n');
    expect(writeCsv(parsed.value, { meta: parsed.meta, delimiter: '\t', lineEnding: '\n', bom: false })).toBe('a\ta\t\n1\t2\t3\n');
  });

  it('writes no header row for data read without one', () => {
    const parsed = readCsv('1,2\n3,4\n', { header: false });
    expect(writeCsv(parsed.value, { meta: parsed.meta })).toBe('1,2\n3,4\n');
  });

  it('writes an empty cell of a one-column file as "" so the row survives', () => {
    const text = writeCsv([{ a: 'x' }, { a: '' }, {}]);
    expect(text).toBe('a\nx\n""\n""\n');
    expect(readCsv(text).value).toEqual([{ a: 'x' }, { a: '' }, { a: '' }]);
  });

  it('accepts a single object, arrays of cells and plain values', () => {
    expect(writeCsv({ a: 1 })).toBe('a\n1\n');
    expect(writeCsv([['x', 1], ['y']])).toBe('x,1\ny\n');
    expect(writeCsv([[1, 2]], { columns: ['p', 'q'] })).toBe('p,q\n1,2\n');
    expect(writeCsv(['a', 2])).toBe('value\na\n2\n');
    expect(writeCsv([])).toBe('');
    expect(writeCsv([], { columns: ['a'] })).toBe('a\n');
  });

  it('rejects values that are not rows and unusable delimiters with CSV_WRITE', () => {
    expect(() => writeCsv('text')).toThrowError(expect.objectContaining({ code: 'CSV_WRITE' }));
    expect(() => writeCsv(null)).toThrowError(expect.objectContaining({ code: 'CSV_WRITE' }));
    expect(() => writeCsv([{ a: 1 }, 'x'])).toThrowError(expect.objectContaining({ code: 'CSV_WRITE', message: expect.stringContaining('row 2') }));
    expect(() => writeCsv([{ a: 1 }], { delimiter: '"' })).toThrowError(expect.objectContaining({ code: 'CSV_WRITE' }));
    expect(() => writeCsv([{ a: 1 }], { delimiter: '' })).toThrowError(expect.objectContaining({ code: 'CSV_WRITE' }));
    expect(() => writeCsv([{ a: 1 }], { lineEnding: '|' })).toThrowError(expect.objectContaining({ code: 'CSV_WRITE' }));
  });
});

describe('CSV write -> read round trip', () => {
  const rows = [
    { id: '007', text: 'comma, semicolon; pipe| tab\t', quote: 'he said "no"', lines: 'one\r\ntwo\nthree\rfour', empty: '' },
    { id: '008', text: '  spaced  ', quote: '"', lines: '', empty: '' },
    { id: '-1.5', text: 'Zoë 漢字 😀', quote: "'single'", lines: '#not a comment', empty: '' },
  ];

  it.each([',', ';', '\t', '|'])('keeps every value with delimiter %j', (delimiter) => {
    for (const lineEnding of ['\n', '\r\n', '\r']) {
      const text = writeCsv(rows, { delimiter, lineEnding });
      const back = readCsv(text);
      expect(back.value).toEqual(rows);
      expect(back.meta).toMatchObject({ delimiter, lineEnding });
    }
  });

  it('round-trips formula cells to their defused form and back unchanged', () => {
    const once = readCsv(writeCsv([{ f: '=1+2' }, { f: '@x' }])).value;
    expect(once).toEqual([{ f: "'=1+2" }, { f: "'@x" }]);
    expect(readCsv(writeCsv(once)).value).toEqual(once);
  });

  it.each(readdirSync(join(corpus, 'csv-spectrum', 'csvs')))('reproduces csv-spectrum %s through read -> write -> read', (name) => {
    const first = readCsv(new Uint8Array(readFileSync(join(corpus, 'csv-spectrum', 'csvs', name))));
    const again = readCsv(writeCsv(first.value, { meta: first.meta }));
    expect(again.value).toEqual(first.value);
    expect(again.meta?.lineEnding).toBe(first.meta?.lineEnding);
  });

  it('reproduces a CRLF, BOM, semicolon file byte for byte', () => {
    const text = '\ufeffid;name\r\n1;"a;b"\r\n2;"x ""y"""\r\n';
    const parsed = readCsv(text);
    expect(writeCsv(parsed.value, { meta: parsed.meta })).toBe(text);
  });
});
