/**
 * readCsv over the real files of tests/fixtures/corpus/csv (see its
 * SOURCES.md): csv-spectrum's expected JSON, every file reading, and the
 * two files that are malformed on purpose failing at the right place.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { readCsv, type CsvReadOptions } from './csv-read';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'csv');

function list(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? list(full) : [full];
  });
}

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(corpus, name)));
}

function read(name: string, options: CsvReadOptions = {}) {
  return readCsv(bytesOf(name), { file: join(corpus, name), ...options });
}

type Rows = Array<Record<string, string>>;

/** Malformed on purpose: where the first error is (checked by opening the files). */
const MALFORMED: Record<string, { line: number; column: number }> = {
  // `1;"pedro "pdet" holanda"`: the quote before `pdet` (column 10) is not doubled.
  'duckdb/structure/unescaped_quote_semicolon.csv': { line: 1, column: 10 },
  // Line 1 is empty, line 2 the 4-column header; line 3 `Alex,22,10,180,1995-...` has a 5th field at column 16.
  'spark-csv/ages-malformed.csv': { line: 3, column: 16 },
};

describe('csv-spectrum: every csvs/X.csv reads to json/X.json', () => {
  const names = readdirSync(join(corpus, 'csv-spectrum', 'csvs')).filter((name) => name !== 'location_coordinates.csv');

  it.each(names)('%s', (name) => {
    const expected: unknown = JSON.parse(readFileSync(join(corpus, 'csv-spectrum', 'json', name.replace(/\.csv$/, '.json')), 'utf8'));
    expect(read(`csv-spectrum/csvs/${name}`).value).toEqual(expected);
  });

  it('location_coordinates.csv reads to its real content (the upstream JSON is wrong)', () => {
    const parsed = read('csv-spectrum/csvs/location_coordinates.csv');
    expect(parsed.value).toEqual([
      { 'Contact Phone Number': '2095257564', 'Location Coordinates': '37\ufffd36\'37.8"N 121\ufffd2\'17.9"W', Cities: 'Modesto', Counties: 'Stanislaus' },
    ]);
    expect(parsed.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ['CSV_BARE_QUOTE', 2, 22],
      ['CSV_BARE_QUOTE', 2, 35],
    ]);
  });
});

describe('every CSV, TSV and .tab file of the corpus', () => {
  const files = list(corpus)
    .filter((file) => /\.(csv|tsv|tab)$/.test(file) && !file.includes(`${join('csv-spectrum', 'json')}`))
    .map((file) => relative(corpus, file).replace(/\\/g, '/'))
    .sort();

  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThan(55);
  });

  it.each(files)('%s', (name) => {
    const bad = MALFORMED[name];
    if (!bad) {
      const parsed = read(name);
      expect(Array.isArray(parsed.value)).toBe(true);
      expect((parsed.value as Rows).length).toBeGreaterThan(0);
      return;
    }
    let error: unknown;
    try {
      read(name);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MapwrightError);
    expect(error).toMatchObject({ code: 'CSV_PARSE', file: join(corpus, name), ...bad });
  });
});

