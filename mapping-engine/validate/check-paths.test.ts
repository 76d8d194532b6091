import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import type { SchemaField } from '../schema/model';
import { checkDocumentPaths, nearestPath } from './check-paths';

function field(path: string[], children?: SchemaField[], extra: Partial<SchemaField> = {}): SchemaField {
  return { name: path.at(-1) ?? '', path, type: children ? 'object' : 'string', repeating: false, required: false, origin: 'sample', ...(children ? { children } : {}), ...extra } as SchemaField;
}

const source = field([], [field(['order'], [field(['order', 'items'], [field(['order', 'items', 'sku'])], { repeating: true }), field(['order', 'note'])]), field(['extra'], [], { open: true })]);
const target = field([], [field(['lines'], [field(['lines', 'sku'])], { repeating: true }), field(['memo'])]);

describe('checkDocumentPaths', () => {
  it('accepts paths inside array contexts, ../ and /, and anything below an open object', () => {
    const text = JSON.stringify({
      formatVersion: 1,
      name: 'x',
      source: { format: 'json', samples: [] },
      target: { format: 'json', samples: [] },
      arrays: [{ target: 'lines', source: 'order.items' }],
      rules: [
        { target: 'lines.sku', sources: ['sku', '../order.note', '/extra.anything.below'] },
        { target: 'memo', sources: ['order.note', '$position'] },
      ],
    });
    const { document } = loadDocument(text);
    expect(checkDocumentPaths(document, text, 'x.mapwright.json', { source, target })).toEqual([]);
  });

  it('reports each unknown path with its place and the nearest field', () => {
    const text = JSON.stringify(
      {
        formatVersion: 1,
        name: 'x',
        source: { format: 'json', samples: [] },
        target: { format: 'json', samples: [] },
        arrays: [{ target: 'lines', source: 'order.itms' }],
        rules: [{ target: 'lines.skus', sources: ['../order.note'] }, { target: 'memo', sources: ['order.nte'] }],
      },
      null,
      2,
    );
    const { document } = loadDocument(text);
    const problems = checkDocumentPaths(document, text, 'x.mapwright.json', { source, target });
    expect(problems.map((p) => [p.code, p.expected, p.line])).toEqual([
      ['MAP_UNKNOWN_TARGET', 'lines.sku', text.split('\n').findIndex((l) => l.includes('"lines.skus"')) + 1],
      ['MAP_UNKNOWN_SOURCE', 'order.note', text.split('\n').findIndex((l) => l.includes('"order.nte"')) + 1],
      ['MAP_UNKNOWN_SOURCE', 'order.items', text.split('\n').findIndex((l) => l.includes('"order.itms"')) + 1],
    ]);
    // A side without fields (no schema, no samples) is not judged.
    expect(checkDocumentPaths(document, text, 'x.mapwright.json', {})).toEqual([]);
  });

  it("checks a group's members ($items) as the grouped items and skips other variables", () => {
    const text = JSON.stringify({
      formatVersion: 1,
      name: 'x',
      source: { format: 'json', samples: [] },
      target: { format: 'json', samples: [] },
      parameters: { day: { type: 'string' } },
      arrays: [
        { target: 'groups', source: 'order.items', groupBy: 'sku' },
        { target: 'groups.lines', source: '$items' },
      ],
      rules: [
        { target: 'groups.lines.sku', sources: ['sku'] },
        { target: 'groups.lines.memo', sources: ['skew', '$param.day'] },
      ],
    });
    const { document } = loadDocument(text);
    const problems = checkDocumentPaths(document, text, 'x.mapwright.json', { source });
    expect(problems.map((p) => [p.code, p.expected])).toEqual([['MAP_UNKNOWN_SOURCE', 'order.items.sku']]);
  });

  it('suggests only a near path', () => {
    expect(nearestPath(['order.shipping_address.zip', 'order.name'], ['order', 'shiping_address', 'zipp'])).toBe('order.shipping_address.zip');
    expect(nearestPath(['order.name'], ['customer', 'email'])).toBeUndefined();
  });
});
