/**
 * CSV writer (quoting as papaparse's `unparse` quotes, see csv-cells.ts). Columns are the union
 * of the rows' keys in first-seen order unless given; nested values are
 * written as JSON text; a reader's `CsvMeta` makes the output keep the
 * file's delimiter, line ending, quote character, BOM and header names.
 *
 * Text cells that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, TAB or CR) get a leading `'` (OWASP "CSV injection"), except
 * plain numbers such as `-12.5` or `+3112345678`, which are data, not formulas.
 */
import { MapwrightError } from '../errors';
import { joinCsvTable } from './csv-cells';
import type { CsvMeta } from './csv-read';
import type { JsonValue } from './types';

/** Options for {@link writeCsv}. */
export interface CsvWriteOptions {
  /** Field delimiter (default: the meta's, else `,`). */
  delimiter?: string;
  /** Line ending (default: the meta's, else `\n`). */
  lineEnding?: string;
  /** Columns to write, in order (default: union of the rows' keys in first-seen order). */
  columns?: string[];
  /** Format details from `readCsv`, to write the file back the same way. */
  meta?: CsvMeta;
  /** Start with a byte-order mark (default: the meta's, else false). */
  bom?: boolean;
}

/** Starts like a formula but is not a plain number. */
const FORMULA = /^(?![-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

type Row = { [key: string]: JsonValue };

function isRow(value: JsonValue | undefined): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of one cell: strings as they are, nested values as JSON. */
function cellText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function unionOfKeys(rows: Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** Rows as arrays of cell text plus the header to write (undefined = no header row). */
function tabulate(value: JsonValue, options: CsvWriteOptions): { header: string[] | undefined; cells: string[][] } {
  const items = Array.isArray(value) ? value : isRow(value) ? [value] : undefined;
  if (!items) throw new MapwrightError('CSV_WRITE', 'CSV needs an array of rows (objects) or a single object', { expected: 'an array of objects' });
  const kind = items.length === 0 ? 'object' : Array.isArray(items[0]) ? 'array' : isRow(items[0]) ? 'object' : 'scalar';
  items.forEach((item, index) => {
    const itemKind = Array.isArray(item) ? 'array' : isRow(item) ? 'object' : 'scalar';
    if (itemKind !== kind) {
      throw new MapwrightError('CSV_WRITE', `row ${index + 1} is ${itemKind === 'scalar' ? 'a plain value' : `an ${itemKind}`} but the first row is ${kind === 'scalar' ? 'a plain value' : `an ${kind}`}`, { expected: `every row to be an ${kind}` });
    }
  });
  if (kind === 'array') {
    const cells = (items as JsonValue[][]).map((row) => row.map(cellText));
    return { header: options.columns, cells };
  }
  if (kind === 'scalar') return { header: ['value'], cells: items.map((item) => [cellText(item)]) };
  const rows = items as Row[];
  const columns = options.columns ?? unionOfKeys(rows);
  return { header: columns, cells: rows.map((row) => columns.map((key) => cellText(Object.hasOwn(row, key) ? row[key] : undefined))) };
}

/** Header labels: the file's own names when writing back the columns it was read with. */
function headerLabels(columns: string[], meta: CsvMeta | undefined): string[] | undefined {
  if (!meta || columns.length !== meta.headers.length || columns.some((key, i) => key !== meta.headers[i])) return columns;
  if (meta.originalHeaders.length === 0) return undefined;
  return meta.originalHeaders.length === columns.length ? meta.originalHeaders : columns;
}

/**
 * Writes rows as CSV text ending with a line ending. Fields are quoted when
 * they hold the delimiter, a quote, a line break or edge spaces; quotes are
 * doubled. A lone empty cell in a one-column file is written `""` so the row
 * is not read back as a blank line.
 * @throws MapwrightError `CSV_WRITE` for values that are not rows or a bad delimiter.
 */
export function writeCsv(value: JsonValue, options: CsvWriteOptions = {}): string {
  const { meta } = options;
  const delimiter = options.delimiter ?? meta?.delimiter ?? ',';
  const quoteChar = meta?.quoteChar ?? '"';
  const newline = options.lineEnding ?? meta?.lineEnding ?? '\n';
  if (delimiter === '' || /[\r\n]/.test(delimiter) || delimiter.includes(quoteChar) || delimiter.includes('"')) {
    throw new MapwrightError('CSV_WRITE', `cannot use ${JSON.stringify(delimiter)} as a CSV delimiter`, { expected: 'a delimiter without quotes or line breaks, such as , ; TAB or |' });
  }
  if (!['\n', '\r\n', '\r'].includes(newline)) {
    throw new MapwrightError('CSV_WRITE', `cannot use ${JSON.stringify(newline)} as a CSV line ending`, { expected: 'one of \\n, \\r\\n, \\r' });
  }
  const { header, cells } = tabulate(value, options);
  const labels = header === undefined ? undefined : headerLabels(header, meta);
  const width = header?.length ?? Math.max(0, ...cells.map((row) => row.length));
  const table = labels ? [labels, ...cells] : cells;
  if (table.length === 0 || width === 0) return '';
  const text = joinCsvTable(table, { delimiter, newline, quoteChar, formula: FORMULA, width });
  const bom = (options.bom ?? meta?.bom ?? false) ? '\ufeff' : '';
  return `${bom}${text}${newline}`;
}
