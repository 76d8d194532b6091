import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../schema/load-schema';
import { makeField, type SchemaField } from '../../schema/model';
import { validateDocument } from '../load-document';
import { frozenDoc } from './edit-test-helpers';
import { targetFieldRows } from './target-field-rows';

const origin = { kind: 'json-schema' as const };
const f = (path: string[], type: SchemaField['type'], more: Partial<SchemaField> = {}): SchemaField => makeField({ name: path[path.length - 1] ?? '', path, type, origin, ...more });

const tree = f([], 'object', {
  children: [
    f(['id'], 'string', { required: true }),
    f(['address'], 'object', { children: [f(['address', 'city'], 'string', { required: true }), f(['address', 'zip'], 'string')] }),
    f(['lines'], 'object', { repeating: true, children: [f(['lines', 'sku'], 'string'), f(['lines', '@unit'], 'string')] }),
  ],
});

describe('targetFieldRows', () => {
  it('lists every schema field depth first with paths written as rule targets', () => {
    const rows = targetFieldRows(frozenDoc(), tree);
    expect(rows.map((r) => [r.path, r.depth, r.status])).toEqual([
      ['id', 0, 'unmapped'],
      ['address', 0, 'unmapped'],
      ['address.city', 1, 'unmapped'],
      ['address.zip', 1, 'unmapped'],
      ['lines', 0, 'unmapped'],
      ['lines.sku', 1, 'unmapped'],
      ['lines.`@unit`', 1, 'unmapped'],
    ]);
    expect(rows[2]).toMatchObject({ type: 'string', required: true, repeating: false, container: false, inSchema: true });
    expect(rows[4]).toMatchObject({ repeating: true, container: true });
  });

  it('attaches rules and contexts, counts mapped fields inside containers, and adds what the schema lacks', () => {
    const doc = frozenDoc({
      arrays: [{ target: 'lines', source: 'items' }],
      rules: [
        { target: 'lines.`@unit`', sources: ['unit'] },
        { target: 'address.city', sources: ['town'] },
        { target: 'address.country', sources: ['cc'] },
        { target: 'extra', sources: ['x'] },
      ],
    });
    const rows = targetFieldRows(doc, tree);
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get('lines.`@unit`')).toMatchObject({ status: 'mapped', ruleIndex: 0, rule: doc.rules[0] });
    expect(byPath.get('lines')).toMatchObject({ arrayContext: doc.arrays[0], mappedInside: 1, status: 'mapped' });
    expect(byPath.get('address')).toMatchObject({ mappedInside: 2, status: 'mapped' });
    expect(byPath.get('address.country')).toMatchObject({ inSchema: false, status: 'mapped', type: 'any' });
    expect(rows.map((r) => r.path)).toEqual(['id', 'address', 'address.city', 'address.zip', 'address.country', 'lines', 'lines.sku', 'lines.`@unit`', 'extra']);
  });

  it('marks rules that cannot compile as errors, with the reason', () => {
    const doc = frozenDoc({
      rules: [
        { target: 'lines.sku', sources: ['sku'] },
        { target: 'id', sources: ['../id'] },
        { target: 'address', sources: ['addr'] },
        { target: 'address.city', sources: ['town'] },
      ],
    });
    const rows = new Map(targetFieldRows(doc, tree, { problems: { 'address.city': 'test failed' } }).map((r) => [r.path, r]));
    expect(rows.get('lines.sku')).toMatchObject({ status: 'error', problem: expect.stringContaining('array context') });
    expect(rows.get('id')).toMatchObject({ status: 'error', problem: expect.stringContaining('../id') });
    expect(rows.get('address')).toMatchObject({ status: 'error', problem: expect.stringContaining('fields inside') });
    expect(rows.get('address.city')).toMatchObject({ status: 'error', problem: 'test failed' });
  });

  it('without a schema lists the fields the rules name', () => {
    const doc = frozenDoc({ arrays: [{ target: 'lines', source: 'items' }], rules: [{ target: 'a.b', sources: ['x'] }] });
    expect(targetFieldRows(doc).map((r) => [r.path, r.container, r.repeating])).toEqual([
      ['lines', false, true],
      ['a', true, false],
      ['a.b', false, false],
    ]);
  });

  it('matches every rule of the CRM sample to its target schema field', async () => {
    const folder = join(import.meta.dirname, '../../../samples/crm-to-erp');
    const doc = validateDocument(JSON.parse(readFileSync(join(folder, 'crm-to-erp.mapwright.json'), 'utf8')));
    const file = join(folder, 'target/erp-customer.schema.json');
    const schema = await loadSchema([{ file, bytes: readFileSync(file) }], { resolver: { read: async () => '' } });
    const rows = targetFieldRows(doc, schema.root);
    const mapped = rows.filter((r) => r.rule);
    expect(mapped).toHaveLength(doc.rules.length);
    expect(mapped.every((r) => r.inSchema && r.status === 'mapped' && r.path === r.rule!.target)).toBe(true);
    expect(rows.find((r) => r.path === 'contacts')).toMatchObject({ repeating: true, arrayContext: doc.arrays[0] });
  });
});
