/**
 * Whether a source field dropped on a target field makes a link, and the
 * edit that makes it; otherwise why not, in words the canvas shows at the
 * drop. The engine's `linkSource` edit has the last word (it checks the
 * rule's scope again); these checks catch what it cannot know, since it
 * never sees the schemas: objects dropped on values, and repeating fields
 * read outside the array context that iterates them.
 */
import type { MappingDocument } from '../document-schema';
import type { DocumentEdit } from '../edits/edit-types';
import { documentPath, pathKey } from '../edits/edit-paths';
import { contextBases, startsWithNames } from './canvas-scope';
import { initialPolicy } from '../edits/required-policy';

/** A field of a schema tree as the checks need it. */
export interface CanvasField {
  /** Names from the root. */
  names: readonly string[];
  /** For each of `names`, whether that level repeats. */
  repeats: readonly boolean[];
  /** The field is an object (or a list of objects) with fields of its own. */
  hasChildren: boolean;
  /**
   * For each of `names`, whether the schema requires that level; a new rule on a target field the
   * schema demands starts as `required: 'error'` (required-policy.ts). Unknown: 'omit'.
   */
  requires?: readonly boolean[];
}

/** Why a drop makes no link. */
export type LinkRefusal =
  | 'target-group'
  | 'target-context'
  | 'target-list'
  | 'source-object'
  | 'target-needs-context'
  | 'source-outside-context'
  | 'already-linked';

/** The outcome of a drop. */
export type LinkProposal =
  | { ok: true; edit: Extract<DocumentEdit, { kind: 'linkSource' }> }
  | {
      ok: false;
      reason: LinkRefusal;
      message: string;
      /** The array context that would make the link possible (target array path, source array relative to its scope). */
      context?: { target: string; source: string };
    };

const last = (values: readonly boolean[]): boolean => values[values.length - 1] === true;
const shown = (names: readonly string[]): string => names.join('.') || '(root)';

/** The repeating ancestors of `field` (not the field itself), as name prefixes. */
function repeatingAncestors(field: CanvasField): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < field.names.length - 1; i++) if (field.repeats[i]) out.push(field.names.slice(0, i + 1));
  return out;
}

/** The source path `names` is written as at a target whose contexts iterate `bases`. */
function relativeSource(names: readonly string[], bases: readonly (readonly string[])[]): { path: string; base: readonly string[] } {
  for (let level = bases.length - 1; level >= 0; level--) {
    const base = bases[level]!;
    if (!startsWithNames(names, base)) continue;
    const rest = names.slice(base.length);
    const up = '../'.repeat(bases.length - 1 - level);
    // The innermost item itself is `.`; an outer item has no path of its own, so look further out.
    if (rest.length === 0 && up) continue;
    return { path: rest.length === 0 ? '.' : `${up}${documentPath(rest)}`, base };
  }
  return { path: `${'../'.repeat(bases.length)}${documentPath(names)}`, base: [] };
}

/**
 * The link `source` -> `target` in `doc`: the `linkSource` edit, or the
 * reason it is refused (with the array context that would allow it).
 */
export function proposeLink(doc: Pick<MappingDocument, 'rules' | 'arrays'>, source: CanvasField, target: CanvasField): LinkProposal {
  const targetPath = documentPath(target.names);
  const targetKey = pathKey(targetPath);
  if (doc.arrays.some((a) => a.target !== '.' && pathKey(a.target) === targetKey)) {
    return { ok: false, reason: 'target-context', message: `${shown(target.names)} is an array context: link the fields inside it` };
  }
  const targetList = last(target.repeats);
  if (target.hasChildren && !targetList) {
    return { ok: false, reason: 'target-group', message: `${shown(target.names)} is a group of fields: link the fields inside it` };
  }
  const sourceList = last(source.repeats);
  if (source.hasChildren && !sourceList && !target.hasChildren) {
    return { ok: false, reason: 'source-object', message: `${shown(source.names)} is an object and ${shown(target.names)} one value: link one of its fields` };
  }
  if (targetList && !sourceList) {
    return { ok: false, reason: 'target-list', message: `${shown(target.names)} is a list: link a list to it, or map the fields inside it` };
  }
  for (const ancestor of repeatingAncestors(target)) {
    const key = pathKey(documentPath(ancestor));
    if (!doc.arrays.some((a) => a.target !== '.' && pathKey(a.target) === key)) {
      // The list to iterate: the source's first repeating level below what the contexts around the list already iterate.
      const outer = contextBases(doc, documentPath(ancestor));
      const base = outer[outer.length - 1] ?? [];
      const sourceArray = [...repeatingAncestors(source), ...(last(source.repeats) ? [[...source.names]] : [])].find((a) => a.length > base.length && startsWithNames(a, base));
      return {
        ok: false,
        reason: 'target-needs-context',
        message: `${shown(target.names)} repeats with ${shown(ancestor)}, which has no array context yet${sourceArray ? `: add one over ${shown(sourceArray)}` : ''}`,
        ...(sourceArray ? { context: { target: documentPath(ancestor), source: relativeSource(sourceArray, outer).path } } : {}),
      };
    }
  }
  const bases = contextBases(doc, targetPath);
  const { path, base } = relativeSource(source.names, bases);
  // A repeating level between the context's base and the field would read every repetition at once.
  for (const ancestor of repeatingAncestors(source)) {
    if (ancestor.length > base.length) {
      return {
        ok: false,
        reason: 'source-outside-context',
        message: `${shown(source.names)} repeats with ${shown(ancestor)}, but ${shown(target.names)} is not inside an array context over it`,
      };
    }
  }
  const rule = doc.rules.find((r) => pathKey(r.target) === targetKey);
  if (rule?.sources.includes(path)) {
    return { ok: false, reason: 'already-linked', message: `${shown(source.names)} is already linked to ${shown(target.names)}` };
  }
  if (rule) return { ok: true, edit: { kind: 'linkSource', target: rule.target, source: path } };
  const required = initialPolicy(target.requires ? { requires: target.requires, repeats: target.repeats } : undefined);
  return { ok: true, edit: { kind: 'linkSource', target: targetPath, source: path, ...(required === 'error' ? { required } : {}) } };
}
