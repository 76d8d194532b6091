import { describe, expect, it } from 'vitest';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import { documentLinks } from '../../../mapping-engine/document/canvas/canvas-links';
import { mappingDocumentSchema } from '../../../mapping-engine/document/document-schema';
import { buildFieldTree, fieldId, visibleRows } from '../fields/field-tree-model';
import { bandPath, curvePath, endSpan, linkEnd, routeLinks, type SideView } from './link-geometry';

const row = (name: string, depth: number, hasChildren = false, repeating = false): SchemaFieldRow => ({ path: name, name, depth, type: hasChildren ? 'object' : 'string', repeating, required: false, hasChildren });

const tree = buildFieldTree([row('a', 0), row('group', 0, true), row('x', 1), row('y', 1), ...Array.from({ length: 20 }, (_, i) => row(`f${i}`, 0))]);

function side(expanded: string[], scrollTop: number): SideView {
  return { tree, view: visibleRows(tree, new Set(expanded)), scrollTop, height: 5 * 10, top: 100, rowHeight: 10 };
}

describe('link geometry', () => {
  it('puts a visible field at its row, minus the scroll offset', () => {
    expect(linkEnd(side([], 0), ['a'])).toEqual({ y: 105, state: 'exact', node: 0 });
    expect(linkEnd(side([fieldId(['group'])], 0), ['group', 'y'])).toMatchObject({ y: 135, state: 'exact' });
  });

  it('ends a link inside a collapsed parent at the parent, and off-screen links at the panel edges', () => {
    expect(linkEnd(side([], 0), ['group', 'y'])).toEqual({ y: 115, state: 'collapsed', node: 1 });
    expect(linkEnd(side([], 0), ['f19'])).toMatchObject({ y: 150, state: 'below' });
    expect(linkEnd(side([], 100), ['a'])).toMatchObject({ y: 100, state: 'above' });
    expect(linkEnd(side([], 0), ['nowhere'])).toMatchObject({ state: 'missing' });
    // A path deeper than the tree knows ends at its deepest known field, as collapsed.
    expect(linkEnd(side([], 0), ['a', 'deeper'])).toMatchObject({ state: 'collapsed', node: 0 });
  });

  it('counts links leaving each edge and skips links whose target is unknown', () => {
    const doc = mappingDocumentSchema.parse({
      formatVersion: 1,
      name: 't',
      source: { format: 'json' },
      target: { format: 'json' },
      rules: [
        { target: 'a', sources: ['f19'] },
        { target: 'f18', sources: ['a'] },
        { target: 'missing', sources: ['a'] },
      ],
    });
    const { routed, edges } = routeLinks(documentLinks(doc), side([], 0), side([], 0));
    expect(routed.map((r) => r.link.target)).toEqual(['a', 'f18']);
    expect(edges).toEqual({ sourceAbove: 0, sourceBelow: 1, targetAbove: 0, targetBelow: 1 });
  });

  it('spans an array element over its visible fields, clamped to the panel', () => {
    const open = side([fieldId(['group'])], 0);
    // group sits at row 1, its fields x and y at rows 2 and 3: rows 1..3 cover y 110..140.
    expect(endSpan(open, linkEnd(open, ['group']))).toEqual([110, 140]);
    expect(endSpan(side([], 0), linkEnd(side([], 0), ['group']))).toEqual([110, 120]);
    const scrolled = side([fieldId(['group'])], 25);
    expect(endSpan(scrolled, linkEnd(scrolled, ['group']))).toEqual([100, 115]);
    const doc = mappingDocumentSchema.parse({ formatVersion: 1, name: 't', source: { format: 'json' }, target: { format: 'json' }, arrays: [{ target: 'group', source: 'group' }] });
    const [band] = routeLinks(documentLinks(doc), open, open).routed;
    expect(band?.from.span).toEqual([110, 140]);
    expect(bandPath(0, [0, 10], 100, [20, 40])).toBe('M0,0 C45,0 55,20 100,20 L100,40 C55,40 45,10 0,10 Z');
  });

  it('draws an S-curve between the ports', () => {
    expect(curvePath(0, 10, 100, 50)).toBe('M0,10 C45,10 55,50 100,50');
  });
});
