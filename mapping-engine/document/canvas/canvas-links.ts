/**
 * The lines the canvas draws, read from the document: one per source of a
 * rule (source field -> target field) and one band per array context
 * (source array -> target array), with absolute names on both ends.
 */
import type { MappingDocument } from '../document-schema';
import { contextBases, namesOfPath, resolveSource } from './canvas-scope';

/** One line on the canvas. */
export interface CanvasLink {
  /** Stable id: kind, target and source as written. */
  id: string;
  kind: 'rule' | 'array';
  /** The rule's (or context's) target path as the document writes it. */
  target: string;
  /** The source as the document writes it (relative to the contexts around the target). */
  source: string;
  /** Absolute names of the target field. */
  targetNames: string[];
  /** Absolute names of the source field; undefined for `$key` and paths that do not resolve. */
  sourceNames?: string[];
  /** Transforms on the rule (0 for an array context). */
  transforms: number;
}

/** The id of the link from `source` to the rule at `target`. */
export function linkId(kind: CanvasLink['kind'], target: string, source: string): string {
  return `${kind}:${target}\u0000${source}`;
}

/** Every link of `doc`, array contexts first (they are drawn below the field links). */
export function documentLinks(doc: Pick<MappingDocument, 'rules' | 'arrays'>): CanvasLink[] {
  const links: CanvasLink[] = [];
  for (const context of doc.arrays) {
    const targetNames = namesOfPath(context.target);
    if (!targetNames) continue;
    const outer = contextBases(doc, context.target);
    const sourceNames = resolveSource(context.source, outer);
    links.push({ id: linkId('array', context.target, context.source), kind: 'array', target: context.target, source: context.source, targetNames, ...(sourceNames ? { sourceNames } : {}), transforms: 0 });
  }
  for (const rule of doc.rules) {
    const targetNames = namesOfPath(rule.target);
    if (!targetNames) continue;
    const bases = contextBases(doc, rule.target);
    for (const source of rule.sources) {
      const sourceNames = resolveSource(source, bases);
      links.push({ id: linkId('rule', rule.target, source), kind: 'rule', target: rule.target, source, targetNames, ...(sourceNames ? { sourceNames } : {}), transforms: rule.transforms.length });
    }
  }
  return links;
}
