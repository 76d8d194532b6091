/**
 * Auto-map: suggests rules for the target fields a document does not map
 * yet, and array contexts for target lists that have none. Each suggestion
 * names its sources (relative to its array context, as a rule stores them),
 * a transform where the types differ, a confidence and a reason a person
 * can read. Pure: the caller loads the schemas and sample payloads.
 */
import type { ArrayContext, MappingDocument } from '../document/document-schema';
import { documentPath, pathKey } from '../document/edits/edit-paths';
import type { JsonValue } from '../payload/types';
import { findField, type SchemaField } from '../schema/model';
import { initialPolicy, schemaLevels } from '../document/edits/required-policy';
import type { TransformNode } from '../transforms/transform-node';
import { splitPath } from '../transforms/jsonata-text';
import { addSampleValues, catalogArrays, catalogFields, type CatalogField } from './field-catalog';
import { compareNames, normaliseName, sharesWord, type NameMatch } from './normalise-name';
import { listMatch } from './array-match';
import { fitTypes } from './suggest-transform';
import { describeShape, shapeFitsName, valueShape } from './value-shapes';

/** One suggested change: a rule for a target field, or an array context for a target list. */
export interface MappingSuggestion {
  /** Stable id: `rule:<target>` or `array:<target>`. */
  id: string;
  kind: 'rule' | 'array';
  /** The rule's target field, or the context's target array (`.` for a whole-output list). */
  target: string;
  /** Rule sources, or the context's source array (one entry). */
  sources: string[];
  /** Transforms proposed where the source's values do not fit the target as they are. */
  transforms: TransformNode[];
  /** 0..1. */
  confidence: number;
  reason: string;
  /** The group a reviewer accepts together: the target's parent (`address`), `''` for top-level fields. */
  group: string;
  /** The array suggestion this rule needs (its context is not in the document yet). */
  requires?: string;
  /** A rule's missing-value policy: `error` where the target schema demands the field (required-policy.ts). */
  required?: 'omit' | 'error';
}

/** What auto-map reads. */
export interface SuggestInput {
  document: MappingDocument;
  sourceRoot: SchemaField;
  targetRoot: SchemaField;
  /** Parsed source sample payloads, for value shapes. */
  sourceSamples?: readonly JsonValue[];
  /** Suggestions below this confidence are dropped (default 0.5). */
  minConfidence?: number;
}

const DEFAULT_MIN = 0.5;

interface ArrayPlan {
  /** Source array names (absolute), per target array key. */
  sourceNames: string[];
  suggestion?: MappingSuggestion;
}

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;

