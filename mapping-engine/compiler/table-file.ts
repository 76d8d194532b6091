/**
 * Lookup tables stored in CSV files, read into what the compiler binds (see
 * lookup-table.ts). The header row names the columns. A code table
 * (`keyColumn` -> `valueColumn`) keeps the first row of a repeated key; a
 * table of rows (`keyColumn` only) maps each key to its whole row (every
 * column, the key's too) and refuses a repeated key, since a rule would read
 * one supplier's IBAN and another's name without a word; a table of
 * constants (neither) is the file's one data row. Rows without a key are
 * skipped, as in a code table. Pure: the host reads the bytes.
 */
import { MapwrightError } from '../errors';
import type { CsvMeta } from '../payload/csv-read';
import { lineOfRow } from '../payload/row-lines';
import { knownColumns, tableFromRows, tableShape, tableSource, type FileTables, type TableContents, type TableDeclaration } from './lookup-table';

/** A table stored in a file, as the document declares it. */
export type FileTableDeclaration = Extract<TableDeclaration, { file: string }>;

/** What {@link tableFromCsv} reads: the rows of the file and, when known, its header and row lines (as readCsv gives them). */
export interface CsvTableInput {
  rows: ReadonlyArray<Record<string, unknown>>;
  /** Column names in file order; the first row's keys when not given. */
  headers?: readonly string[];
  /** 1-based line of row `index`; without it an error names the row by its number, with no line. */
  lineOf?: (index: number) => number | undefined;
  /** 1-based line of the header row (default 1). */
  headerLine?: number;
}

/** The {@link CsvTableInput} of a file read whole by readCsv. */
export function csvTableInput(value: unknown, meta: CsvMeta | undefined): CsvTableInput {
  const lines = meta?.rowLines;
  return {
    rows: Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [],
    ...(meta ? { headers: meta.headers } : {}),
    ...(lines ? { lineOf: (index: number) => lineOfRow(lines, index), headerLine: Math.max(1, lines.first - 1) } : {}),
  };
}

/** A cell as text (`""` for an absent one). */
function cellText(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
}

/**
 * Reads the contents of `table` (named `name`, stored at `file`) from its
 * CSV rows.
 * @throws MapwrightError `LOOKUP_COLUMN_MISSING` (the key or value column is
 * not in the header), `LOOKUP_EMPTY` (a file of rows or constants with no
 * data row), `LOOKUP_DUPLICATE_KEY` (a key repeated in a file of rows, or a
 * second row of constants: at its line and column).
 */
export function tableFromCsv(name: string, table: FileTableDeclaration, input: CsvTableInput, file: string): TableContents {
  const headers = input.headers ?? Object.keys(input.rows[0] ?? {});
  const headerLine = input.headerLine ?? 1;
  const wanted = 'valueColumn' in table ? [table.keyColumn, table.valueColumn] : 'keyColumn' in table ? [table.keyColumn] : [];
  for (const column of wanted) {
    if (headers.length > 0 && !headers.includes(column)) {
      throw new MapwrightError('LOOKUP_COLUMN_MISSING', `lookup table ${name} has no column "${column}" in its header`, { file, line: headerLine, expected: `a column named ${column} (the header has ${headers.join(', ')})` });
    }
  }
  if ('valueColumn' in table) return tableFromRows(input.rows, table.keyColumn, table.valueColumn, file);
  // Where a row is: its line when the reader told it, else only its number (a guessed line could point elsewhere).
  const lineOf = (index: number): number | undefined => input.lineOf?.(index);
  const rowWords = (index: number): string => {
    const line = lineOf(index);
    return line === undefined ? `row ${index + 1} below the header` : `line ${line}`;
  };
  const at = (index: number, column: number): { line?: number; column?: number } => {
    const line = lineOf(index);
    return line === undefined ? {} : { line, column };
  };
  if (input.rows.length === 0) {
    const what = 'keyColumn' in table ? 'a row per key' : 'one row of constants';
    throw new MapwrightError('LOOKUP_EMPTY', `lookup table ${name} has no data row below its header`, { file, line: headerLine, expected: what });
  }
  const rowOf = (row: Record<string, unknown>): Record<string, string> => Object.fromEntries(headers.map((column) => [column, cellText(row[column])]));
  if (!('keyColumn' in table)) {
    if (input.rows.length > 1) {
      throw new MapwrightError('LOOKUP_DUPLICATE_KEY', `lookup table ${name} is a table of constants: its file has a second row (${rowWords(1)})`, { file, ...at(1, 1), expected: 'one row of constants below the header' });
    }
    return rowOf(input.rows[0]!);
  }
  const keyAt = headers.indexOf(table.keyColumn) + 1;
  const rows: Record<string, Record<string, string>> = {};
  const firstRow = new Map<string, number>();
  input.rows.forEach((row, index) => {
    const key = cellText(row[table.keyColumn]);
    if (key === '') return;
    const seen = firstRow.get(key);
    if (seen !== undefined) {
      throw new MapwrightError('LOOKUP_DUPLICATE_KEY', `lookup table ${name} has the key "${key}" twice (${rowWords(seen)} and ${rowWords(index)})`, { file, ...at(index, keyAt), expected: `one row per ${table.keyColumn}` });
    }
    firstRow.set(key, index);
    rows[key] = rowOf(row);
  });
  return rows;
}

/** A column a rule reads from a table stored in a file: the rule's target and the column. */
interface ColumnUse {
  target: string;
  column: string;
}

/** The columns each rule reads from `name` (a lookup's column, or a `$table.` source). */
function columnUses(rules: ReadonlyArray<{ target: string; sources: readonly string[]; transforms: ReadonlyArray<{ kind: string; table?: string; column?: string }> }>, name: string): ColumnUse[] {
  const uses: ColumnUse[] = [];
  for (const rule of rules) {
    for (const source of rule.sources) {
      const read = tableSource(source);
      if (read?.table === name) uses.push({ target: rule.target, column: read.column });
    }
    for (const t of rule.transforms) if (t.kind === 'lookup' && t.table === name && t.column !== undefined) uses.push({ target: rule.target, column: t.column });
  }
  return uses;
}

/**
 * Checks that every column the rules read from a table of rows or constants
 * stored in a file is in the file (the document's own checks cannot: the
 * columns are known once the host has read the file).
 * @throws MapwrightError `LOOKUP_COLUMN_MISSING` at the file's header, naming the rule.
 */
export function checkFileTableColumns(
  doc: { lookups: Readonly<Record<string, TableDeclaration>>; rules: Parameters<typeof columnUses>[0] },
  tables: FileTables | undefined,
): void {
  for (const [name, table] of Object.entries(doc.lookups)) {
    if (!('file' in table) || tableShape(table) === 'codes') continue;
    const columns = knownColumns(table, tables?.[name]);
    if (columns === undefined) continue;
    for (const use of columnUses(doc.rules, name)) {
      if (columns.includes(use.column)) continue;
      throw new MapwrightError('LOOKUP_COLUMN_MISSING', `rule ${use.target} reads column "${use.column}" of lookup table ${name}, which its file does not have`, {
        file: table.file,
        line: 1,
        expected: `a column named ${use.column} (the file has ${columns.join(', ')})`,
      });
    }
  }
}
