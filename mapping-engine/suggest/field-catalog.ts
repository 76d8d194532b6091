/**
 * The fields auto-map compares: every leaf of a schema tree (a scalar, a
 * list of scalars) with the arrays around it, and the values the samples
 * hold at that place.
 */
import type { JsonValue } from '../payload/types';
import type { EnumValue, SchemaField } from '../schema/model';
import { normaliseName, type NormalName } from './normalise-name';

/** One leaf field of a schema. */
export interface CatalogField {
  field: SchemaField;
  /** Names from the root (the root excluded). */
  names: string[];
  name: NormalName;
  /** Normalised names of the objects around it, nearest last (arrays included). */
  parents: NormalName[];
  /** Name paths of the repeating objects around the field, outermost first (`[]` for a repeating root such as CSV rows). */
  arrays: string[][];
  /** The field and every object around it are required: a document of this schema always has it. */
  needed: boolean;
  /** Scalar sample values (at most {@link MAX_VALUES}). */
  values: EnumValue[];
}

/** Most sample values kept per field. */
export const MAX_VALUES = 50;
/** Most fields a catalog holds (larger schemas are cut; auto-map stays quick). */
export const MAX_CATALOG_FIELDS = 5000;

function isLeaf(field: SchemaField): boolean {
  return !field.children || field.children.length === 0;
}

/** The leaves of `root` and the arrays around each, parents before children. */
export function catalogFields(root: SchemaField): CatalogField[] {
  const out: CatalogField[] = [];
  const visit = (field: SchemaField, arrays: string[][], parents: NormalName[], needed: boolean): void => {
    if (out.length >= MAX_CATALOG_FIELDS) return;
    const names = field.path;
    if (isLeaf(field) && names.length > 0) {
      // An element's text beside its attributes (`PriceAmount.#text`) is named by its element.
      const text = field.name === '#text' && parents.length > 0;
      out.push({ field, names, name: text ? parents[parents.length - 1]! : normaliseName(field.name), parents: text ? parents.slice(0, -1) : parents, arrays, needed: needed && field.required, values: [] });
      return;
    }
    const inner = field.repeating ? [...arrays, names] : arrays;
    const innerParents = names.length > 0 ? [...parents, normaliseName(field.name)] : parents;
    for (const child of field.children ?? []) visit(child, inner, innerParents, needed && (names.length === 0 || field.required));
  };
  visit(root, [], [], true);
  return out;
}

/** The repeating objects of `root` (arrays a context can iterate), outermost first. */
export function catalogArrays(root: SchemaField): SchemaField[] {
  const out: SchemaField[] = [];
  const visit = (field: SchemaField): void => {
    if (field.repeating && !isLeaf(field)) out.push(field);
    for (const child of field.children ?? []) visit(child);
  };
  visit(root);
  return out;
}

function collect(value: JsonValue | undefined, names: readonly string[], at: number, into: EnumValue[]): void {
  if (into.length >= MAX_VALUES || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, names, at, into);
    return;
  }
  if (at === names.length) {
    if (value === null || typeof value !== 'object') into.push(value);
    return;
  }
  if (value !== null && typeof value === 'object' && Object.hasOwn(value, names[at]!)) collect((value as Record<string, JsonValue>)[names[at]!], names, at + 1, into);
}

/** Fills each field's `values` from the sample payloads (arrays on the way are walked item by item). */
export function addSampleValues(fields: CatalogField[], samples: readonly JsonValue[]): void {
  for (const f of fields) {
    for (const sample of samples) collect(sample, f.names, 0, f.values);
  }
}
