import { describe, expect, it } from 'vitest';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import { ancestorIds, buildFieldTree, fieldId, nearestVisibleRow, nodeForNames, restrictRows, visibleRows } from './field-tree-model';

/** Rows from an indented outline: two spaces a level, `[]` repeats, `{` has children. */
function rows(outline: string): SchemaFieldRow[] {
  return outline
    .trim()
    .split('\n')
    .map((line) => {
      const depth = (line.length - line.trimStart().length) / 2;
      const text = line.trim();
      const hasChildren = text.endsWith('{');
      const name = text.replace(/[{[\]]/g, '').trim();
      return { path: name, name, depth, type: hasChildren ? 'object' : 'string', repeating: text.includes('[]'), required: false, hasChildren };
    });
}

const tree = buildFieldTree(
  rows(`
accountId
billing {
  street
  city
contacts[] {
  type
  value
tags[]
`),
);

describe('field tree model', () => {
  it('links parents and subtrees, with the names and repeats from the root', () => {
    expect(tree.nodes.map((n) => [n.name, n.parent, n.end])).toEqual([
      ['accountId', -1, 1],
      ['billing', -1, 4],
      ['street', 1, 3],
      ['city', 1, 4],
      ['contacts', -1, 7],
      ['type', 4, 6],
      ['value', 4, 7],
      ['tags', -1, 8],
    ]);
    expect(tree.byId.get(fieldId(['contacts', 'value']))?.repeats).toEqual([true, false]);
  });

  it('shows children of expanded fields only, with sibling positions', () => {
    const collapsed = visibleRows(tree, new Set());
    expect(collapsed.rows.map((r) => r.node.name)).toEqual(['accountId', 'billing', 'contacts', 'tags']);
    expect(collapsed.rows.map((r) => `${r.posinset}/${r.setsize}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    const open = visibleRows(tree, new Set([fieldId(['billing'])]));
    expect(open.rows.map((r) => r.node.name)).toEqual(['accountId', 'billing', 'street', 'city', 'contacts', 'tags']);
    expect(open.rows[2]).toMatchObject({ posinset: 1, setsize: 2 });
    expect(open.rows[1]!.expanded).toBe(true);
    expect(open.rowOf[tree.byId.get(fieldId(['contacts', 'type']))!.index]).toBe(-1);
  });

  it('filters by name, opening the ancestors of matches and marking where the name matches', () => {
    const found = visibleRows(tree, new Set(), 'Typ');
    expect(found.rows.map((r) => r.node.name)).toEqual(['contacts', 'type']);
    expect(found.rows[1]!.match).toEqual([0, 3]);
    expect(found.rows[0]).toMatchObject({ expanded: true, posinset: 1, setsize: 1 });
    expect(visibleRows(tree, new Set(), 'nothing').rows).toEqual([]);
  });

  it('draws a hidden field at its nearest visible ancestor, and finds fields by names', () => {
    const view = visibleRows(tree, new Set());
    const value = tree.byId.get(fieldId(['contacts', 'value']))!;
    expect(nearestVisibleRow(tree, view, value.index)).toEqual({ row: 2, exact: false });
    expect(nearestVisibleRow(tree, view, 0)).toEqual({ row: 0, exact: true });
    expect(nodeForNames(tree, ['contacts', 'value', 'deeper'])?.name).toBe('value');
    expect(nodeForNames(tree, ['unknown'])).toBeUndefined();
    expect(ancestorIds(tree, value)).toEqual([fieldId(['contacts'])]);
  });
  it('restricts the rows to one field, its fields and its path from the top (focus on a context)', () => {
    const contacts = tree.byId.get(fieldId(['contacts']))!;
    const view = restrictRows(visibleRows(tree, new Set([fieldId(['billing']), fieldId(['contacts'])])), contacts);
    expect(view.rows.map((r) => r.node.name)).toEqual(['contacts', 'type', 'value']);
    expect(view.rows.map((r) => [r.posinset, r.setsize])).toEqual([[1, 1], [1, 2], [2, 2]]);
    expect(view.rowOf[tree.byId.get(fieldId(['accountId']))!.index]).toBe(-1);
    expect(view.rowOf[tree.byId.get(fieldId(['contacts', 'value']))!.index]).toBe(2);
  });
});
