/**
 * An index of a rules list by target key, so finding a rule and checking a
 * new target cost O(path length) instead of a scan of every rule. It is built
 * once per rules array (arrays are never mutated) and handed on to the next
 * array when an edit appends a rule or changes one without moving its
 * target, so a batch of links into a 2,000-rule document stays linear.
 */
import type { MappingRule } from '../document-schema';
import { pathKey } from './edit-paths';

/** Where rules sit, by target key. */
export interface RuleIndex {
  /** Key -> index of the (first) rule with that target. */
  byKey: Map<string, number>;
  /** Key of a field -> number of rules on fields strictly inside it. */
  inside: Map<string, number>;
}

const SEP = '\u0000';
const indexes = new WeakMap<readonly MappingRule[], RuleIndex>();
// Rules are shared between documents of one history, so a rule's key is computed once.
const keys = new WeakMap<MappingRule, string>();

/** The comparison key of a rule's target. */
export function ruleKey(rule: MappingRule): string {
  let key = keys.get(rule);
  if (key === undefined) {
    key = pathKey(rule.target);
    keys.set(rule, key);
  }
  return key;
}

/** The strict prefixes of a key (`a`, `a.b` for `a.b.c`). */
export function prefixesOf(key: string): string[] {
  const out: string[] = [];
  for (let i = key.indexOf(SEP); i >= 0; i = key.indexOf(SEP, i + 1)) out.push(key.slice(0, i));
  return out;
}

function add(index: RuleIndex, rule: MappingRule, at: number): void {
  const key = ruleKey(rule);
  if (!index.byKey.has(key)) index.byKey.set(key, at);
  for (const prefix of prefixesOf(key)) index.inside.set(prefix, (index.inside.get(prefix) ?? 0) + 1);
}

/** The index of `rules`, built on first use. */
export function ruleIndex(rules: readonly MappingRule[]): RuleIndex {
  let index = indexes.get(rules);
  if (index === undefined) {
    index = { byKey: new Map(), inside: new Map() };
    rules.forEach((rule, i) => add(index!, rule, i));
    indexes.set(rules, index);
  }
  return index;
}

/**
 * Hands the index of `before` on to `after`, which is `before` with `appended`
 * added at the end, or with rules replaced by rules of the same targets. The
 * index moves (the old array rebuilds its own if it is used again).
 */
export function handOnIndex(before: readonly MappingRule[], after: readonly MappingRule[], appended?: MappingRule): void {
  const index = indexes.get(before);
  if (index === undefined) return;
  indexes.delete(before);
  if (appended !== undefined) add(index, appended, after.length - 1);
  indexes.set(after, index);
}
