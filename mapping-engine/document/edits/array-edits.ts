/**
 * Edits of array contexts (addressed by their target array path): add,
 * replace and remove. A context changes what the sources of the rules inside
 * it are relative to, so every edit re-checks those rules' `../` and `$key`
 * sources and refuses (naming the rules) when one would no longer resolve.
 */
import { arrayContextSchema, type ArrayContext, type MappingDocument } from '../document-schema';
import { compilePredicate } from '../../transforms/predicate';
import type { DocumentEdit } from './edit-types';
import { checkIndex, parseOrRefuse, refuse } from './edit-error';
import { checkTarget, contextKey, keyInside, pathKey, scopeOf, scopeProblem } from './edit-paths';
import { ruleKey } from './rule-index';

type EditOf<K extends DocumentEdit['kind']> = Extract<DocumentEdit, { kind: K }>;

function indexOf(doc: MappingDocument, target: string): number {
  let key: string | undefined;
  try {
    key = pathKey(target);
  } catch {
    key = undefined;
  }
  const index = key === undefined ? -1 : doc.arrays.findIndex((a) => contextKey(a) === key);
  if (index < 0) refuse(`no array context for ${String(target)}`, `one of the array contexts: ${doc.arrays.map((a) => a.target).join(', ') || '(none)'}`);
  return index;
}

/** Validates a context against `doc` without its context at `except`; returns it in canonical form. */
function checkContext(doc: MappingDocument, input: unknown, except: number): ArrayContext {
  const parsed = parseOrRefuse(arrayContextSchema, input, 'array context');
  const target = parsed.target === '.' ? '.' : checkTarget(parsed.target, 'array context target');
  const where = `array context ${target}`;
  const key = pathKey(target);
  doc.arrays.forEach((a, i) => {
    if (i !== except && contextKey(a) === key) refuse(`${where} already exists`, 'a target array without a context');
  });
  for (const rule of doc.rules) {
    const other = ruleKey(rule);
    if (other === key || keyInside(key, other)) refuse(`${where}: target field ${rule.target} is mapped as a whole; remove its rule first`, `${where}: an array no rule maps as a whole`);
  }
  const others = except < 0 ? doc : { ...doc, arrays: doc.arrays.filter((_, i) => i !== except) };
  const scope = scopeOf(others, target);
  const sourceProblem = scopeProblem(parsed.source, scope);
  if (sourceProblem !== undefined) refuse(`${where} source: ${sourceProblem}`, `${where} source`);
  if (parsed.recordKey !== undefined) {
    const keyProblem = scopeProblem(parsed.recordKey, scope, 1);
    if (keyProblem !== undefined) refuse(`${where} record key: ${keyProblem}`, `${where} record key`);
  }
  if (parsed.filter) {
    try {
      compilePredicate(parsed.filter, '$');
    } catch (error) {
      refuse(`${where} filter: ${error instanceof Error ? error.message : String(error)}`, `${where} filter`);
    }
  }
  return { ...parsed, target };
}

/** Refuses when a rule inside one of `targets` reads a source its new scope cannot resolve. */
function checkRulesInside(doc: MappingDocument, targets: readonly string[]): void {
  const keys = targets.map(pathKey);
  const broken: string[] = [];
  let first = '';
  for (const rule of doc.rules) {
    const key = ruleKey(rule);
    if (!keys.some((k) => keyInside(key, k))) continue;
    const scope = scopeOf(doc, rule.target);
    for (const source of rule.sources) {
      const problem = scopeProblem(source, scope);
      if (problem === undefined) continue;
      if (broken.length === 0) first = problem;
      broken.push(rule.target);
      break;
    }
  }
  if (broken.length > 0) refuse(`rule${broken.length === 1 ? '' : 's'} ${broken.join(', ')} would read sources that no longer resolve (${first})`, `change the sources of ${broken.join(', ')} first`);
}

function addArray(doc: MappingDocument, edit: EditOf<'addArray'>): MappingDocument {
  const context = checkContext(doc, edit.context, -1);
  const at = edit.index ?? doc.arrays.length;
  checkIndex(at, doc.arrays.length, 'array context position');
  const arrays = doc.arrays.slice();
  arrays.splice(at, 0, context);
  const next = { ...doc, arrays };
  checkRulesInside(next, [context.target]);
  return next;
}

function setArray(doc: MappingDocument, edit: EditOf<'setArray'>): MappingDocument {
  const index = indexOf(doc, edit.target);
  const before = doc.arrays[index]!;
  const context = checkContext(doc, edit.context, index);
  const arrays = doc.arrays.slice();
  arrays[index] = context;
  const next = { ...doc, arrays };
  checkRulesInside(next, [before.target, context.target]);
  return next;
}

function removeArray(doc: MappingDocument, edit: EditOf<'removeArray'>): MappingDocument {
  const index = indexOf(doc, edit.target);
  const next = { ...doc, arrays: doc.arrays.filter((_, i) => i !== index) };
  checkRulesInside(next, [doc.arrays[index]!.target]);
  return next;
}

/** The array context edits, by kind. */
export const ARRAY_EDITS = {
  addArray,
  setArray,
  removeArray,
} satisfies { [K in DocumentEdit['kind']]?: (doc: MappingDocument, edit: EditOf<K>) => MappingDocument };
