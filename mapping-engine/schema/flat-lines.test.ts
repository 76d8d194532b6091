import { describe, expect, it } from 'vitest';
import { flatLines } from './flat-lines';
import { inferSchema } from './infer';
import { makeField, type SchemaField } from './model';

const origin = { kind: 'sample' as const };

function node(path: string[], type: SchemaField['type'], extra: Partial<SchemaField> = {}): SchemaField {
  return makeField({ name: path[path.length - 1] ?? '', path, type, origin, ...extra });
}

describe('flatLines', () => {
  it('prints a small tree exactly (golden)', () => {
    const root = node([], 'object', {
      children: [
        node(['order'], 'object', {
          required: true,
          children: [
            node(['order', 'id'], 'integer', { required: true }),
            node(['order', 'Order Date'], 'date', { nullable: true }),
            node(['order', 'status'], 'string', { required: true, nullable: true, enum: ['new', 'paid'] }),
            node(['order', 'lines'], 'object', {
              repeating: true,
              children: [
                node(['order', 'lines', 'sku'], 'string', { required: true }),
                node(['order', 'lines', 'tags'], 'string', { repeating: true }),
              ],
            }),
            node(['order', 'a.b'], 'string'),
            node(['order', 'x[0]'], 'string', { enum: ['1'] }),
          ],
        }),
        node(['@version'], 'string', { xml: { kind: 'attribute' } }),
      ],
    });
    expect(flatLines(root)).toEqual([
      'order\tobject\trequired',
      'order.id\tinteger\trequired',
      'order.`Order Date`\tdate\tnullable',
      'order.status\tstring\trequired,nullable,enum',
      'order.lines\tobject\trepeating',
      'order.lines.sku\tstring\trequired',
      'order.lines.tags\tstring\trepeating',
      'order.`a.b`\tstring',
      'order.`x[0]`\tstring\tenum',
      '`@version`\tstring',
    ]);
  });

  it('prints the fields of a repeating root (rows) by their names alone, as a rule reads them', () => {
    const root = node([], 'object', { repeating: true, children: [node(['name'], 'string', { required: true })] });
    expect(flatLines(root)).toEqual(['name\tstring\trequired']);
  });

  it('keeps each line on one line whatever the name holds', () => {
    const root = node([], 'object', { children: [node(['a\tb\nc'], 'string'), node([''], 'string')] });
    expect(flatLines(root)).toEqual(['`a\\tb\\nc`\tstring', '``\tstring']);
  });

  it('prints nothing for a root without children', () => {
    expect(flatLines(node([], 'string'))).toEqual([]);
  });

  it('lists an inferred CSV schema the way `mapwright infer --flat` shows it', () => {
    const rows = [
      { 'Customer ID': '007', qty: '2', country: 'DE' },
      { 'Customer ID': '012', qty: '', country: 'DE' },
      { 'Customer ID': '100', qty: '5', country: 'FR' },
    ];
    const doc = inferSchema([{ value: rows, format: 'csv' }]);
    expect(flatLines(doc.root)).toEqual(['`Customer ID`\tstring\trequired', 'qty\tinteger\trequired', 'country\tstring\trequired,enum']);
  });
});