function startsWith(names: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= names.length && prefix.every((n, i) => names[i] === n);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

/** A path from `base` (names) to `names`, as a document writes it (`.` for the same place). */
function relative(names: readonly string[], base: readonly string[]): string {
  return names.length === base.length ? '.' : documentPath(names.slice(base.length));
}

function targetText(names: readonly string[]): string {
  return names.length === 0 ? '.' : documentPath(names);
}

/** Absolute source names of an existing context's source, read from its enclosing context's. */
function contextSourceNames(context: ArrayContext, enclosing: readonly string[]): string[] | undefined {
  const source = context.source;
  if (source === '.') return [...enclosing];
  if (source.startsWith('$') || source.startsWith('../')) return undefined;
  if (source.startsWith('/')) return splitPath(source.slice(1));
  return [...enclosing, ...splitPath(source)];
}

/** Plans every target array: the document's context, or the best source array to suggest. */
function planArrays(input: SuggestInput, targetArrays: string[][]): Map<string, ArrayPlan | null> {
  const plans = new Map<string, ArrayPlan | null>();
  const contexts = new Map(input.document.arrays.map((a) => [pathKey(a.target), a]));
  const sourceArrays = catalogArrays(input.sourceRoot);
  const sorted = [...targetArrays].sort((a, b) => a.length - b.length);
  for (const names of sorted) {
    const key = targetText(names) === '.' ? '.' : pathKey(targetText(names));
    if (plans.has(key)) continue;
    // The nearest enclosing target array's plan decides where this one's source may come from.
    const outer = sorted.filter((o) => o.length < names.length && startsWith(names, o)).pop();
    const outerPlan = outer === undefined ? undefined : plans.get(targetText(outer) === '.' ? '.' : pathKey(targetText(outer)));
    if (outer !== undefined && !outerPlan) {
      plans.set(key, null);
      continue;
    }
    const enclosing = outerPlan?.sourceNames ?? [];
    const existing = contexts.get(key);
    if (existing) {
      const sourceNames = contextSourceNames(existing, enclosing);
      plans.set(key, sourceNames ? { sourceNames } : null);
      continue;
    }
    const targetName = normaliseName(names[names.length - 1] ?? '');
    const targetList = findField(input.targetRoot, names);
    const candidates = sourceArrays.filter((s) => startsWith(s.path, enclosing) && (outerPlan === undefined || s.path.length > enclosing.length));
    let best: { field: SchemaField; match: NameMatch } | undefined;
    for (const s of candidates) {
      // The lists' names, and how many of the target item's fields the source item has too.
      const match = targetList ? listMatch(targetList, targetName, s) : compareNames(targetName, normaliseName(s.name));
      if (!best || match.score > best.match.score) best = { field: s, match };
    }
    // The only list there is fills the outermost target list (CSV rows into an XML document's lines).
    if (best && best.match.score < 0.5 && candidates.length === 1 && outer === undefined) best = { field: best.field, match: { score: 0.6, reason: best.field.path.length === 0 ? 'the input is a list of records' : 'the only list in the source' } };
    if (!best || best.match.score < 0.5) {
      plans.set(key, null);
      continue;
    }
    const target = targetText(names);
    const suggestion: MappingSuggestion = {
      id: `array:${target}`,
      kind: 'array',
      target,
      sources: [relative(best.field.path, enclosing)],
      transforms: [],
      confidence: round(best.match.score),
      reason: `list for list: ${best.match.reason}`,
      group: target,
    };
    plans.set(key, { sourceNames: best.field.path, suggestion });
  }
  return plans;
}

/** The rule targets already mapped (and the fields inside a whole-mapped one). */
function mappedKeys(doc: MappingDocument): string[] {
  return [...doc.rules.map((r) => pathKey(r.target)), ...doc.arrays.filter((a) => a.target !== '.').map((a) => pathKey(a.target))];
}

function isMapped(names: readonly string[], mapped: readonly string[], contexts: ReadonlySet<string>): boolean {
  const key = pathKey(documentPath(names));
  if (contexts.has(key)) return true;
  return mapped.some((m) => !contexts.has(m) && (key === m || key.startsWith(`${m}\u0000`)));
}

interface Candidate {
  sources: string[];
  transforms: TransformNode[];
  score: number;
  reason: string;
  up: number;
}

function qualified(field: CatalogField): ReturnType<typeof normaliseName> {
  const parent = field.parents[field.parents.length - 1];
  return normaliseName(parent ? `${parent.raw}_${field.name.raw}` : field.name.raw);
}

/** Scores `source` for `target` in the array chain `chain` (absolute source names of each enclosing context). */
function score(target: CatalogField, source: CatalogField, chain: readonly string[][]): Candidate | undefined {
  // The source's arrays must be the chain's first ones (a field of another list cannot fill one value).
  const within = source.arrays.length;
  let pick = false;
  if (within > chain.length || !source.arrays.every((a, i) => sameNames(a, chain[i]!))) {
    // A record list at the root (CSV rows) fills a single value from its first record.
    if (chain.length === 0 && within === 1 && source.arrays[0]!.length === 0) pick = true;
    else return undefined;
  }
  const fit = fitTypes(target.field, source);
  if (!fit) return undefined;
  let match = compareNames(target.name, source.name);
  // With a parent's name (orderNumber ~ order.id), as long as the leaf names share a word themselves.
  const byContext = sharesWord(target.name, source.name) ? Math.max(compareNames(qualified(target), source.name).score, compareNames(target.name, qualified(source)).score) * 0.85 : 0;
  if (byContext > match.score) match = { score: byContext, reason: `${target.name.raw} ~ ${source.parents.map((p) => p.raw).concat(source.name.raw).slice(-2).join('.')} (with its parent)` };
  const reasons: string[] = [];
  let value = match.score;
  if (match.reason) reasons.push(match.reason);
  const shape = valueShape(source.values);
  // Values alone are weaker evidence than names; they count for fields the target needs.
  if (value < 0.5 && target.needed && shapeFitsName(shape, target.name.tokens)) {
    value = 0.5;
    reasons.push(`values look like ${describeShape(shape)}, target is named ${target.name.raw}`);
  }
  if (value === 0) return undefined;
  const tParent = target.parents[target.parents.length - 1];
  const sParent = source.parents[source.parents.length - 1];
  if (tParent && sParent) {
    const parents = compareNames(tParent, sParent);
    if (parents.score >= 0.5) {
      value += 0.05;
      reasons.push(`parents match (${sParent.raw} ~ ${tParent.raw})`);
    } else if (target.arrays.length === 0 || target.parents.length > target.arrays[target.arrays.length - 1]!.length + 1) {
      // Different parents (shipTo.name, order.name) make a same-named field less likely the one.
      value -= 0.1;
    }
  }
  if (fit.reason) reasons.push(fit.reason);
  value += fit.adjust;
  const up = chain.length - Math.min(within, chain.length);
  const base = within === 0 || pick ? [] : chain[within - 1]!;
  const path = `${'../'.repeat(pick ? 0 : up)}${relative(source.names, base)}`;
  const transforms: TransformNode[] = pick ? [{ kind: 'pick', index: 0 }, ...fit.transforms] : fit.transforms;
  if (pick) {
    value -= 0.05;
    reasons.push("the first record's value");
  }
  return { sources: [path], transforms, score: value, reason: reasons.join('; '), up };
}

/**
 * Suggests rules for the unmapped target fields of `input.document` and the
 * array contexts they need, best first within the target's order.
 */
export function suggestMappings(input: SuggestInput): MappingSuggestion[] {
  const min = input.minConfidence ?? DEFAULT_MIN;
  const targets = catalogFields(input.targetRoot);
  const sources = catalogFields(input.sourceRoot);
  addSampleValues(sources, input.sourceSamples ?? []);
  const targetArrays: string[][] = [];
  for (const t of targets) for (const a of t.arrays) if (!targetArrays.some((x) => sameNames(x, a))) targetArrays.push(a);
  const plans = planArrays(input, targetArrays);
  const contexts = new Set(input.document.arrays.map((a) => pathKey(a.target)));
  const mapped = mappedKeys(input.document);
  const out: MappingSuggestion[] = [];
  const arraysUsed = new Set<string>();
  for (const target of targets) {
    if (isMapped(target.names, mapped, contexts)) continue;
    const chainPlans = target.arrays.map((a) => plans.get(a.length === 0 ? '.' : pathKey(documentPath(a))) ?? null);
    if (chainPlans.some((p) => p === null)) continue;
    const chain = chainPlans.map((p) => p!.sourceNames);
    let best: Candidate | undefined;
    for (const source of sources) {
      const candidate = score(target, source, chain);
      if (candidate && (!best || candidate.score > best.score || (candidate.score === best.score && candidate.up < best.up))) best = candidate;
    }
    if (!best || best.score < min) continue;
    const pending = chainPlans.map((p) => p!.suggestion).filter((s): s is MappingSuggestion => s !== undefined);
    for (const s of pending) arraysUsed.add(s.id);
    const path = documentPath(target.names);
    const suggestion: MappingSuggestion = {
      id: `rule:${path}`,
      kind: 'rule',
      target: path,
      sources: best.sources,
      transforms: best.transforms,
      confidence: round(best.score),
      reason: best.reason,
      group: target.names.length > 1 ? documentPath(target.names.slice(0, -1)) : '',
      required: initialPolicy(schemaLevels(input.targetRoot, target.names)),
    };
    const needs = pending[pending.length - 1];
    if (needs) suggestion.requires = needs.id;
    out.push(suggestion);
  }
  const arrays = [...plans.values()].map((p) => p?.suggestion).filter((s): s is MappingSuggestion => s !== undefined && arraysUsed.has(s.id));
  return [...arrays, ...out];
}
