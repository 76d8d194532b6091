import { describe, expect, it } from 'vitest';
import { makeField, type SchemaField } from '../../schema/model';
import { applied, frozenDoc } from './edit-test-helpers';
import { sourcePathCompletions } from './source-completions';

const origin = { kind: 'sample' as const };
const f = (path: string[], type: SchemaField['type'], more: Partial<SchemaField> = {}): SchemaField => makeField({ name: path[path.length - 1] ?? '', path, type, origin, ...more });

const source = f([], 'object', {
  children: [
    f(['accountId'], 'string'),
    f(['billing'], 'object', { children: [f(['billing', 'city'], 'string')] }),
    f(['contacts'], 'object', {
      repeating: true,
      children: [f(['contacts', 'type'], 'string'), f(['contacts', 'phones'], 'object', { repeating: true, children: [f(['contacts', 'phones', 'Order Date'], 'date')] })],
    }),
  ],
});

const paths = (list: ReturnType<typeof sourcePathCompletions>) => list.map((c) => c.path);

describe('sourcePathCompletions', () => {
  it('at the root offers every field by its relative path', () => {
    expect(paths(sourcePathCompletions(frozenDoc(), source, 'name'))).toEqual(['accountId', 'billing', 'billing.city', 'contacts', 'contacts.type', 'contacts.phones', 'contacts.phones.`Order Date`']);
  });

  it('inside an array context offers the item first, then ../ and / paths', () => {
    const doc = frozenDoc({ arrays: [{ target: 'people', source: 'contacts' }] });
    const list = sourcePathCompletions(doc, source, 'people.kind');
    expect(paths(list).slice(0, 5)).toEqual(['.', 'type', 'phones', 'phones.`Order Date`', '../accountId']);
    expect(list.find((c) => c.path === '../billing.city')).toMatchObject({ reach: 'outer', up: 1, type: 'string' });
    expect(list.find((c) => c.path === '/accountId')).toMatchObject({ reach: 'root' });
  });

  it('nests contexts, counting ../ per level, and offers $key in a grouped context', () => {
    let doc = frozenDoc({ arrays: [{ target: 'people', source: 'contacts' }] });
    doc = applied(doc, { kind: 'addArray', context: { target: 'people.dates', source: 'phones', groupBy: '`Order Date`' } });
    const list = paths(sourcePathCompletions(doc, source, 'people.dates.day'));
    expect(list.slice(0, 3)).toEqual(['$key', '.', '`Order Date`']);
    expect(list).toContain('../type');
    expect(list).toContain('../../accountId');
    expect(list).toContain('/billing.city');
  });

  it('for the source of an array context, offers the paths of the enclosing level', () => {
    const doc = frozenDoc({ arrays: [{ target: 'people', source: 'contacts' }] });
    expect(paths(sourcePathCompletions(doc, source, 'people'))).toContain('contacts');
  });

  it('offers . for the rows of a list input and nothing for a malformed target', () => {
    const rows = f([], 'object', { repeating: true, children: [f(['InvoiceNo'], 'string')] });
    expect(paths(sourcePathCompletions(frozenDoc({ source: { format: 'csv' } }), rows, 'ID'))).toEqual(['.', 'InvoiceNo']);
    expect(sourcePathCompletions(frozenDoc(), source, 'a..b')).toEqual([]);
  });
});
