import { describe, expect, it } from 'vitest';
import { compileDocument } from '../../compiler/compile-document';
import { applyEdit } from './apply-edit';
import { applied, frozenDoc, refusedBy } from './edit-test-helpers';

const base = frozenDoc({
  lookups: { countries: { entries: { DE: 'Germany' } } },
  arrays: [{ target: 'contacts', source: 'contacts' }],
  rules: [
    { target: 'customerNumber', sources: ['accountId'], required: 'error' },
    { target: 'address.city', sources: ['billing.city'] },
    { target: 'contacts.value', sources: ['value'] },
  ],
});

describe('rule edits', () => {
  it('adds a rule at a position, with defaults applied and the target written canonically', () => {
    const doc = applied(base, { kind: 'addRule', rule: { target: 'address.`city2`', sources: ['billing.town'] }, index: 1 });
    expect(doc.rules.map((r) => r.target)).toEqual(['customerNumber', 'address.city2', 'address.city', 'contacts.value']);
    expect(doc.rules[1]).toEqual({ target: 'address.city2', sources: ['billing.town'], transforms: [], required: 'omit' });
    expect(base.rules).toHaveLength(3);
    expect(doc.rules[0]).toBe(base.rules[0]); // unchanged rules are shared
    expect(() => compileDocument(doc)).not.toThrow();
  });

  it('refuses a duplicate target, also when spelled differently', () => {
    expect(refusedBy(base, { kind: 'addRule', rule: { target: 'customerNumber', sources: ['x'] } }).expected).toContain('customerNumber');
    refusedBy(base, { kind: 'addRule', rule: { target: '`address`.city', sources: ['x'] } });
  });

  it('refuses a field mapped both as a whole and field by field, and a rule on an array context', () => {
    refusedBy(base, { kind: 'addRule', rule: { target: 'address', sources: ['billing'] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'customerNumber.part', sources: ['x'] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'contacts', sources: ['contacts'] } });
    const nested = frozenDoc({ arrays: [{ target: 'orders.lines', source: 'items' }] });
    refusedBy(nested, { kind: 'linkSource', target: 'orders', source: 'order' });
  });

  it('refuses bad paths, bad positions, empty rules and a default policy without default', () => {
    expect(refusedBy(base, { kind: 'addRule', rule: { target: 'a..b', sources: ['x'] } }).message).toContain('target');
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x..y'] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'] }, index: 9 });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'] }, index: -1 });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a' } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'], required: 'default' } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x', 'x'] } });
  });

  it('refuses sources their array context cannot reach', () => {
    const error = refusedBy(base, { kind: 'addRule', rule: { target: 'name', sources: ['../name'] } });
    expect(error.expected).toContain('../name');
    applied(base, { kind: 'addRule', rule: { target: 'contacts.owner', sources: ['../accountId'] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'contacts.owner', sources: ['../../accountId'] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'contacts.kind', sources: ['$key'] } });
  });

  it('refuses transforms that do not validate or compile, naming the transform', () => {
    expect(refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'], transforms: [{ kind: 'pad', width: 0 }] } }).expected).toBe('rule a transform 1');
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'], transforms: [{ kind: 'replace', pattern: '(', replacement: '', regex: true }] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'], transforms: [{ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-M-d' }] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'], transforms: [{ kind: 'custom', expression: '$value +' }] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'], transforms: [{ kind: 'lookup', table: 'nope' }] } });
    refusedBy(base, { kind: 'addRule', rule: { target: 'a', sources: ['x'], transforms: [{ kind: 'nope' } as never] } });
  });

  it('removes and moves rules, refusing unknown targets and positions out of range', () => {
    expect(applied(base, { kind: 'removeRule', target: 'address.city' }).rules.map((r) => r.target)).toEqual(['customerNumber', 'contacts.value']);
    refusedBy(base, { kind: 'removeRule', target: 'nope' });
    expect(applied(base, { kind: 'moveRule', target: 'contacts.value', toIndex: 0 }).rules[0]!.target).toBe('contacts.value');
    expect(applyEdit(base, { kind: 'moveRule', target: 'customerNumber', toIndex: 0 })).toEqual({ ok: true, document: base });
    refusedBy(base, { kind: 'moveRule', target: 'customerNumber', toIndex: 3 });
  });

  it('retargets a rule, refusing an existing target and sources out of reach at the new place', () => {
    const doc = applied(base, { kind: 'retargetRule', target: 'address.city', newTarget: 'address.town' });
    expect(doc.rules[1]!.target).toBe('address.town');
    refusedBy(base, { kind: 'retargetRule', target: 'address.city', newTarget: 'customerNumber' });
    const withUp = applied(base, { kind: 'setSources', target: 'contacts.value', sources: ['../accountId'] });
    refusedBy(withUp, { kind: 'retargetRule', target: 'contacts.value', newTarget: 'contactValue' });
  });

  it('sets sources, validating each', () => {
    expect(applied(base, { kind: 'setSources', target: 'address.city', sources: ['a', 'b'] }).rules[1]!.sources).toEqual(['a', 'b']);
    refusedBy(base, { kind: 'setSources', target: 'address.city', sources: ['a', 'a'] });
    refusedBy(base, { kind: 'setSources', target: 'address.city', sources: ['/'] });
  });

  it('links a source: creates the rule, appends to it, refuses a duplicate link', () => {
    const created = applied(base, { kind: 'linkSource', target: 'address.street', source: 'billing.street' });
    expect(created.rules[3]).toEqual({ target: 'address.street', sources: ['billing.street'], transforms: [], required: 'omit' });
    const inserted = applied(base, { kind: 'linkSource', target: 'address.street', source: 'billing.street', index: 0 });
    expect(inserted.rules[0]!.target).toBe('address.street');
    const appended = applied(base, { kind: 'linkSource', target: 'address.city', source: 'billing.town' });
    expect(appended.rules[1]!.sources).toEqual(['billing.city', 'billing.town']);
    refusedBy(base, { kind: 'linkSource', target: 'address.city', source: 'billing.city' });
    refusedBy(base, { kind: 'linkSource', target: 'address', source: 'billing' });
  });

  it('starts a linked rule with the policy the link brings; a second source keeps the rule\'s policy', () => {
    const created = applied(base, { kind: 'linkSource', target: 'address.street', source: 'billing.street', required: 'error' });
    expect(created.rules[3]).toEqual({ target: 'address.street', sources: ['billing.street'], transforms: [], required: 'error' });
    const appended = applied(base, { kind: 'linkSource', target: 'address.city', source: 'billing.town', required: 'error' });
    expect(appended.rules[1]!.required).toBe(base.rules[1]!.required);
    // A link gives no default value, so it cannot start a rule as 'default'.
    refusedBy(base, { kind: 'linkSource', target: 'address.street', source: 'billing.street', required: 'default' as never });
  });

  it('unlinks a source; the last source of a rule without transforms removes the rule, with transforms keeps it', () => {
    const two = applied(base, { kind: 'linkSource', target: 'address.city', source: 'billing.town' });
    expect(applied(two, { kind: 'unlinkSource', target: 'address.city', source: 'billing.city' }).rules[1]!.sources).toEqual(['billing.town']);
    expect(applied(base, { kind: 'unlinkSource', target: 'address.city', source: 'billing.city' }).rules.map((r) => r.target)).toEqual(['customerNumber', 'contacts.value']);
    const withTransform = applied(base, { kind: 'insertTransform', target: 'address.city', index: 0, transform: { kind: 'constant', value: 'X' } });
    expect(applied(withTransform, { kind: 'unlinkSource', target: 'address.city', source: 'billing.city' }).rules[1]).toMatchObject({ sources: [], transforms: [{ kind: 'constant' }] });
    refusedBy(base, { kind: 'unlinkSource', target: 'address.city', source: 'nope' });
  });

  it('inserts, sets, moves and removes transforms with defaults applied', () => {
    let doc = applied(base, { kind: 'insertTransform', target: 'customerNumber', index: 0, transform: { kind: 'trim' } });
    doc = applied(doc, { kind: 'insertTransform', target: 'customerNumber', index: 1, transform: { kind: 'pad', width: 8 } });
    expect(doc.rules[0]!.transforms).toEqual([{ kind: 'trim' }, { kind: 'pad', width: 8, char: ' ', side: 'left' }]);
    doc = applied(doc, { kind: 'moveTransform', target: 'customerNumber', from: 1, to: 0 });
    expect(doc.rules[0]!.transforms.map((t) => t.kind)).toEqual(['pad', 'trim']);
    doc = applied(doc, { kind: 'setTransform', target: 'customerNumber', index: 1, transform: { kind: 'case', mode: 'upper' } });
    expect(doc.rules[0]!.transforms[1]).toEqual({ kind: 'case', mode: 'upper' });
    doc = applied(doc, { kind: 'removeTransform', target: 'customerNumber', index: 0 });
    expect(doc.rules[0]!.transforms).toEqual([{ kind: 'case', mode: 'upper' }]);
  });

  it('refuses transform positions out of range and bad parameters', () => {
    refusedBy(base, { kind: 'insertTransform', target: 'customerNumber', index: 1, transform: { kind: 'trim' } });
    refusedBy(base, { kind: 'removeTransform', target: 'customerNumber', index: 0 });
    refusedBy(base, { kind: 'moveTransform', target: 'customerNumber', from: 0, to: 0 });
    refusedBy(base, { kind: 'setTransform', target: 'customerNumber', index: 0, transform: { kind: 'trim' } });
    const error = refusedBy(base, { kind: 'insertTransform', target: 'customerNumber', index: 0, transform: { kind: 'date', from: 'dd.MM.yyyy', to: 'qq' } });
    expect(error.expected).toBe('rule customerNumber transform 1');
    refusedBy(base, { kind: 'insertTransform', target: 'customerNumber', index: 0, transform: { kind: 'case', mode: 'sideways' } as never });
  });

  it('removing the only transform of a rule without sources removes the rule', () => {
    const constant = applied(base, { kind: 'addRule', rule: { target: 'kind', transforms: [{ kind: 'constant', value: 'C' }] } });
    expect(applied(constant, { kind: 'removeTransform', target: 'kind', index: 0 }).rules.some((r) => r.target === 'kind')).toBe(false);
  });

  it('sets the required policy, default and notes', () => {
    refusedBy(base, { kind: 'setRequired', target: 'address.city', required: 'default' });
    refusedBy(base, { kind: 'setRequired', target: 'address.city', required: 'sometimes' as never });
    let doc = applied(base, { kind: 'setRequired', target: 'address.city', required: 'default', default: 'Berlin' });
    expect(doc.rules[1]).toMatchObject({ required: 'default', default: 'Berlin' });
    refusedBy(doc, { kind: 'setDefault', target: 'address.city' });
    doc = applied(doc, { kind: 'setDefault', target: 'address.city', default: 'Bonn' });
    doc = applied(doc, { kind: 'setRequired', target: 'address.city', required: 'error' });
    doc = applied(doc, { kind: 'setDefault', target: 'address.city' });
    expect(doc.rules[1]).not.toHaveProperty('default');
    refusedBy(doc, { kind: 'setDefault', target: 'address.city', default: { no: 1 } as never });
    doc = applied(doc, { kind: 'setNotes', target: 'address.city', notes: 'why' });
    expect(doc.rules[1]!.notes).toBe('why');
    expect(applied(doc, { kind: 'setNotes', target: 'address.city', notes: '' }).rules[1]).not.toHaveProperty('notes');
    expect(applied(doc, { kind: 'setNotes', target: 'address.city', notes: 'why' })).toBe(doc); // no change, no undo step
    expect(applied(doc, { kind: 'setSources', target: 'address.city', sources: ['town'] }).rules[1]!.sources).toEqual(['town']);
    expect(applied(doc, { kind: 'setSources', target: 'address.city', sources: ['billing.city'] })).toBe(doc);
  });
});
