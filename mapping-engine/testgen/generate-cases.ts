/**
 * Failure-mode test cases generated from a mapping and one good input: each
 * required source missing, empty and null; an unknown code for every value
 * map and lookup; a malformed value for every date, number and boolean
 * parse; an empty and a one-element list for every array context; a value
 * too long for a target `maxLength`. Each case is the good input with one
 * change and says what it expects, read from the rule's policy.
 */
import type { ArrayContext, MappingDocument, MappingRule } from '../document/document-schema';
import { pathKey, scopeOf } from '../document/edits/edit-paths';
import type { JsonValue } from '../payload/types';
import { findField, type SchemaField } from '../schema/model';
import type { Scalar, TransformNode } from '../transforms/transform-node';
import { splitPath } from '../transforms/jsonata-text';
import { contextPlaces, locateSource, valueAt, withValueAt, type ValuePath } from './payload-paths';

/** What a generated case expects. `field` is a target label as test cases write it (`lines[].quantity`). */
export type CaseExpectation =
  | { kind: 'error'; field: string; code: 'MAP_REQUIRED_MISSING' | 'MAP_INVALID_VALUE' }
  | { kind: 'default'; field: string; value: Scalar }
  | { kind: 'omit'; field: string }
  | { kind: 'value'; field: string; value: Scalar }
  | { kind: 'count'; field: string; count: number }
  | { kind: 'violation'; field: string; code: 'MAP_SCHEMA' };

/** The failure modes. */
export type CaseKind = 'missing' | 'empty' | 'null' | 'unknownCode' | 'malformed' | 'emptyList' | 'oneItem' | 'tooLong';

/** One generated case: the changed input and what it expects. */
export interface GeneratedCase {
  /** A test case name, unique within one generation (`generated: status unknown code`). */
  name: string;
  kind: CaseKind;
  /** The source path (or array context source) that was changed. */
  source: string;
  input: JsonValue;
  expect: CaseExpectation;
  /** Why this is expected, in words (`customerSince: required, so no value is an error`). */
  reason: string;
}

/** What the generator reads. */
export interface GenerateInput {
  document: MappingDocument;
  /** One input the mapping maps without error. */
  goodInput: JsonValue;
  /** The target schema's root, for `maxLength`. */
  targetRoot?: SchemaField;
}

/** Most cases generated (a large mapping would otherwise make thousands). */
export const MAX_CASES = 200;
/** An unknown code no table or map holds. */
export const UNKNOWN_CODE = 'ZZ-UNKNOWN-CODE';
const MALFORMED: Partial<Record<TransformNode['kind'], string>> = { date: '31.02.20XX', parseNumber: 'not a number', parseBoolean: 'perhaps' };
/** Nodes a missing value passes through as no value (no constant, default, condition or aggregate makes one up). */
const PASSES_NOTHING = new Set<TransformNode['kind']>(['copy', 'trim', 'case', 'pad', 'replace', 'split', 'substring', 'date', 'parseNumber', 'formatNumber', 'round', 'arithmetic', 'parseBoolean', 'check', 'pick', 'valueMap', 'lookup']);
/** Nodes that leave a text as it is in kind (its length may change only by trimming). */
const KEEPS_TEXT = new Set<TransformNode['kind']>(['copy', 'trim', 'case']);

/** The label of a target as test cases write it: each array context's name followed by `[]`. */
export function targetLabel(doc: MappingDocument, target: string): string {
  if (target === '.') return '.';
  const names = splitPath(target);
  const arrays = new Set(doc.arrays.filter((a) => a.target !== '.').map((a) => pathKey(a.target)));
  return names.map((name, i) => (i < names.length - 1 && arrays.has(pathKey(names.slice(0, i + 1).join('.'))) ? `${name}[]` : name)).join('.');
}

/** What no value gives under the rule's policy. */
function noValue(rule: MappingRule, field: string): { expect: CaseExpectation; words: string } {
  if (rule.required === 'error') return { expect: { kind: 'error', field, code: 'MAP_REQUIRED_MISSING' }, words: 'required, so no value is an error' };
  if (rule.required === 'default') return { expect: { kind: 'default', field, value: rule.default ?? null }, words: `no value gives the default ${JSON.stringify(rule.default)}` };
  return { expect: { kind: 'omit', field }, words: 'no value leaves the field out' };
}

/** What the rule's first value map or lookup (reached with the text unchanged) does with a code it does not hold. */
function codeTable(rule: MappingRule, field: string, none: { expect: CaseExpectation; words: string } | undefined): { expect: CaseExpectation; words: string } | undefined {
  const i = rule.transforms.findIndex((t) => t.kind === 'valueMap' || t.kind === 'lookup');
  const node = rule.transforms[i];
  if (!node || (node.kind !== 'valueMap' && node.kind !== 'lookup') || !rule.transforms.slice(0, i).every((t) => KEEPS_TEXT.has(t.kind))) return undefined;
  const last = i === rule.transforms.length - 1;
  const what = node.kind === 'lookup' ? `lookup ${node.table}` : 'value map';
  if (node.onUnknown === 'error') return { expect: { kind: 'error', field, code: 'MAP_INVALID_VALUE' }, words: `the ${what} refuses unknown codes` };
  if (node.onUnknown === 'keep') return last ? { expect: { kind: 'value', field, value: UNKNOWN_CODE }, words: `the ${what} keeps unknown codes` } : undefined;
  if (node.default !== undefined) return last ? { expect: { kind: 'value', field, value: node.default }, words: `the ${what} gives ${JSON.stringify(node.default)} for unknown codes` } : undefined;
  return none ? { expect: none.expect, words: `the ${what} gives no value for unknown codes; ${none.words}` } : undefined;
}

