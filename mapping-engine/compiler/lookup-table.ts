/** Turns parsed CSV rows into a lookup table's entries. */
import { MapwrightError } from '../errors';

/** Entries `key -> value` from `rows` (as read by readCsv); the first row wins for a repeated key. */
export function tableFromRows(rows: ReadonlyArray<Record<string, unknown>>, keyColumn: string, valueColumn: string, file?: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const first = rows[0];
  for (const column of [keyColumn, valueColumn]) {
    if (first && !(column in first)) throw new MapwrightError('DOC_INVALID', `lookup table has no column "${column}"`, { file, expected: `a column named ${column}` });
  }
  for (const row of rows) {
    const key = row[keyColumn];
    if (key === undefined || key === null || key === '') continue;
    const k = String(key);
    if (!(k in entries)) entries[k] = String(row[valueColumn] ?? '');
  }
  return entries;
}
