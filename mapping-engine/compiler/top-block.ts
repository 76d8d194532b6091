/**
 * The block at the top of a compiled expression: what the fields share,
 * bound once. First the policy helpers the rules and arrays use, the
 * `$invalid` helper of transforms that reject values, the `$toNumber` helper
 * of transforms reading number text, the `$present` helper of transforms
 * computing from their input (null and "" as no value) and the `$zoneOffset` helper of dates
 * written in a named time zone, then every lookup
 * table (`$table_<name>`), then every value map (`$statusMap`), one entry
 * per line, and last the `$record` naming the whole input.
 */
import { MapwrightError } from '../errors';
import type { MappingDocument } from '../document/document-schema';
import { literal } from '../transforms/jsonata-text';
import type { Scalar, TransformNode } from '../transforms/transform-node';
import { compileSource, POLICY_HELPERS, tableVariable } from './compile-rule';
import { INVALID_HELPER, raisesInvalid } from '../transforms/invalid-value';
import { usesZoneHelper, ZONE_HELPER } from '../transforms/date-zones';
import { NUMBER_HELPER, usesNumberHelper } from '../transforms/number-text';
import { PRESENT_HELPER, usesPresentHelper } from '../transforms/present-value';
import { CHECK_DIGIT_HELPER, usesCheckDigits } from '../transforms/check-transforms';
import { namesRecord, rootRecordBinding } from './record-label';
import { parameterLines } from './run-parameters';
import { buildTargetTree, optionalObject, type TargetNode } from './target-tree';
import type { TextWriter } from './text-writer';
import type { FileTables } from './lookup-table';
import type { ValueMapBinding } from './value-map-names';

/** Contents of CSV lookup tables, keyed by table name (see `CompileOptions.tables`). */
export type TableEntries = FileTables | undefined;

/** Whether the document binds `$record` at the top: it names a record key and some field can raise an error naming it. */
export function bindsRootRecord(doc: MappingDocument): boolean {
  return doc.recordKey !== undefined && (doc.rules.some(namesRecord) || requiresItems(doc));
}

/** Whether some array context must not be empty, so the `$requiredItems` helper is bound. */
function requiresItems(doc: MappingDocument): boolean {
  return doc.arrays.some((a) => a.required === 'error');
}

/** Every transform of the document: the rules' and the array contexts' sort and group keys. */
function allTransforms(doc: MappingDocument): TransformNode[] {
  return [...doc.rules.flatMap((r) => r.transforms), ...doc.arrays.flatMap((a) => [...(a.sort?.transforms ?? []), ...(a.groupTransforms ?? [])])];
}

/** Whether some nested object holds only fields that may be left out, so `$nonEmpty` is bound (see compile-document.ts). */
function prunesObjects(doc: MappingDocument): boolean {
  return anyOptionalObject(buildTargetTree(doc), true);
}

/** Whether `node` or an object below it (not the root) is an {@link optionalObject}. */
function anyOptionalObject(node: TargetNode, root = false): boolean {
  if (node.kind === 'field') return false;
  if (!root && node.kind === 'object' && optionalObject(node)) return true;
  return node.children.some((c) => anyOptionalObject(c));
}

/** Whether some transform can reject a value, so the `$invalid` helper is bound. */
function raisesAnyInvalid(doc: MappingDocument): boolean {
  return allTransforms(doc).some(raisesInvalid);
}

/** Whether some transform reads number text, so the `$toNumber` helper is bound. */
function readsNumbers(doc: MappingDocument): boolean {
  return allTransforms(doc).some(usesNumberHelper);
}

/** Whether some transform reads its input through `$present` (null and "" as no value), so that helper is bound. */
function readsPresent(doc: MappingDocument): boolean {
  return allTransforms(doc).some(usesPresentHelper);
}

/** Whether some check reads check digits, so `$checkIban` and `$checkLuhn` are bound. */
function checksDigits(doc: MappingDocument): boolean {
  return allTransforms(doc).some(usesCheckDigits);
}

/** Whether some date is written in a named time zone, so the `$zoneOffset` helper is bound. */
function usesAnyZone(doc: MappingDocument): boolean {
  return allTransforms(doc).some(usesZoneHelper);
}

