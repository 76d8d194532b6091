/**
 * Edits of rules (addressed by target path): add, remove, move, retarget,
 * sources, transforms, required policy, default and notes.
 *
 * Invariant: an edit never leaves a rule computing nothing. Unlinking the
 * last source of a rule without transforms (or removing the last transform
 * of a rule without sources) removes the rule: the field becomes unmapped,
 * exactly as if it had never been linked, and undo brings the rule back.
 * A rule that still has transforms keeps them with no sources (it may hold
 * a constant). `setSources([])` follows the same rule.
 */
import { requiredPolicySchema, ruleSchema, type MappingDocument, type MappingRule } from '../document-schema';
import { scalarSchema } from '../../transforms/transform-node';
import type { DocumentEdit } from './edit-types';
import { checkIndex, parseOrRefuse, refuse } from './edit-error';
import { checkTarget } from './edit-paths';
import { checkComputes, checkPolicy, checkSource, checkSources, checkTargetFree, checkTransforms, findRule, ruleFor } from './rule-checks';
import { handOnIndex, ruleKey } from './rule-index';
import { checkChain, checkTransform } from './transform-check';

const newLinkPolicy = requiredPolicySchema.exclude(['default']);

type EditOf<K extends DocumentEdit['kind']> = Extract<DocumentEdit, { kind: K }>;

function withRule(doc: MappingDocument, index: number, rule: MappingRule | undefined): MappingDocument {
  const rules = doc.rules.slice();
  if (rule === undefined) rules.splice(index, 1);
  else {
    rules[index] = rule;
    if (ruleKey(rule) === ruleKey(doc.rules[index]!)) handOnIndex(doc.rules, rules);
  }
  return { ...doc, rules };
}

/** The rule as stored, or undefined when it would compute nothing (see the file comment). */
function settle(rule: MappingRule): MappingRule | undefined {
  return rule.sources.length === 0 && rule.transforms.length === 0 ? undefined : rule;
}

/** Applies `change` to the rule for `target`; a changed rule's chain must still compile with its sources. */
function update(doc: MappingDocument, target: string, change: (rule: MappingRule) => MappingRule | undefined): MappingDocument {
  const { index, rule } = ruleFor(doc, target);
  const next = change(rule);
  // Setting what is already there (a form re-applying its value) is no step: the input comes back.
  if (next !== undefined && JSON.stringify(next) === JSON.stringify(rule)) return doc;
  if (next !== undefined && (next.sources !== rule.sources || next.transforms !== rule.transforms)) checkChain(next);
  return withRule(doc, index, next);
}

function insertRule(doc: MappingDocument, rule: MappingRule, index: number | undefined): MappingDocument {
  checkChain(rule);
  const at = index ?? doc.rules.length;
  checkIndex(at, doc.rules.length, 'rule position');
  const rules = doc.rules.slice();
  rules.splice(at, 0, rule);
  if (at === doc.rules.length) handOnIndex(doc.rules, rules, rule);
  return { ...doc, rules };
}

function addRule(doc: MappingDocument, edit: EditOf<'addRule'>): MappingDocument {
  const input = edit.rule as { transforms?: unknown } | undefined;
  const transforms = input?.transforms ?? [];
  if (!Array.isArray(transforms)) refuse('new rule: transforms must be a list', 'new rule transforms');
  // Transforms are checked one by one below, so a refusal names the transform rather than the rule.
  const parsed = parseOrRefuse(ruleSchema, { ...input, transforms: [] }, 'new rule');
  const target = checkTarget(parsed.target, 'new rule target');
  checkTargetFree(doc, target);
  const rule: MappingRule = { ...parsed, target, sources: checkSources(doc, target, parsed.sources), transforms: checkTransforms(doc, target, transforms) };
  checkComputes(rule);
  return insertRule(doc, rule, edit.index);
}

function moveRule(doc: MappingDocument, edit: EditOf<'moveRule'>): MappingDocument {
  const { index, rule } = ruleFor(doc, edit.target);
  checkIndex(edit.toIndex, doc.rules.length - 1, 'rule position');
  if (edit.toIndex === index) return doc;
  const rules = doc.rules.slice();
  rules.splice(index, 1);
  rules.splice(edit.toIndex, 0, rule);
  return { ...doc, rules };
}

function retargetRule(doc: MappingDocument, edit: EditOf<'retargetRule'>): MappingDocument {
  const { index, rule } = ruleFor(doc, edit.target);
  const target = checkTarget(edit.newTarget, 'new target');
  if (target === rule.target) return doc;
  checkTargetFree(doc, target, index);
  // The sources are relative to the array contexts around the field, so they must still be reachable there.
  const moved = { ...rule, target, sources: checkSources(doc, target, rule.sources) };
  return withRule(doc, index, moved);
}

