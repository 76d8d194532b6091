/** The palette's kinds come from the engine's schema; a form's text becomes a node or per-parameter problems. */
import { describe, expect, it } from 'vitest';
import { validateTransformParams } from '../../../mapping-engine/document/edits/transform-check';
import { kindInfoOf, searchKinds, TRANSFORM_KINDS } from './transform-catalog';
import { formFromNode, nodeFromForm, parseEntries, parseScalar } from './transform-form';

const info = (kind: string) => {
  const found = kindInfoOf(kind);
  if (!found) throw new Error(`no kind ${kind}`);
  return found;
};

describe('transform palette search', () => {
  it('lists every kind of the library', () => {
    expect(TRANSFORM_KINDS.map((k) => k.kind)).toEqual(expect.arrayContaining(['date', 'valueMap', 'lookup', 'custom', 'trim']));
    expect(info('filter').params[0]?.type).toBe('predicate');
  });

  it('finds kinds by label, name or summary', () => {
    expect(searchKinds('date')[0]?.kind).toBe('date');
    expect(searchKinds('upper case').map((k) => k.kind)).toContain('case');
    expect(searchKinds('regex')[0]?.kind).toBe('replace');
    expect(searchKinds('')).toHaveLength(TRANSFORM_KINDS.length);
  });
});

describe('transform form', () => {
  it('reads scalars and entries as typed', () => {
    expect([parseScalar('42'), parseScalar('true'), parseScalar('null'), parseScalar('"42"'), parseScalar('ACTIVE')]).toEqual([42, true, null, '42', 'ACTIVE']);
    expect(parseEntries('A = ACTIVE\nI = INACTIVE\n')).toEqual({ entries: { A: 'ACTIVE', I: 'INACTIVE' } });
    expect(parseEntries('A ACTIVE').problem).toMatch(/line 1/);
  });

  it('builds a date node from the form and validates it through the engine', () => {
    const form = { ...formFromNode(info('date')), from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' };
    const { node, problems } = nodeFromForm(info('date'), form, validateTransformParams);
    expect(problems).toEqual({});
    // Parameters left at their default are not written: the engine applies them.
    expect(node).toEqual({ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' });
  });

  it('names the parameter that is wrong', () => {
    const empty = nodeFromForm(info('date'), formFromNode(info('date')), validateTransformParams);
    expect(Object.keys(empty.problems)).toContain('from');
    const decimals = nodeFromForm(info('round'), { decimals: '1.5' }, validateTransformParams);
    expect(decimals.problems).toEqual({ decimals: 'a whole number' });
    const pattern = nodeFromForm(info('date'), { ...formFromNode(info('date')), from: 'dd.MM.yyyy', to: 'qq' }, validateTransformParams);
    expect(Object.keys(pattern.problems)).toEqual(['to']);
  });

  it('round-trips an existing node through the form', () => {
    const node = { kind: 'valueMap', entries: { A: 'ACTIVE', '1': 1 }, default: 'PROSPECT', onUnknown: 'default' };
    const { node: again, problems } = nodeFromForm(info('valueMap'), formFromNode(info('valueMap'), node), validateTransformParams);
    expect(problems).toEqual({});
    expect(again).toEqual(node);
    const filter = { kind: 'filter', when: { field: 'type', op: '=', value: 'email' } };
    expect(nodeFromForm(info('filter'), formFromNode(info('filter'), filter), validateTransformParams).node).toEqual(filter);
  });
});
