import { describe, expect, it } from 'vitest';
import { frozenDoc } from '../edits/edit-test-helpers';
import { documentLinks, linkId } from './canvas-links';
import { contextBases, resolveSource } from './canvas-scope';

const doc = frozenDoc({
  arrays: [
    { target: 'contacts', source: 'contacts' },
    { target: 'contacts.phones', source: 'numbers' },
  ],
  rules: [
    { target: 'customerNumber', sources: ['accountId'], transforms: [{ kind: 'trim' }] },
    { target: 'address.city', sources: ['billing.city', 'billing.town'] },
    { target: 'contacts.value', sources: ['value', '../accountId'] },
    { target: 'contacts.phones.number', sources: ['digits', '../type', '../../accountId', '/meta.id'] },
  ],
});

describe('canvas links', () => {
  it('resolves nested array contexts to absolute source names', () => {
    expect(contextBases(doc, 'contacts.phones.number')).toEqual([['contacts'], ['contacts', 'numbers']]);
    expect(contextBases(doc, 'customerNumber')).toEqual([]);
    expect(resolveSource('$key', [['a']])).toBeUndefined();
    expect(resolveSource('.', [['a', 'b']])).toEqual(['a', 'b']);
    expect(resolveSource('`x.y`.z', [])).toEqual(['x.y', 'z']);
  });

  it('draws one line per source and one band per array context, with absolute names', () => {
    const links = documentLinks(doc);
    expect(links.filter((l) => l.kind === 'array').map((l) => [l.sourceNames, l.targetNames])).toEqual([
      [['contacts'], ['contacts']],
      [['contacts', 'numbers'], ['contacts', 'phones']],
    ]);
    const byId = new Map(links.map((l) => [l.id, l]));
    expect(byId.get(linkId('rule', 'customerNumber', 'accountId'))).toMatchObject({ sourceNames: ['accountId'], targetNames: ['customerNumber'], transforms: 1 });
    expect(byId.get(linkId('rule', 'address.city', 'billing.town'))?.sourceNames).toEqual(['billing', 'town']);
    expect(byId.get(linkId('rule', 'contacts.value', '../accountId'))?.sourceNames).toEqual(['accountId']);
    const deep = links.filter((l) => l.target === 'contacts.phones.number').map((l) => l.sourceNames);
    expect(deep).toEqual([['contacts', 'numbers', 'digits'], ['contacts', 'type'], ['accountId'], ['meta', 'id']]);
  });

  it('keeps a $key source as a link without a source field', () => {
    const grouped = frozenDoc({ arrays: [{ target: 'groups', source: 'items', groupBy: 'kind' }], rules: [{ target: 'groups.kind', sources: ['$key'] }] });
    const link = documentLinks(grouped).find((l) => l.kind === 'rule');
    expect(link).toMatchObject({ source: '$key', targetNames: ['groups', 'kind'] });
    expect(link?.sourceNames).toBeUndefined();
  });
});
