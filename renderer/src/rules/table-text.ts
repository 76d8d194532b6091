/**
 * Lookup tables as the studio shows and types them: a one-line summary per
 * table, the columns of each table of rows (a lookup in one picks a column),
 * and tables of rows as text, one row per line
 * (`S-1: name = Anna Weber e.K.; iban = DE02...`). Pure, tested in Node.
 */
import type { LookupTable, MappingDocument } from '../../../mapping-engine/document/document-schema';
import { tableColumns, tableShape, type FileTables } from '../../../mapping-engine/compiler/lookup-table';

/**
 * The columns a lookup can read, by table: tables of rows only (a table of
 * constants is read as a source, a table of codes has no columns); a table
 * of rows in a CSV file has the columns of its `files` contents (as the
 * studio read them), none until it is read.
 */
export function columnsOfTables(lookups: MappingDocument['lookups'], files: FileTables = {}): Record<string, string[]> {
  return Object.fromEntries(Object.entries(lookups).flatMap(([name, table]) => (tableShape(table) === 'rows' ? [[name, tableColumns(table, files[name])]] : [])));
}

/** What the list of tables says about one. */
export function tableSummary(table: LookupTable): string {
  if ('entries' in table) return `${Object.keys(table.entries).length} entries`;
  if ('rows' in table) return `${Object.keys(table.rows).length} rows; columns ${tableColumns(table).join(', ')}`;
  if ('constants' in table) return `constants: ${Object.keys(table.constants).join(', ')}`;
  if ('valueColumn' in table) return `${table.file}: ${table.keyColumn} → ${table.valueColumn}`;
  return 'keyColumn' in table ? `${table.file}: rows by ${table.keyColumn}` : `${table.file}: one row of constants`;
}

/** Rows as text, one per line: `key: column = value; column = value`. */
export function showRows(rows: Readonly<Record<string, Readonly<Record<string, string>>>>): string {
  return Object.entries(rows)
    .map(
      ([key, row]) =>
        `${key}: ${Object.entries(row)
          .map(([column, value]) => `${column} = ${value}`)
          .join('; ')}`,
    )
    .join('\n');
}

/** Reads rows typed as {@link showRows} writes them; a malformed line is a problem naming its number. */
export function parseRows(text: string): { rows: Record<string, Record<string, string>>; problem?: string } {
  const rows: Record<string, Record<string, string>> = {};
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    const key = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!key) return { rows, problem: `line ${i + 1}: write key: column = value; column = value` };
    const row: Record<string, string> = {};
    for (const cell of line.slice(colon + 1).split(';')) {
      if (!cell.trim()) continue;
      const at = cell.indexOf('=');
      const column = at < 0 ? '' : cell.slice(0, at).trim();
      if (!column) return { rows, problem: `line ${i + 1}: each cell is column = value` };
      row[column] = cell.slice(at + 1).trim();
    }
    rows[key] = row;
  }
  return { rows };
}
