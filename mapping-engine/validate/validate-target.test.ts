import { describe, expect, it } from 'vitest';
import { inferSchema } from '../schema/infer';
import { readPayload } from '../payload/read-payload';
import type { PayloadFormat } from '../payload/types';
import type { LoadedTarget } from './load-target';
import { validateTarget, validationTargetOf } from './validate-target';

function inferred(text: string, format: PayloadFormat): LoadedTarget {
  const { value } = readPayload(text, { format });
  return { schema: inferSchema([{ value, format }]), inferred: true };
}

describe('validateTarget on a target inferred from samples', () => {
  const orders = inferred(
    JSON.stringify({
      id: 7,
      status: 'OPEN',
      placed: '2024-01-02',
      customer: { name: 'A' },
      lines: [{ sku: 'x', qty: 1 }, { sku: 'y', qty: 2 }, { sku: 'z', qty: 3 }],
      flags: [{ code: 'NEW' }, { code: 'NEW' }, { code: 'NEW' }],
    }),
    'json',
  );

  it('accepts output that differs only where samples guess: optional fields, new fields, other values, wider numbers, null', () => {
    const out = { id: 7.5, status: 'SOMETHING ELSE', placed: 'soon', customer: null, lines: [{ sku: 'x', extra: true }], flags: [{ code: 'OLD' }], note: 'new field' };
    expect(validateTarget(out, orders)).toEqual([]);
    expect(validateTarget({}, orders)).toEqual([]);
  });

  it('reports what samples establish: JSON kinds, objects, and arrays of repeating fields', () => {
    const out = { id: '7', customer: 'A', lines: { sku: 'x' }, status: ['OPEN'] };
    expect(validateTarget(out, orders).map((v) => `${v.code} ${v.path}`).sort()).toEqual(['MAP_REPEAT lines', 'MAP_REPEAT status', 'MAP_TYPE customer', 'MAP_TYPE id']);
  });

  it('judges XML text only by structure, and lets an element seen once repeat', () => {
    const invoice = inferred('<Invoice><ID>1</ID><Total currency="EUR">12.50</Total><Line><Qty>3</Qty></Line></Invoice>', 'xml');
    const fine = { Invoice: { ID: 'INV-A', Total: { '@currency': 'USD', '#text': 'n/a' }, Line: [{ Qty: '2,5' }, { Qty: '1' }] } };
    expect(validateTarget(fine, invoice)).toEqual([]);
    const broken = { Invoice: { ID: { nested: 1 }, Line: 'text' } };
    expect(validateTarget(broken, invoice).map((v) => `${v.code} ${v.path}`)).toEqual(['MAP_TYPE Invoice.ID', 'MAP_TYPE Invoice.Line']);
  });

  it('validates a schema target fully, required fields included', () => {
    const { schema } = orders;
    const strict: LoadedTarget = { schema, inferred: false };
    expect(validateTarget({}, strict).map((v) => v.code)).toContain('MAP_REQUIRED_MISSING');
  });
});

describe('validationTargetOf', () => {
  it('gives one object per loaded target, so the runner sends it and ajv compiles it once', () => {
    const target = inferred('{"id": 1}', 'json');
    expect(validationTargetOf(target)).toBe(validationTargetOf(target));
    expect(validationTargetOf(inferred('{"id": 1}', 'json'))).not.toBe(validationTargetOf(target));
  });
});
