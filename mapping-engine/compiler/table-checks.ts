/**
 * Checks of the document that tie rules to the shape of their tables (see
 * lookup-table.ts): a lookup reads one `column` of a row table and none of a
 * code table, and a `$table.<name>.<column>` source reads a column a
 * constants table has. Each returns the message of the problem, or
 * undefined; the document schema reports it as `DOC_INVALID` at the rule.
 */
import { tableColumns, tableShape, tableSource, type TableDeclaration } from './lookup-table';

/** What is wrong with a lookup of `column` in `table` (named `name`). */
export function lookupColumnProblem(table: TableDeclaration, name: string, column: string | undefined): string | undefined {
  const shape = tableShape(table);
  if (shape === 'constants') return `table ${name} is a table of constants: read its columns as the source $table.${name}.<column>, with no lookup`;
  if (shape === 'codes') return column === undefined ? undefined : `table ${name} has one value per key, no column ${column}`;
  if (column === undefined) return `table ${name} has a row of columns per key: name the column to read (${tableColumns(table).join(', ')})`;
  return tableColumns(table).includes(column) ? undefined : `table ${name} has no column ${column} (its columns: ${tableColumns(table).join(', ')})`;
}

/** What is wrong with `source` when it reads a table (`$table.<name>.<column>`); undefined for any other source. */
export function tableSourceProblem(lookups: Readonly<Record<string, TableDeclaration>>, source: string): string | undefined {
  const read = tableSource(source);
  if (!read) return source.startsWith('$table.') ? 'a table source is $table.<table name>.<column>' : undefined;
  const table = Object.hasOwn(lookups, read.table) ? lookups[read.table] : undefined;
  if (!table) return `no lookup table named ${read.table}`;
  if (tableShape(table) !== 'constants') return `table ${read.table} is not a table of constants: look a value up in it with the lookup transform`;
  return tableColumns(table).includes(read.column) ? undefined : `table ${read.table} has no column ${read.column} (its columns: ${tableColumns(table).join(', ')})`;
}
