import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { documentLinks } from '../../../mapping-engine/document/canvas/canvas-links';
import { applyEdit } from '../../../mapping-engine/document/edits/apply-edit';
import { frozenDoc } from '../../../mapping-engine/document/edits/edit-test-helpers';
import { NODE_HEIGHT, nodeKey, placeLane, type NodeBox } from './lane-model';
import { tidyLane } from './lane-tidy';
import type { RoutedLink } from './link-geometry';

const doc = frozenDoc({
  arrays: [{ target: 'contacts', source: 'people' }],
  rules: [
    { target: 'name', sources: ['fullName'], transforms: [{ kind: 'trim' }, { kind: 'case', mode: 'upper' }, { kind: 'default', value: '-' }] },
    { target: 'id', sources: ['accountId'] },
    { target: 'contacts.email', sources: ['mail'], transforms: [{ kind: 'trim' }] },
    { target: 'contacts.phone', sources: ['tel'], transforms: [{ kind: 'trim' }] },
  ],
});
/** Every link routed with both ends on screen, target rows 40 px apart. */
const routed: RoutedLink[] = documentLinks(doc).map((link, i) => ({ link, from: { y: 20 + i * 40, state: 'exact', node: i }, to: { y: 20 + i * 40, state: 'exact', node: i } }));
const size = { sourceX: 100, targetX: 500 };

const overlaps = (a: NodeBox, b: NodeBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the transform lane', () => {
  it('gives each transform of a chain its own node, spread across the lane beside the target row', () => {
    const lane = placeLane(doc, routed, size);
    const chain = lane.nodes.filter((n) => n.target === 'name');
    expect(chain.map((n) => [n.id, n.label])).toEqual([
      [nodeKey('name'), 'Trim'],
      ['rule:name#1', 'Change case'],
      ['rule:name#2', 'Default'],
    ]);
    expect(chain.map((n) => n.box.x)).toEqual([...chain.map((n) => n.box.x)].sort((a, b) => a - b));
    const row = routed.find((r) => r.link.target === 'name')!.to.y;
    for (const node of chain) expect(node.box.y + NODE_HEIGHT / 2).toBe(row);
    expect(lane.chains.get('name')).toHaveLength(3);
    expect(lane.chains.has('id')).toBe(false);
  });

  it('frames the transforms inside an array context, labelled with what it iterates', () => {
    const lane = placeLane(doc, routed, size);
    expect(lane.frames.map((f) => [f.context, f.label])).toEqual([['contacts', 'for each people']]);
    const frame = lane.frames[0]!.box;
    for (const box of [...lane.chains.get('contacts.email')!, ...lane.chains.get('contacts.phone')!]) {
      expect(box.x).toBeGreaterThan(frame.x);
      expect(box.y + box.height).toBeLessThan(frame.y + frame.height);
    }
  });

  it('keeps a stored position (offset from the lane edge and the target row)', () => {
    const moved = applyEdit(doc, { kind: 'setNodePosition', id: 'rule:name#1', position: { x: 10, y: 30 } });
    if (!moved.ok) throw new Error(moved.error.message);
    const node = placeLane(moved.document, routed, size).nodes.find((n) => n.id === 'rule:name#1')!;
    expect(node.box.x).toBe(110);
    expect(node.box.y).toBe(routed.find((r) => r.link.target === 'name')!.to.y - NODE_HEIGHT / 2 + 30);
  });

  it('tidies with ELK into one batch edit: chains left to right, no two nodes overlapping', async () => {
    // Everything piled on one spot first.
    let piled = doc;
    for (const node of placeLane(doc, routed, size).nodes) {
      const result = applyEdit(piled, { kind: 'setNodePosition', id: node.id, position: { x: 0, y: 0 } });
      if (result.ok) piled = result.document;
    }
    const lane = placeLane(piled, routed, size);
    const elk = new ELK();
    const edit = await tidyLane(lane, routed, 400, 28, (graph) => elk.layout(graph));
    expect(edit?.kind).toBe('batch');
    expect(edit!.edits).toHaveLength(lane.nodes.length);
    const tidied = applyEdit(piled, edit!);
    if (!tidied.ok) throw new Error(tidied.error.message);
    const after = placeLane(tidied.document, routed, size);
    const chain = after.nodes.filter((n) => n.target === 'name').map((n) => n.box.x);
    expect(chain[0]).toBeLessThan(chain[1]!);
    expect(chain[1]).toBeLessThan(chain[2]!);
    for (const a of after.nodes) for (const b of after.nodes) if (a !== b) expect(overlaps(a.box, b.box), JSON.stringify([a.id, a.box, b.id, b.box])).toBe(false);
    expect(await tidyLane(placeLane(frozenDoc({}), [], size), [], 400, 28, (graph) => elk.layout(graph))).toBeUndefined();
  });
});
