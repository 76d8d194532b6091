/**
 * A preview of a lookup table for its editor: the first entries as the
 * compiled mapping will see them, the CSV's columns (to pick the key and
 * value columns from) and what is wrong with the table. Pure: the host reads
 * the CSV file and passes its rows.
 */
import { rowText, tableFromRows } from '../../compiler/lookup-table';
import { tableFromCsv } from '../../compiler/table-file';
import type { LookupTable } from '../document-schema';

/** What a lookup table's editor shows. */
export interface LookupPreview {
  /** CSV columns, in file order (empty for an inline table). */
  columns: string[];
  /** The first `limit` entries, key then value, in table order. */
  entries: Array<[string, string]>;
  /** Number of entries in the whole table. */
  total: number;
  /** Plain-words problems: a missing column, repeated or empty keys. */
  problems: string[];
}

/**
 * Previews `table`; for a CSV table, `rows` are its parsed rows (as read by
 * readCsv). Without rows a CSV table previews as empty.
 */
export function lookupPreview(table: LookupTable, rows?: ReadonlyArray<Record<string, unknown>>, limit = 50): LookupPreview {
  if ('entries' in table) {
    const all = Object.entries(table.entries);
    return { columns: [], entries: all.slice(0, limit), total: all.length, problems: [] };
  }
  // A row table previews each key with its row, a constants table each column with its value.
  if ('rows' in table) {
    const all = Object.entries(table.rows).map(([k, row]): [string, string] => [k, rowText(row)]);
    return { columns: [], entries: all.slice(0, limit), total: all.length, problems: [] };
  }
  if ('constants' in table) {
    const all = Object.entries(table.constants);
    return { columns: [], entries: all.slice(0, limit), total: all.length, problems: [] };
  }
  const columns = rows && rows.length > 0 ? Object.keys(rows[0]!) : [];
  // A CSV file of rows or of constants previews as the compiler will bind it, or says why it cannot.
  if (!('valueColumn' in table)) {
    try {
      const contents = tableFromCsv('', table, { rows: rows ?? [] }, table.file);
      const all = Object.entries(contents).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : rowText(v)]);
      return { columns, entries: all.slice(0, limit), total: all.length, problems: [] };
    } catch (error) {
      return { columns, entries: [], total: 0, problems: [error instanceof Error ? error.message : String(error)] };
    }
  }
  const problems: string[] = [];
  let entries: Record<string, string> = {};
  try {
    entries = tableFromRows(rows ?? [], table.keyColumn, table.valueColumn, table.file);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (problems.length === 0 && rows) {
    const keys = rows.map((r) => r[table.keyColumn]);
    const empty = keys.filter((k) => k === undefined || k === null || k === '').length;
    const repeated = keys.length - empty - Object.keys(entries).length;
    if (empty > 0) problems.push(`${empty} row${empty === 1 ? ' has' : 's have'} no key and ${empty === 1 ? 'is' : 'are'} skipped`);
    if (repeated > 0) problems.push(`${repeated} repeated key${repeated === 1 ? '' : 's'}: the first row wins`);
  }
  const all = Object.entries(entries);
  return { columns, entries: all.slice(0, limit), total: all.length, problems };
}
