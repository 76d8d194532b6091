/**
 * Lookup tables: CSV rows turned into a table's entries, and the three shapes
 * a table has. A code table maps a key to one value (`entries`, or a CSV
 * `keyColumn` -> `valueColumn`); a row table maps a key to a whole row of
 * named columns (`rows`), which a `lookup` reads one `column` of; a constants
 * table is one row without a key (`constants`: the paying company's name,
 * IBAN and BIC), whose columns rules read directly as the source
 * `$table.<name>.<column>`. A row table or a constants table may also come
 * from a CSV file (see table-file.ts): `{ file, keyColumn }` is a table of
 * rows, `{ file }` a one-row file of constants.
 */
import { MapwrightError } from '../errors';
import { splitPath } from '../transforms/jsonata-text';

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

/** A table as the document declares it (structurally, so this module needs no document types). */
export type TableDeclaration =
  | { entries: Record<string, string> }
  | { file: string; keyColumn: string; valueColumn: string }
  | { file: string; keyColumn: string }
  | { file: string }
  | { rows: Record<string, Record<string, string>> }
  | { constants: Record<string, string> };

/**
 * A table's contents as the host read them from its CSV file: a code table's
 * entries (key -> value), a row table's rows (key -> column -> value) or a
 * constants table's one row (column -> value).
 */
export type TableContents = Record<string, string> | Record<string, Record<string, string>>;

/** The contents of a document's tables stored in files, by table name. */
export type FileTables = Record<string, TableContents>;

/** What a table holds: one value per key, a row of columns per key, or one row of constants. */
export type TableShape = 'codes' | 'rows' | 'constants';

/** The shape of `table`. */
export function tableShape(table: TableDeclaration): TableShape {
  if ('rows' in table) return 'rows';
  if ('constants' in table) return 'constants';
  // A CSV file without a value column holds rows by key; without a key column, one row of constants.
  if ('file' in table && !('valueColumn' in table)) return 'keyColumn' in table ? 'rows' : 'constants';
  return 'codes';
}

/**
 * The columns of a row table (every column any row has, in first-seen order)
 * or a constants table; empty for a code table. A table stored in a file has
 * its columns in `contents` (as the host read them); without them they are
 * not known, and the result is undefined.
 */
export function knownColumns(table: TableDeclaration, contents?: TableContents): string[] | undefined {
  const shape = tableShape(table);
  if (shape === 'codes') return [];
  const data = 'rows' in table ? table.rows : 'constants' in table ? table.constants : contents;
  if (data === undefined) return undefined;
  if (shape === 'constants') return Object.keys(data);
  const seen = new Set<string>();
  for (const row of Object.values(data)) if (typeof row === 'object') for (const column of Object.keys(row)) seen.add(column);
  return [...seen];
}

/** {@link knownColumns}, empty where they are not known. */
export function tableColumns(table: TableDeclaration, contents?: TableContents): string[] {
  return knownColumns(table, contents) ?? [];
}

/** A row in words, for previews and the spec: `name: Acme GmbH; iban: DE...`. */
export function rowText(row: Readonly<Record<string, string>>): string {
  return Object.entries(row)
    .map(([column, value]) => `${column}: ${value}`)
    .join('; ');
}

/** The source path that reads a constants table's column: `$table.<name>.<column>` (a column that is not a plain name in backticks). */
export const TABLE_SOURCE_PREFIX = '$table.';

/** The table and column a `$table.<name>.<column>` source reads, or undefined when `path` is not one. */
export function tableSource(path: string): { table: string; column: string } | undefined {
  if (!path.startsWith(TABLE_SOURCE_PREFIX)) return undefined;
  let names: string[];
  try {
    names = splitPath(path.slice(TABLE_SOURCE_PREFIX.length));
  } catch {
    return undefined;
  }
  const [table, column] = names;
  return names.length === 2 && /^[A-Za-z][A-Za-z0-9_]*$/.test(table!) ? { table: table!, column: column! } : undefined;
}