/**
 * Whether the input is a list of records that must not be empty: a CSV input
 * (its rows), or a required array context over the whole input (`.`). Then
 * an empty input raises its own coded error, `INPUT_NO_RECORDS: the input
 * has no records`, before any field would report itself missing.
 */
export function checksRecords(doc: MappingDocument): boolean {
  return doc.source.format === 'csv' || doc.arrays.some((a) => a.source === '.' && a.required === 'error');
}

/** The first line of the top block when {@link checksRecords}: evaluated before every field. */
export const NO_RECORDS_CHECK = '$count($) = 0 ? $error("INPUT_NO_RECORDS: the input has no records") : ();';

/** Whether anything needs binding, so the expression is a block around the target. */
export function needsTopBlock(doc: MappingDocument, maps: readonly ValueMapBinding[]): boolean {
  return Object.keys(doc.lookups).length > 0 || maps.length > 0 || doc.rules.some((r) => r.required !== 'omit' || r.sources.length > 0) || requiresItems(doc) || raisesAnyInvalid(doc) || readsNumbers(doc) || readsPresent(doc) || usesAnyZone(doc) || checksDigits(doc) || checksRecords(doc) || Object.keys(doc.parameters ?? {}).length > 0;
}

/** A row of a row table on one line: `{"name": "Acme", "iban": "DE..."}`. */
function rowLiteral(row: Record<string, string>): string {
  return `{${Object.entries(row)
    .map(([k, v]) => `${literal(k)}: ${literal(v)}`)
    .join(', ')}}`;
}

function writeEntries(w: TextWriter, variable: string, entries: Record<string, Scalar | Record<string, string>>): void {
  w.newline(1);
  const all = Object.entries(entries);
  if (all.length === 0) {
    w.write(`${variable} := {};`);
    return;
  }
  w.write(`${variable} := {`);
  all.forEach(([key, value], i) => {
    w.newline(2);
    w.write(`${literal(key)}: ${value !== null && typeof value === 'object' ? rowLiteral(value) : literal(value)}${i < all.length - 1 ? ',' : ''}`);
  });
  w.newline(1);
  w.write('};');
}

/** Writes the bindings, each on its own lines at indent 1 (the caller opens and closes the block). */
export function writeTopBindings(w: TextWriter, doc: MappingDocument, tables: TableEntries, maps: readonly ValueMapBinding[]): void {
  const helpers: Array<keyof typeof POLICY_HELPERS> = (['required', 'orDefault'] as const).filter((name) => doc.rules.some((r) => r.required === (name === 'required' ? 'error' : 'default')));
  if (requiresItems(doc)) helpers.push('requiredItems');
  if (doc.rules.some((r) => r.required === 'omit' && r.sources.length > 0)) helpers.push('omitEmpty');
  if (prunesObjects(doc)) helpers.push('nonEmpty');
  const lines = [...helpers.flatMap((name) => POLICY_HELPERS[name]), ...(raisesAnyInvalid(doc) ? INVALID_HELPER : []), ...(readsNumbers(doc) ? NUMBER_HELPER : []), ...(readsPresent(doc) ? PRESENT_HELPER : []), ...(usesAnyZone(doc) ? ZONE_HELPER : []), ...(checksDigits(doc) ? CHECK_DIGIT_HELPER : [])];
  if (checksRecords(doc)) lines.unshift(NO_RECORDS_CHECK);
  for (const line of lines) {
    w.newline(1);
    w.write(line);
  }
  for (const line of parameterLines(doc.parameters ?? {})) {
    w.newline(1);
    w.write(line);
  }
  for (const name of Object.keys(doc.lookups).sort()) {
    const table = doc.lookups[name]!;
    // A row table is bound as key -> row, a constants table as its one row (column -> value).
    const entries = 'entries' in table ? table.entries : 'rows' in table ? table.rows : 'constants' in table ? table.constants : tables?.[name];
    if (!entries) throw new MapwrightError('COMPILE_INVALID', `lookup table ${name} is stored in ${'file' in table ? table.file : 'a file'}; its entries were not given to the compiler`);
    writeEntries(w, tableVariable(name), entries);
  }
  for (const map of maps) writeEntries(w, map.variable, map.node.entries);
  if (bindsRootRecord(doc)) {
    w.newline(1);
    w.write(rootRecordBinding(doc.recordKey!, compileSource(doc.recordKey!, 0, 'recordKey'), doc.recordLabel));
  }
}