/** Rules reading one source through nodes that make up no value (one case per source place: the first such rule wins). */
function singleSourceRules(doc: MappingDocument): MappingRule[] {
  // A rule that picks from a list (CSV rows' first value) reads other items when the first one changes.
  return doc.rules.filter((r) => r.sources.length === 1 && r.transforms.every((t) => PASSES_NOTHING.has(t.kind) && t.kind !== 'pick'));
}

function sortedOrFiltered(doc: MappingDocument, target: string): boolean {
  return scopeOf(doc, target).contexts.some((c) => c.sort !== undefined || c.filter !== undefined);
}

/**
 * Generates the failure-mode cases of `input.document` from its good input.
 * Cases whose change cannot be placed (a source absent from the good input,
 * a grouped context) are left out; the list is capped at {@link MAX_CASES}.
 */
export function generateFailureCases(input: GenerateInput): GeneratedCase[] {
  const { document: doc, goodInput } = input;
  const cases: GeneratedCase[] = [];
  const seen = new Set<string>();
  const add = (c: GeneratedCase, place: ValuePath) => {
    const key = `${c.kind}\u0000${JSON.stringify(place)}`;
    if (seen.has(key) || cases.length >= MAX_CASES) return;
    seen.add(key);
    cases.push(c);
  };
  for (const rule of singleSourceRules(doc)) {
    const source = rule.sources[0]!;
    const place = locateSource(doc, goodInput, rule.target, source);
    if (!place || valueAt(goodInput, place) === undefined) continue;
    const field = targetLabel(doc, rule.target);
    // An omitted field inside a sorted or filtered list may belong to another item of the output.
    const placeable = rule.required !== 'omit' || !sortedOrFiltered(doc, rule.target);
    const none = noValue(rule, field);
    const codes = codeTable(rule, field, placeable ? none : undefined);
    const variants: Array<[CaseKind, JsonValue | undefined, string]> = [['missing', undefined, 'missing'], ['empty', '', 'empty'], ['null', null, 'null']];
    for (const [kind, value, words] of variants) {
      // An empty or null code is a code the table does not hold.
      const expected = kind !== 'missing' && codes ? codes : placeable ? { expect: none.expect, words: none.words } : undefined;
      if (expected) add({ name: `generated: ${source} ${words} (${field})`, kind, source, input: withValueAt(goodInput, place, value), expect: expected.expect, reason: `${rule.target}: ${expected.words}` }, place);
    }
    if (codes) add({ name: `generated: ${source} unknown code (${field})`, kind: 'unknownCode', source, input: withValueAt(goodInput, place, UNKNOWN_CODE), expect: codes.expect, reason: `${rule.target}: ${codes.words}` }, place);
    rule.transforms.forEach((node, i) => {
      const before = rule.transforms.slice(0, i);
      if (!before.every((t) => KEEPS_TEXT.has(t.kind))) return;
      const malformed = MALFORMED[node.kind];
      if (malformed !== undefined && 'onInvalid' in node) {
        const expect = node.onInvalid === 'error' ? ({ kind: 'error', field, code: 'MAP_INVALID_VALUE' } as const) : placeable ? none.expect : undefined;
        const words = node.onInvalid === 'error' ? `a malformed value for ${node.kind} is an error` : `a malformed value for ${node.kind} is no value; ${none.words}`;
        if (expect) add({ name: `generated: ${source} malformed (${field})`, kind: 'malformed', source, input: withValueAt(goodInput, place, malformed), expect, reason: `${rule.target}: ${words}` }, place);
      }
    });
    const maxLength = input.targetRoot ? findField(input.targetRoot, splitPath(rule.target))?.maxLength : undefined;
    const good = valueAt(goodInput, place);
    if (maxLength !== undefined && maxLength < 10_000 && typeof good === 'string' && rule.transforms.every((t) => KEEPS_TEXT.has(t.kind) && t.kind !== 'trim')) {
      add({ name: `generated: ${source} too long (${field})`, kind: 'tooLong', source, input: withValueAt(goodInput, place, 'X'.repeat(maxLength + 1)), expect: { kind: 'violation', field, code: 'MAP_SCHEMA' }, reason: `${rule.target}: the target allows at most ${maxLength} characters` }, place);
    }
  }
  for (const context of doc.arrays) arrayCases(doc, goodInput, context, add);
  return cases;
}

function arrayCases(doc: MappingDocument, goodInput: JsonValue, context: ArrayContext, add: (c: GeneratedCase, place: ValuePath) => void): void {
  // A whole-output list (CSV rows) and grouped lists are left out: an empty one is another kind of input.
  if (context.target === '.' || context.groupBy !== undefined || context.source === '.') return;
  const places = contextPlaces(doc, goodInput, `${context.target}.x`);
  const place = places?.[places.length - 1];
  const list = place ? valueAt(goodInput, place.list) : undefined;
  if (!place || !Array.isArray(list)) return;
  const field = targetLabel(doc, context.target);
  const empty: CaseExpectation = context.required === 'error' ? { kind: 'error', field, code: 'MAP_REQUIRED_MISSING' } : { kind: 'count', field, count: 0 };
  const words = context.required === 'error' ? 'an empty list is an error (required)' : 'an empty list gives no items';
  add({ name: `generated: ${context.source} empty list (${field})`, kind: 'emptyList', source: context.source, input: withValueAt(goodInput, place.list, []), expect: empty, reason: `${context.target}: ${words}` }, place.list);
  if (context.filter === undefined && list.length > 0) {
    add({ name: `generated: ${context.source} one item (${field})`, kind: 'oneItem', source: context.source, input: withValueAt(goodInput, place.list, [list[0]!]), expect: { kind: 'count', field, count: 1 }, reason: `${context.target}: one item in, one item out` }, place.list);
  }
}
