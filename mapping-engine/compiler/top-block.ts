/**
 * The block at the top of a compiled expression: what the fields share,
 * bound once. First the policy helpers the rules use and the `$invalid`
 * helper of transforms that reject values, then every lookup
 * table (`$table_<name>`), then every value map (`$statusMap`), one entry
 * per line, and last the `$record` naming the whole input.
 */
import { MapwrightError } from '../errors';
import type { MappingDocument } from '../document/document-schema';
import { literal } from '../transforms/jsonata-text';
import type { Scalar } from '../transforms/transform-node';
import { compileSource, POLICY_HELPERS, tableVariable } from './compile-rule';
import { INVALID_HELPER, raisesInvalid } from '../transforms/invalid-value';
import { namesRecord, rootRecordBinding } from './record-label';
import type { TextWriter } from './text-writer';
import type { ValueMapBinding } from './value-map-names';

/** Entries of CSV lookup tables, keyed by table name (see `CompileOptions.tables`). */
export type TableEntries = Record<string, Record<string, string>> | undefined;

/** Whether the document binds `$record` at the top: it names a record key and some field can raise an error naming it. */
export function bindsRootRecord(doc: MappingDocument): boolean {
  return doc.recordKey !== undefined && doc.rules.some(namesRecord);
}

/** Whether some transform can reject a value, so the `$invalid` helper is bound. */
function raisesAnyInvalid(doc: MappingDocument): boolean {
  return doc.rules.some((r) => r.transforms.some(raisesInvalid));
}

/** Whether anything needs binding, so the expression is a block around the target. */
export function needsTopBlock(doc: MappingDocument, maps: readonly ValueMapBinding[]): boolean {
  return Object.keys(doc.lookups).length > 0 || maps.length > 0 || doc.rules.some((r) => r.required !== 'omit') || raisesAnyInvalid(doc);
}

function writeEntries(w: TextWriter, variable: string, entries: Record<string, Scalar>): void {
  w.newline(1);
  const all = Object.entries(entries);
  if (all.length === 0) {
    w.write(`${variable} := {};`);
    return;
  }
  w.write(`${variable} := {`);
  all.forEach(([key, value], i) => {
    w.newline(2);
    w.write(`${literal(key)}: ${literal(value)}${i < all.length - 1 ? ',' : ''}`);
  });
  w.newline(1);
  w.write('};');
}

/** Writes the bindings, each on its own lines at indent 1 (the caller opens and closes the block). */
export function writeTopBindings(w: TextWriter, doc: MappingDocument, tables: TableEntries, maps: readonly ValueMapBinding[]): void {
  const helpers = (['required', 'orDefault'] as const).filter((name) => doc.rules.some((r) => r.required === (name === 'required' ? 'error' : 'default')));
  for (const name of helpers) {
    for (const line of POLICY_HELPERS[name]) {
      w.newline(1);
      w.write(line);
    }
  }
  if (raisesAnyInvalid(doc)) {
    for (const line of INVALID_HELPER) {
      w.newline(1);
      w.write(line);
    }
  }
  for (const name of Object.keys(doc.lookups).sort()) {
    const table = doc.lookups[name]!;
    const entries = 'entries' in table ? table.entries : tables?.[name];
    if (!entries) throw new MapwrightError('COMPILE_INVALID', `lookup table ${name} is stored in ${'file' in table ? table.file : 'a file'}; its entries were not given to the compiler`);
    writeEntries(w, tableVariable(name), entries);
  }
  for (const map of maps) writeEntries(w, map.variable, map.node.entries);
  if (bindsRootRecord(doc)) {
    w.newline(1);
    w.write(rootRecordBinding(doc.recordKey!, compileSource(doc.recordKey!, 0, 'recordKey')));
  }
}
