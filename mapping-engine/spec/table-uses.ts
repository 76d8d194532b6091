/**
 * The spec's lookup tables: every table with its entries and the fields that
 * use it, however they use it: a lookup transform (of a row table, naming the
 * column), a constants table's column read as the source
 * `$table.<name>.<column>`, custom code that mentions the table (its
 * `$table_<name>` binding, or a `$lookup(...)` call with the table's name), and
 * the sort or group keys of array contexts.
 */
import type { MappingDocument } from '../document/document-schema';
import { rowText, tableColumns, tableShape, tableSource, type FileTables } from '../compiler/lookup-table';
import type { TransformNode } from '../transforms/transform-node';
import type { SpecLookup, SpecTableUse } from './spec-types';

function escaped(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '\\$&');
}

/** Whether custom JSONata `expression` reads table `name`: its binding, or a `$lookup` call naming it. */
export function customReadsTable(expression: string, name: string): boolean {
  if (new RegExp(`\\$table_${escaped(name)}(?![A-Za-z0-9_])`).test(expression)) return true;
  return /\$lookup\s*\(/.test(expression) && new RegExp(`(?<![A-Za-z0-9_$])${escaped(name)}(?![A-Za-z0-9_])`).test(expression);
}

/** How `transforms` use table `name`, as uses of `target`. */
function transformUses(transforms: readonly TransformNode[], name: string, target: string, how: 'lookup' | 'array'): SpecTableUse[] {
  return transforms.flatMap((t): SpecTableUse[] => {
    if (t.kind === 'lookup' && t.table === name) return [{ target, how, ...(t.column === undefined ? {} : { column: t.column }) }];
    if (t.kind === 'custom' && customReadsTable(t.expression, name)) return [{ target, how: 'custom' }];
    return [];
  });
}

/** Every use of table `name` in `doc`: rules in order, then array contexts. */
export function tableUses(doc: MappingDocument, name: string): SpecTableUse[] {
  const uses = doc.rules.flatMap((rule) => [
    ...rule.sources.flatMap((s): SpecTableUse[] => (tableSource(s)?.table === name ? [{ target: rule.target, how: 'constant', column: tableSource(s)!.column }] : [])),
    ...transformUses(rule.transforms, name, rule.target, 'lookup'),
  ]);
  for (const a of doc.arrays) uses.push(...transformUses([...(a.sort?.transforms ?? []), ...(a.groupTransforms ?? [])], name, a.target, 'array'));
  return uses;
}

/** A use in words after its field: ` (column "iban")`, ` (custom code)`, ` (sort or group key)`; empty for a plain lookup. */
export function useNote(use: SpecTableUse): string {
  const notes = [use.column === undefined ? undefined : `column "${use.column}"`, use.how === 'custom' ? 'custom code' : use.how === 'array' ? 'sort or group key' : undefined].filter(Boolean);
  return notes.length ? ` (${notes.join(', ')})` : '';
}

/** The spec rows of every table, by name; file tables' entries from `tables` (as the host read them). */
export function lookupRows(doc: MappingDocument, tables: FileTables | undefined): SpecLookup[] {
  return Object.keys(doc.lookups)
    .sort()
    .map((name) => {
      const table = doc.lookups[name]!;
      const shape = tableShape(table);
      const contents = 'entries' in table ? table.entries : 'rows' in table ? table.rows : 'constants' in table ? table.constants : (tables?.[name] ?? {});
      // A row table lists each key with its row; a constants table each column with its value.
      const entries = Object.fromEntries(Object.entries(contents).map(([k, v]) => [k, typeof v === 'string' ? v : rowText(v)]));
      const uses = tableUses(doc, name);
      const row: SpecLookup = {
        name,
        origin: 'file' in table ? table.file : 'inline',
        entries: Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        usedBy: [...new Set(uses.map((u) => u.target))],
        uses,
      };
      if (shape !== 'codes') Object.assign(row, { shape, columns: tableColumns(table, tables?.[name]) });
      if ('keyColumn' in table) row.keyColumn = table.keyColumn;
      if ('valueColumn' in table) row.valueColumn = table.valueColumn;
      return row;
    });
}

/** The fields of `uses` with their notes, as the renderers list them (`supplier.name (column "name")`); `text` escapes a note for the format. */
export function usedByText(lookup: SpecLookup, code: (text: string) => string, text: (words: string) => string = (w) => w): string {
  if (!lookup.uses) return lookup.usedBy.map(code).join(', ');
  return lookup.uses.map((u) => `${code(u.target)}${text(useNote(u))}`).join(', ');
}

/** Where a table comes from, in words: `inline in the document`, or its file with its key and value columns (`code` formats a name). */
export function originText(lookup: SpecLookup, code: (text: string) => string): string {
  if (lookup.origin === 'inline') return 'inline in the document';
  const columns = [lookup.keyColumn === undefined ? undefined : `key column ${code(lookup.keyColumn)}`, lookup.valueColumn === undefined ? undefined : `value column ${code(lookup.valueColumn)}`].filter(Boolean);
  return `${code(lookup.origin)}${columns.length ? ` (${columns.join(', ')})` : ' (one row of constants)'}`;
}

/** The header of a table's entries: key and value, key and row, or column and value. */
export function entryHeader(lookup: SpecLookup): [string, string] {
  return lookup.shape === 'rows' ? ['Key', 'Row'] : lookup.shape === 'constants' ? ['Column', 'Value'] : ['Key', 'Value'];
}

/** What kind of table it is, before where it comes from; empty for a table of codes. */
export function shapeText(lookup: SpecLookup): string {
  if (lookup.shape === 'rows') return `A row of columns (${(lookup.columns ?? []).join(', ')}) per key. `;
  if (lookup.shape === 'constants') return `Constants: one row without a key, read as $table.${lookup.name}.<column>. `;
  return '';
}

/** Names of the tables each target field uses (for the CSV sheet's Tables column). */
export function tablesByField(lookups: readonly SpecLookup[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const l of lookups) for (const target of l.usedBy) byField.set(target, [...(byField.get(target) ?? []), l.name]);
  return byField;
}
