/**
 * Checks shared by the rule edits: finding a rule by its target, keeping
 * targets free of duplicates and of fields inside mapped fields (the compiler
 * refuses both), and validating a rule's sources and transforms where the
 * rule sits (inside which array contexts).
 */
import type { MappingDocument, MappingRule } from '../document-schema';
import { refuse } from './edit-error';
import { checkSourceForm, contextKey, keyInside, pathKey, scopeOf, scopeProblem } from './edit-paths';
import { prefixesOf, ruleIndex, ruleKey } from './rule-index';
import { checkTransform } from './transform-check';

/** Index of the rule for `target` (matched by the names it splits into), or -1. */
export function findRule(doc: MappingDocument, target: string): number {
  let key: string;
  try {
    key = pathKey(target);
  } catch {
    return -1;
  }
  return ruleIndex(doc.rules).byKey.get(key) ?? -1;
}

/** The rule for `target` and its index, or a refusal. */
export function ruleFor(doc: MappingDocument, target: string): { index: number; rule: MappingRule } {
  const index = typeof target === 'string' ? findRule(doc, target) : -1;
  if (index < 0) refuse(`no rule for target field ${String(target)}`, 'the target of an existing rule');
  return { index, rule: doc.rules[index]! };
}

/**
 * Refuses when a rule for `target` (canonical) would clash with another rule
 * (the same field, a field inside it, or a field it lies inside) or with an
 * array context's own path. `except` is the index of the rule being moved.
 */
export function checkTargetFree(doc: MappingDocument, target: string, except = -1): void {
  const key = pathKey(target);
  const index = ruleIndex(doc.rules);
  const same = index.byKey.get(key);
  if (same !== undefined && same !== except) refuse(`target field ${target} already has a rule`, `a target field without a rule (rule ${same + 1} maps ${doc.rules[same]!.target})`);
  const movedInside = except >= 0 && keyInside(ruleKey(doc.rules[except]!), key) ? 1 : 0;
  if ((index.inside.get(key) ?? 0) > movedInside) {
    const inner = doc.rules.find((r, i) => i !== except && keyInside(ruleKey(r), key))!;
    refuse(`target field ${target} has fields mapped inside it (${inner.target}); a field cannot be mapped both as a whole and field by field`, `a leaf field, not ${target}`);
  }
  for (const prefix of prefixesOf(key)) {
    const outer = index.byKey.get(prefix);
    if (outer !== undefined && outer !== except) refuse(`target field ${doc.rules[outer]!.target} is mapped as a whole, so ${target} inside it cannot have its own rule`, `a field outside ${doc.rules[outer]!.target}`);
  }
  for (const a of doc.arrays) {
    const array = contextKey(a);
    if (array === key) refuse(`${target} is an array context: map the fields inside it, or remove the context first`, `a field inside ${target}`);
    if (keyInside(array, key)) refuse(`${target} holds the array context ${a.target}, so it cannot be mapped as a whole`, `a field inside ${target}, or remove the context ${a.target} first`);
  }
}

/** Refuses a rule that would compute nothing (the compiler requires a source or a transform). */
export function checkComputes(rule: MappingRule): void {
  if (rule.sources.length === 0 && rule.transforms.length === 0) refuse(`rule ${rule.target}: a rule needs a source field or a transform`, `rule ${rule.target}: a source or a transform`);
}

/** Validates one source of the rule at `target`: its form, its scope, and that it is not listed twice. */
export function checkSource(doc: MappingDocument, target: string, source: string, others: readonly string[]): void {
  const where = `rule ${target} source ${source}`;
  checkSourceForm(source, `rule ${target} source`);
  const problem = scopeProblem(source, scopeOf(doc, target));
  if (problem !== undefined) refuse(`${where}: ${problem}`, where);
  if (others.includes(source)) refuse(`${where} is already linked`, `rule ${target}: a source not yet linked`);
}

/** Validates every source of a rule; returns them as a new list. */
export function checkSources(doc: MappingDocument, target: string, sources: readonly string[]): string[] {
  if (!Array.isArray(sources)) refuse(`rule ${target}: sources must be a list of source paths`, `rule ${target} sources`);
  const out: string[] = [];
  for (const s of sources) {
    checkSource(doc, target, s, out);
    out.push(s);
  }
  return out;
}

/** Validates (and normalises) a rule's transform chain. */
export function checkTransforms(doc: MappingDocument, target: string, transforms: readonly unknown[]): MappingRule['transforms'] {
  return transforms.map((t, j) => checkTransform(t, `rule ${target} transform ${j + 1}`, doc.lookups));
}

/** Refuses a `default` policy without a default value. */
export function checkPolicy(rule: MappingRule): void {
  if (rule.required === 'default' && rule.default === undefined) refuse(`rule ${rule.target}: required "default" needs a default value`, `rule ${rule.target}: a default value`);
}
