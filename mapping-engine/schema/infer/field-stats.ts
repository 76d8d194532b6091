/**
 * Evidence about one field, gathered over every value seen at its path (all
 * samples, all array elements). Inference first folds values into this tree,
 * then turns it into schema fields ({@link statsToField}); counting first lets
 * rules like "required = present in every parent" and the enum thresholds look
 * at the whole data set instead of one value at a time.
 */
import { MapwrightError } from '../../errors';
import type { JsonValue } from '../../payload/types';
import type { FieldType } from '../model';
import { pathKey } from '../model';
import { jsonEvidence, textEvidence, type ScalarEvidence } from './scalar-types';
import { joinScalarTypes } from './type-join';

/** Mutable evidence of one field. Only inference code sees it. */
export interface FieldStats {
  name: string;
  path: string[];
  /** Parent objects that had this member (for the root: samples). */
  present: number;
  /** Object values seen; their members are counted in `children`. */
  objectCount: number;
  /** Non-empty scalar values seen. */
  scalarCount: number;
  /** Empty text values (CSV/XML ""), which carry no type. */
  emptyCount: number;
  nullCount: number;
  /** Joined type of the scalar values. */
  scalarType?: FieldType;
  /** Format hint shared by every non-empty string so far; null once they disagree. */
  format?: string | null;
  /** Seen as an array somewhere. */
  arraySeen: boolean;
  /** An array held an array (no field model for that: typed `any`). */
  nestedArray: boolean;
  /** Distinct string values and their counts; null once they cannot form an enum. */
  values: Map<string, number> | null;
  /** Some value came from an XML sample. */
  xml: boolean;
  namespace?: string;
  children: Map<string, FieldStats>;
}

/** What is fixed for one sample while its value is walked. */
export interface SampleContext {
  /** CSV and XML: strings are text to read a type from. */
  text: boolean;
  xml: boolean;
  file?: string;
  namespaces?: Record<string, string>;
  enumMaxDistinct: number;
  enumMaxLength: number;
}

/**
 * Deeper than any real document; guards the recursion so a hostile payload
 * gives a coded error instead of a stack overflow.
 */
export const MAX_DEPTH = 400;

/** A fresh, empty evidence node. */
export function newStats(name: string, path: string[]): FieldStats {
  return {
    name,
    path,
    present: 0,
    objectCount: 0,
    scalarCount: 0,
    emptyCount: 0,
    nullCount: 0,
    arraySeen: false,
    nestedArray: false,
    values: new Map(),
    xml: false,
    children: new Map(),
  };
}

/** Folds one value (possibly an array of values) into `stats`. */
export function observe(stats: FieldStats, value: JsonValue, ctx: SampleContext, depth = 0): void {
  if (depth > MAX_DEPTH) {
    throw new MapwrightError('LIMIT_EXCEEDED', `value nested more than ${MAX_DEPTH} levels deep at ${pathKey(stats.path) || 'the root'}`, {
      file: ctx.file,
      expected: `at most ${MAX_DEPTH} levels of nesting`,
    });
  }
  if (ctx.xml && !stats.xml && stats.path.length > 0) {
    stats.xml = true;
    const namespace = ctx.namespaces?.[pathKey(stats.path)];
    if (namespace) stats.namespace = namespace;
  }
  if (!Array.isArray(value)) {
    observeOne(stats, value, ctx, depth);
    return;
  }
  stats.arraySeen = true;
  for (const element of value) {
    if (Array.isArray(element)) stats.nestedArray = true;
    else observeOne(stats, element, ctx, depth);
  }
}

function observeOne(stats: FieldStats, value: Exclude<JsonValue, JsonValue[]>, ctx: SampleContext, depth: number): void {
  if (value === null) {
    stats.nullCount++;
    return;
  }
  if (typeof value === 'object') {
    stats.objectCount++;
    for (const [key, member] of Object.entries(value)) {
      let child = stats.children.get(key);
      if (!child) {
        child = newStats(key, [...stats.path, key]);
        stats.children.set(key, child);
      }
      child.present++;
      observe(child, member, ctx, depth + 1);
    }
    return;
  }
  if (typeof value === 'string' && ctx.text) {
    const evidence = textEvidence(value);
    if (evidence) addScalar(stats, evidence, value, ctx);
    else stats.emptyCount++;
    return;
  }
  addScalar(stats, jsonEvidence(value), value, ctx);
}

function addScalar(stats: FieldStats, evidence: ScalarEvidence, raw: string | number | boolean, ctx: SampleContext): void {
  stats.scalarCount++;
  stats.scalarType = stats.scalarType === undefined ? evidence.type : joinScalarTypes(stats.scalarType, evidence.type);
  // An empty JSON string is a value but no evidence against a format.
  if (raw !== '') {
    const format = evidence.format ?? null;
    stats.format = stats.format === undefined || stats.format === format ? format : null;
  }
  countValue(stats, raw, ctx);
}

function readsAsNumber(text: string): boolean {
  const type = textEvidence(text)?.type;
  return type === 'integer' || type === 'number';
}

function countValue(stats: FieldStats, raw: string | number | boolean, ctx: SampleContext): void {
  const values = stats.values;
  if (!values) return;
  // Enums list codes: a JSON number or boolean in the mix, a number written as a
  // string (Shopify's "199.00" prices), or free text rules one out.
  if (typeof raw !== 'string' || raw.length > ctx.enumMaxLength || readsAsNumber(raw)) {
    stats.values = null;
    return;
  }
  const count = values.get(raw);
  if (count !== undefined) values.set(raw, count + 1);
  else if (values.size >= ctx.enumMaxDistinct) stats.values = null;
  else values.set(raw, 1);
}

/**
 * Adds the non-empty scalar evidence of `source` to `target` (turns the
 * plain-text occurrences of an XML element into its `#text` member).
 */
export function absorbScalars(target: FieldStats, source: FieldStats): void {
  target.present += source.scalarCount;
  target.scalarCount += source.scalarCount;
  target.xml = target.xml || source.xml;
  if (source.scalarType !== undefined) {
    target.scalarType = target.scalarType === undefined ? source.scalarType : joinScalarTypes(target.scalarType, source.scalarType);
  }
  if (source.format !== undefined) {
    target.format = target.format === undefined || target.format === source.format ? source.format : null;
  }
  if (!target.values || !source.values) {
    target.values = null;
    return;
  }
  for (const [value, count] of source.values) target.values.set(value, (target.values.get(value) ?? 0) + count);
}