describe('corpus specifics', () => {
  it.each([
    ['duckdb/numbers/decimal_separators.csv', ';'],
    ['duckdb/structure/semicolon_quote.csv', ';'],
    ['spark-csv/cars.tsv', '\t'],
    ['duckdb/real/ncvoter.tsv', '\t'],
    ['reference/tz-zone1970.tab', '\t'],
    ['duckdb/encoding/greek_utf8_pipe.csv', '|'],
    ['spark-csv/cars-pipe-singlequote.csv', '|'],
    ['spark-csv/cars_iso-8859-1.csv', 'þ'],
    ['european/opencoesione_comma_decimal.csv', ','],
  ])('%s has delimiter %j', (name, delimiter) => {
    expect(read(name).meta?.delimiter).toBe(delimiter);
  });

  it('detects the semicolon of the malformed semicolon file (its error names ;)', () => {
    expect(() => read('duckdb/structure/unescaped_quote_semicolon.csv')).toThrowError(expect.objectContaining({ expected: expect.stringContaining("';'") }));
  });

  it('keeps decimal commas as text in a semicolon file', () => {
    expect((read('duckdb/numbers/decimal_separators.csv').value as Rows)[0]).toEqual({ commas: '1,1', periods: '1.1' });
  });

  it('decodes Latin-1 names', () => {
    const parsed = read('duckdb/encoding/latin1.csv');
    expect(parsed.encoding).toBe('windows-1252');
    expect((parsed.value as Rows).map((row) => row.name)).toEqual(expect.arrayContaining(['José Álvarez', 'Müller', 'Søren Kierkegaard']));
  });

  it('decodes UTF-16LE with BOM, including letters Latin-1 lacks', () => {
    const parsed = read('duckdb/encoding/utf16le-bom.csv');
    expect(parsed.meta).toMatchObject({ encoding: 'utf-16le', bom: true, lineEnding: '\r\n', headers: ['name', 'age'] });
    expect((parsed.value as Rows)[0]).toEqual({ name: 'José Álvarez', age: '30' });
    expect((parsed.value as Rows).map((row) => row.name)).toEqual(expect.arrayContaining(['Dvořák Novak', 'Łukasz Kowalski']));
  });

  it('keeps a UTF-8 BOM out of the first header', () => {
    expect(read('duckdb/encoding/utf8bom.csv').meta).toMatchObject({ headers: ['id', 'name'], bom: true, encoding: 'utf-8' });
  });

  it('reads Shift_JIS when told the encoding', () => {
    const parsed = read('duckdb/encoding/shift_jis.csv', { encoding: 'shift_jis' });
    expect(parsed.meta?.headers).toEqual(['名前', '年齢']);
    expect((parsed.value as Rows)[0]).toEqual({ 名前: '名前', 年齢: '25' });
  });

  it('makes the duplicate headers unique', () => {
    const meta = read('duckdb/structure/duplicate_header_columns.csv').meta;
    expect(meta?.headers).toEqual(['a', ...Array.from({ length: 11 }, (_, i) => `a_${i + 2}`), 'column_13']);
    expect(new Set(meta?.headers).size).toBe(13);
    expect(meta?.originalHeaders).toEqual([...Array(12).fill('a'), '']);
    expect((read('duckdb/structure/duplicate_header_columns.csv').value as Rows)[0]).toMatchObject({ a: '123', a_2: 'TEST2', a_4: '', column_13: 'value1' });
  });

  it('keeps leading zeros', () => {
    expect((read('european/insee_leading_zeros.csv').value as Rows).map((row) => row.CODGEO)).toEqual(['09001', '09002', '09003', '09004', '09005', '09006']);
    expect((read('reference/currency-codes-all.csv').value as Rows).find((row) => row.Entity === 'ALBANIA')?.NumericCode).toBe('008');
  });

  it('reads the rows of a file mixing CRLF, LF and a final CR', () => {
    const parsed = read('duckdb/structure/mixed_line_endings.csv', { header: false });
    expect((parsed.value as Rows).map((row) => Object.values(row))).toEqual([
      ['10', 'hello', '20'],
      ['20', 'world', '30'],
      ['30', 'test', '30'],
    ]);
  });

  it('reads quoted fields spanning lines', () => {
    expect((read('duckdb/structure/quoted_newline.csv', { header: false }).value as Rows)[1]).toEqual({ column_1: 'what,\n brings, you here\n , today', column_2: '6' });
  });

  it('reads .tab files with # comments and no header row', () => {
    const parsed = read('reference/tz-zone1970.tab');
    const rows = parsed.value as Rows;
    expect(rows[0]).toEqual({ column_1: 'AD', column_2: '+4230+00131', column_3: 'Europe/Andorra' });
    expect(rows[1]).toEqual({ column_1: 'AE,OM,RE,SC,TF', column_2: '+2518+05518', column_3: 'Asia/Dubai', column_4: 'Crozet' });
    expect(rows.every((row) => !row.column_1?.startsWith('#'))).toBe(true);
    expect(parsed.warnings.map((w) => w.code)).toContain('CSV_COMMENT_LINES');
    expect((read('reference/tz-iso3166.tab').value as Rows).find((row) => row.column_1 === 'AX')?.column_2).toBe('Åland Islands');
  });

  it("detects spark-csv's '~' comment lines, mid-file ones included", () => {
    const parsed = read('spark-csv/comments.csv', { header: false });
    expect(parsed.warnings.map((w) => w.code)).toEqual(['CSV_COMMENTS_DETECTED', 'CSV_COMMENT_LINES']);
    expect((parsed.value as Rows).map((row) => row.column_1)).toEqual(['1', '6', '1']);
  });

  it('reads short rows as missing keys (cars.csv)', () => {
    const rows = read('spark-csv/cars.csv').value as Rows;
    expect(rows).toEqual([
      { year: '2012', make: 'Tesla', model: 'S', comment: 'No comment', blank: '' },
      { year: '1997', make: 'Ford', model: 'E350', comment: 'Go get one now they are going fast', blank: '' },
      { year: '2015', make: 'Chevy', model: 'Volt' },
    ]);
  });

  it('reads single-quoted pipe files with quoteChar', () => {
    const rows = read('spark-csv/cars-pipe-singlequote.csv', { quoteChar: "'" }).value as Rows;
    expect(rows[0]).toEqual({ year: '2012', make: 'Tesla', model: 'S', comment: " 'No comment'" });
    expect(rows[1]?.comment).toBe('Go get one now they are going fast');
  });
});
