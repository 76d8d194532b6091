/**
 * Checks of the document that tie rules to the shape of their tables (see
 * lookup-table.ts): a lookup reads one `column` of a row table and none of a
 * code table, and a `$table.<name>.<column>` source reads a column a
 * constants table has. Each returns the message of the problem, or
 * undefined; the document schema reports it as `DOC_INVALID` at the rule.
 * A table stored in a CSV file has its columns only once the host has read
 * it: without `contents` its columns are not checked here (the compiler
 * checks them, see table-file.ts).
 */
import { knownColumns, tableShape, tableSource, type TableContents, type TableDeclaration } from './lookup-table';

/** `, its columns: a, b` when the columns are known. */
function columnsText(columns: readonly string[] | undefined): string {
  return columns === undefined ? ' in its file' : ` (its columns: ${columns.join(', ')})`;
}

/** What is wrong with a lookup of `column` in `table` (named `name`). */
export function lookupColumnProblem(table: TableDeclaration, name: string, column: string | undefined, contents?: TableContents): string | undefined {
  const shape = tableShape(table);
  if (shape === 'constants') return `table ${name} is a table of constants: read its columns as the source $table.${name}.<column>, with no lookup`;
  if (shape === 'codes') return column === undefined ? undefined : `table ${name} has one value per key, no column ${column}`;
  const columns = knownColumns(table, contents);
  if (column === undefined) return `table ${name} has a row of columns per key: name the column to read${columns === undefined ? ' (a column of its file)' : ` (${columns.join(', ')})`}`;
  return columns === undefined || columns.includes(column) ? undefined : `table ${name} has no column ${column}${columnsText(columns)}`;
}

/** What is wrong with `source` when it reads a table (`$table.<name>.<column>`); undefined for any other source. */
export function tableSourceProblem(lookups: Readonly<Record<string, TableDeclaration>>, source: string, contents?: Readonly<Record<string, TableContents>>): string | undefined {
  const read = tableSource(source);
  if (!read) return source.startsWith('$table.') ? 'a table source is $table.<table name>.<column>' : undefined;
  const table = Object.hasOwn(lookups, read.table) ? lookups[read.table] : undefined;
  if (!table) return `no lookup table named ${read.table}`;
  if (tableShape(table) !== 'constants') return `table ${read.table} is not a table of constants: look a value up in it with the lookup transform`;
  const columns = knownColumns(table, contents?.[read.table]);
  return columns === undefined || columns.includes(read.column) ? undefined : `table ${read.table} has no column ${read.column}${columnsText(columns)}`;
}
