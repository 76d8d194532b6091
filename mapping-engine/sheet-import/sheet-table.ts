/**
 * A mapping spreadsheet as a table of text cells: a header row and the rows
 * under it. CSV is read here (the engine's CSV reader, every cell text);
 * XLSX is read by the Node host (mapping-engine/node/export/xlsx-import.ts)
 * into the same shape.
 */
import { MapwrightError } from '../errors';
import { readCsv } from '../payload/csv-read';

/** The cells of one sheet. */
export interface SheetTable {
  headers: string[];
  /** Rows under the header, each as long as it is in the file. */
  rows: string[][];
}

/** Most rows read from one sheet. */
export const MAX_SHEET_ROWS = 20_000;

/** A cell's text as the spec export wrote it: the `'` put before text a spreadsheet would run as a formula is dropped. */
export function cellText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/**
 * Reads a CSV mapping sheet (first row: the headers).
 * @throws MapwrightError `CSV_PARSE`, `ENCODING`; `IMPORT_SHEET` for a sheet without a header row
 */
export function readCsvSheet(bytes: Uint8Array | string, file?: string): SheetTable {
  const parsed = readCsv(bytes, { ...(file === undefined ? {} : { file }), comments: false });
  const keys = parsed.meta?.headers ?? [];
  const headers = parsed.meta && parsed.meta.originalHeaders.length > 0 ? parsed.meta.originalHeaders : keys;
  const rest = (parsed.value as unknown as Array<Record<string, unknown>>).map((row) => keys.map((k) => (row[k] === null || row[k] === undefined ? '' : String(row[k]))));
  if (headers.every((h) => h.trim() === '')) throw new MapwrightError('IMPORT_SHEET', 'the sheet has no header row', { ...(file === undefined ? {} : { file }), expected: 'a first row naming the columns (target field, source fields, ...)' });
  if (rest.length > MAX_SHEET_ROWS) throw new MapwrightError('LIMIT_EXCEEDED', `the sheet has ${rest.length} rows`, { ...(file === undefined ? {} : { file }), expected: `at most ${MAX_SHEET_ROWS} rows` });
  return { headers: headers.map((h) => h.trim()), rows: rest.map((r) => r.map(cellText)) };
}