function linkSource(doc: MappingDocument, edit: EditOf<'linkSource'>): MappingDocument {
  const target = checkTarget(edit.target, 'link target');
  const existing = findRule(doc, target);
  const found = existing >= 0 ? { index: existing, rule: doc.rules[existing]! } : undefined;
  if (found === undefined) {
    checkTargetFree(doc, target);
    checkSource(doc, target, edit.source, []);
    // 'default' needs a value a link cannot give, so a link starts a rule as 'omit' or 'error' only.
    const required = edit.required === undefined ? 'omit' : parseOrRefuse(newLinkPolicy, edit.required, `rule ${target} required policy`);
    return insertRule(doc, { target, sources: [edit.source], transforms: [], required }, edit.index);
  }
  checkSource(doc, found.rule.target, edit.source, found.rule.sources);
  const linked = { ...found.rule, sources: [...found.rule.sources, edit.source] };
  checkChain(linked);
  return withRule(doc, found.index, linked);
}

function unlinkSource(doc: MappingDocument, edit: EditOf<'unlinkSource'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    if (!rule.sources.includes(edit.source)) refuse(`rule ${rule.target} has no source ${String(edit.source)}`, `rule ${rule.target}: one of ${rule.sources.join(', ') || '(no sources)'}`);
    return settle({ ...rule, sources: rule.sources.filter((s) => s !== edit.source) });
  });
}

function transformIndex(rule: MappingRule, index: number, extra = 0): void {
  checkIndex(index, rule.transforms.length - 1 + extra, `rule ${rule.target} transform position`);
}

function insertTransform(doc: MappingDocument, edit: EditOf<'insertTransform'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    transformIndex(rule, edit.index, 1);
    const node = checkTransform(edit.transform, `rule ${rule.target} new transform`, doc.lookups);
    const transforms = rule.transforms.slice();
    transforms.splice(edit.index, 0, node);
    return { ...rule, transforms };
  });
}

function setTransform(doc: MappingDocument, edit: EditOf<'setTransform'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    transformIndex(rule, edit.index);
    const node = checkTransform(edit.transform, `rule ${rule.target} transform ${edit.index + 1}`, doc.lookups);
    const transforms = rule.transforms.slice();
    transforms[edit.index] = node;
    return { ...rule, transforms };
  });
}

function removeTransform(doc: MappingDocument, edit: EditOf<'removeTransform'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    transformIndex(rule, edit.index);
    return settle({ ...rule, transforms: rule.transforms.filter((_, i) => i !== edit.index) });
  });
}

function moveTransform(doc: MappingDocument, edit: EditOf<'moveTransform'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    transformIndex(rule, edit.from);
    transformIndex(rule, edit.to);
    const transforms = rule.transforms.slice();
    const [node] = transforms.splice(edit.from, 1);
    transforms.splice(edit.to, 0, node!);
    return { ...rule, transforms };
  });
}

function setRequired(doc: MappingDocument, edit: EditOf<'setRequired'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    const required = parseOrRefuse(requiredPolicySchema, edit.required, `rule ${rule.target} required policy`);
    const next: MappingRule = { ...rule, required };
    if (edit.default !== undefined) next.default = parseOrRefuse(scalarSchema, edit.default, `rule ${rule.target} default`);
    checkPolicy(next);
    return next;
  });
}

function setDefault(doc: MappingDocument, edit: EditOf<'setDefault'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    const next: MappingRule = { ...rule };
    if (edit.default === undefined) delete next.default;
    else next.default = parseOrRefuse(scalarSchema, edit.default, `rule ${rule.target} default`);
    checkPolicy(next);
    return next;
  });
}

function setNotes(doc: MappingDocument, edit: EditOf<'setNotes'>): MappingDocument {
  return update(doc, edit.target, (rule) => {
    const next: MappingRule = { ...rule };
    if (edit.notes === undefined || edit.notes === '') delete next.notes;
    else if (typeof edit.notes !== 'string') refuse(`rule ${rule.target} notes must be text`, `rule ${rule.target} notes`);
    else next.notes = edit.notes;
    return next;
  });
}

/** The rule edits, by kind. */
export const RULE_EDITS = {
  addRule,
  removeRule: (doc: MappingDocument, edit: EditOf<'removeRule'>) => update(doc, edit.target, () => undefined),
  moveRule,
  retargetRule,
  setSources: (doc: MappingDocument, edit: EditOf<'setSources'>) => update(doc, edit.target, (rule) => settle({ ...rule, sources: checkSources(doc, rule.target, edit.sources) })),
  linkSource,
  unlinkSource,
  insertTransform,
  removeTransform,
  moveTransform,
  setTransform,
  setRequired,
  setDefault,
  setNotes,
} satisfies { [K in DocumentEdit['kind']]?: (doc: MappingDocument, edit: EditOf<K>) => MappingDocument };
