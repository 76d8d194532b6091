import { describe, expect, it } from 'vitest';
import { applyEdit } from '../edits/apply-edit';
import { frozenDoc } from '../edits/edit-test-helpers';
import { proposeLink, type CanvasField } from './link-check';

/** A field from a flat spelling: `contacts[].value` repeats at `contacts`; a trailing `{}` has children. */
function field(spec: string): CanvasField {
  const hasChildren = spec.endsWith('{}');
  const parts = (hasChildren ? spec.slice(0, -2) : spec).split('.');
  const bare = parts.map((p) => p.replace('{}', ''));
  return { names: bare.map((p) => p.replace(/\[\]$/, '')), repeats: bare.map((p) => p.endsWith('[]')), hasChildren };
}

const doc = frozenDoc({
  arrays: [{ target: 'contacts', source: 'contacts' }],
  rules: [{ target: 'address.city', sources: ['billing.city'] }],
});

describe('proposeLink', () => {
  it('links a value to a value, creating the rule or extending it, and the engine accepts the edit', () => {
    const created = proposeLink(doc, field('fullName'), field('firstName'));
    expect(created).toEqual({ ok: true, edit: { kind: 'linkSource', target: 'firstName', source: 'fullName' } });
    const extended = proposeLink(doc, field('billing{}.town'), field('address{}.city'));
    expect(extended).toEqual({ ok: true, edit: { kind: 'linkSource', target: 'address.city', source: 'billing.town' } });
    for (const proposal of [created, extended]) if (proposal.ok) expect(applyEdit(doc, proposal.edit).ok).toBe(true);
  });

  it('writes sources relative to the array context, stepping out with ../', () => {
    const inner = proposeLink(doc, field('contacts[].value'), field('contacts[].value'));
    expect(inner).toMatchObject({ ok: true, edit: { source: 'value', target: 'contacts.value' } });
    const outer = proposeLink(doc, field('accountId'), field('contacts[].customerNumber'));
    expect(outer).toMatchObject({ ok: true, edit: { source: '../accountId' } });
    if (outer.ok) expect(applyEdit(doc, outer.edit).ok).toBe(true);
  });

  it('refuses an object onto a value, a value onto a group, and a value onto a list', () => {
    expect(proposeLink(doc, field('billing{}'), field('firstName'))).toMatchObject({ ok: false, reason: 'source-object' });
    expect(proposeLink(doc, field('fullName'), field('address{}'))).toMatchObject({ ok: false, reason: 'target-group' });
    expect(proposeLink(doc, field('fullName'), field('labels[]'))).toMatchObject({ ok: false, reason: 'target-list' });
    expect(proposeLink(doc, field('tags[]'), field('labels[]'))).toMatchObject({ ok: true });
    expect(proposeLink(doc, field('contacts[]{}'), field('contacts[]{}'))).toMatchObject({ ok: false, reason: 'target-context' });
  });

  it('refuses a repeating field read outside its array context', () => {
    const refused = proposeLink(doc, field('contacts[].value'), field('email'));
    expect(refused).toMatchObject({ ok: false, reason: 'source-outside-context' });
    expect(proposeLink(doc, field('orders[].lines[].sku'), field('contacts[].value'))).toMatchObject({ ok: false, reason: 'source-outside-context' });
  });

  it('refuses a target inside a list without an array context, naming the context to add', () => {
    const refused = proposeLink(doc, field('items[].sku'), field('lines[].sku'));
    expect(refused).toMatchObject({ ok: false, reason: 'target-needs-context', context: { target: 'lines', source: 'items' } });
  });

  it('refuses a link that already exists', () => {
    expect(proposeLink(doc, field('billing{}.city'), field('address{}.city'))).toMatchObject({ ok: false, reason: 'already-linked' });
  });
});

describe('proposeLink and the target schema', () => {
  const required = (spec: string, requires: boolean[]): CanvasField => ({ ...field(spec), requires });

  it('starts the rule of a field the target schema demands as required: error, the engine keeps it', () => {
    const proposal = proposeLink(doc, field('fullName'), required('customer{}.name', [true, true]));
    expect(proposal).toEqual({ ok: true, edit: { kind: 'linkSource', target: 'customer.name', source: 'fullName', required: 'error' } });
    const result = proposal.ok ? applyEdit(doc, proposal.edit) : undefined;
    expect(result?.ok && result.document.rules.find((r) => r.target === 'customer.name')?.required).toBe('error');
  });

  it('leaves optional fields, required fields of optional objects and extended rules alone', () => {
    const policyOf = (proposal: ReturnType<typeof proposeLink>) => (proposal.ok ? (proposal.edit.required ?? 'omit') : 'refused');
    expect(policyOf(proposeLink(doc, field('fullName'), required('nickname', [false])))).toBe('omit');
    expect(policyOf(proposeLink(doc, field('fullName'), required('billing{}.name', [false, true])))).toBe('omit');
    // The rule exists: its policy is the user's, a second source does not change it.
    expect(policyOf(proposeLink(doc, field('billing{}.town'), required('address{}.city', [true, true])))).toBe('omit');
  });
});
