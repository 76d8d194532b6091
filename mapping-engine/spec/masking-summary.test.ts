import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MappingDocument } from '../document/document-schema';
import { loadDocument } from '../document/load-document';
import { readPayload } from '../payload/read-payload';
import type { JsonValue } from '../payload/types';
import { mentions } from './masking-lineage';
import { summariseMasking } from './masking-summary';

/** A JSON-to-JSON document with `body` (arrays, rules, masking...). */
const docWith = (body: Record<string, unknown>) =>
  loadDocument(JSON.stringify({ formatVersion: 1, name: 'x', source: { format: 'json', samples: [] }, target: { format: 'json', samples: [] }, ...body })).document;

const doc = (extra: Record<string, unknown> = {}) =>
  docWith({
    arrays: [{ target: 'lines', source: 'order.line_items' }],
    rules: [
      { target: 'number', sources: ['order.name'] },
      { target: 'remark', sources: ['order.note'] },
      { target: 'email', sources: ['order.customer.email'] },
      { target: 'lines.sku', sources: ['sku'] },
      { target: 'lines.buyer', sources: ['../order.customer.first_name'] },
      { target: 'bank', sources: ['order.payment.bic'] },
      { target: 'lat', sources: ['order.shipping_address.latitude'] },
    ],
    ...extra,
  });

describe('the spec data-protection section', () => {
  it('lists the masked source fields by their place in the input, free text and coordinates included, not a BIC or an order name', () => {
    const { fields } = summariseMasking(doc());
    const masked = fields.filter((f) => f.masked).map((f) => [f.field, f.category]);
    expect(masked).toEqual([
      ['order.note', 'freeText'],
      ['order.customer.email', 'email'],
      ['order.customer.first_name', 'firstName'],
      ['order.shipping_address.latitude', 'geoCoordinate'],
    ]);
    expect(fields.find((f) => f.field === 'order.payment.bic')).toMatchObject({ masked: false, category: 'bic' });
    expect(fields.find((f) => f.field === 'order.name')).toMatchObject({ masked: false });
  });

  it('says for every target field whether personal data flows into it', () => {
    const { targets } = summariseMasking(doc());
    expect(targets.map((t) => [t.target, t.personal, t.from])).toEqual([
      ['number', false, []],
      ['remark', true, ['order.note']],
      ['email', true, ['order.customer.email']],
      ['lines.sku', false, []],
      ['lines.buyer', true, ['order.customer.first_name']],
      ['bank', false, []],
      ['lat', true, ['order.shipping_address.latitude']],
    ]);
  });

  it('follows the policy: never, always and kept categories', () => {
    const { fields, targets } = summariseMasking(doc({ masking: { fields: { 'order.note': 'never', 'order.line_items.sku': 'always' }, keepCategories: ['email'] } }));
    expect(fields.find((f) => f.field === 'order.note')).toMatchObject({ masked: false });
    expect(fields.find((f) => f.field === 'order.customer.email')).toMatchObject({ masked: false });
    expect(fields.find((f) => f.field === 'order.line_items.sku')).toMatchObject({ masked: true, category: 'policy' });
    expect(targets.find((t) => t.target === 'lines.sku')).toMatchObject({ personal: true });
    expect(targets.find((t) => t.target === 'remark')).toMatchObject({ personal: false });
  });
});

const sampleDoc = (name: string) => loadDocument(readFileSync(`samples/${name}/${name}.mapwright.json`, 'utf8')).document;
const sampleOf = (file: string): JsonValue => readPayload(readFileSync(file), { file }).value;

/** The web-shop sample (its rule `deliveryNote` trims `order.note`) with `note` as the sample's note, also read by custom code. */
function webOrderWithNote(note: string) {
  const doc = sampleDoc('web-order-to-erp');
  const order = sampleOf('samples/web-order-to-erp/source/web-order.json') as { order: Record<string, JsonValue> };
  const sample = { order: { ...order.order, note } };
  const rules: MappingDocument['rules'] = [
    ...doc.rules,
    { target: 'noteExcerpt', sources: [], transforms: [{ kind: 'custom', expression: '$substring($$.order.note, 0, 40)' }], required: 'omit' },
  ];
  return { doc: { ...doc, rules }, sample };
}

describe('the data-protection section judged as masking judges the samples', () => {
  it('finds the personal data in the web order sample as shipped: its delivery note names a person and a phone number', () => {
    const doc = sampleDoc('web-order-to-erp');
    const { fields, targets } = summariseMasking(doc, [sampleOf('samples/web-order-to-erp/source/web-order.json')]);
    expect(fields.find((f) => f.field === 'order.note')).toMatchObject({ category: 'freeText', masked: true });
    expect(fields.find((f) => f.field === 'order.note')?.reason).toMatch(/phone/);
    expect(targets.find((t) => t.target === 'deliveryNote')).toEqual({ target: 'deliveryNote', personal: true, from: ['order.note'] });
  });

  it('lists the fields masking masks in the sample, the free-text note included, and not the order name', () => {
    const { doc: noted, sample } = webOrderWithNote('Bitte bei Erika Mustermann klingeln, Tel. +49 30 1234567');
    const { fields, samplesJudged } = summariseMasking(noted, [sample]);
    expect(samplesJudged).toBe(1);
    expect(fields.filter((f) => f.masked).map((f) => f.field).sort()).toEqual(
      ['order.customer.email', 'order.customer.first_name', 'order.customer.last_name', 'order.note', 'order.shipping_address.address1', 'order.shipping_address.address2', 'order.shipping_address.city', 'order.shipping_address.zip'].sort(),
    );
    expect(fields.find((f) => f.field === 'order.note')).toMatchObject({ category: 'freeText', masked: true });
    // `name` holds "#1052": masking leaves it alone, so the spec does not list it.
    expect(fields.find((f) => f.field === 'order.name')).toBeUndefined();
  });

  it('says a target carries personal data by lineage: a copy, a concat, custom code mentioning the path; not a computed total', () => {
    const { doc: noted, sample } = webOrderWithNote('Bitte bei Erika Mustermann klingeln, Tel. +49 30 1234567');
    const { targets } = summariseMasking(noted, [sample]);
    const of = (target: string) => targets.find((t) => t.target === target);
    expect(of('deliveryNote')).toMatchObject({ personal: true, from: ['order.note'] });
    expect(of('noteExcerpt')).toMatchObject({ personal: true, from: ['order.note'] });
    expect(of('shipTo.name')).toMatchObject({ personal: true, from: ['order.customer.first_name', 'order.customer.last_name'] });
    expect(of('shipTo.street')).toMatchObject({ personal: true, from: ['order.shipping_address.address1', 'order.shipping_address.address2'] });
    for (const plain of ['orderNumber', 'status', 'customerNumber', 'shipTo.country', 'carrier', 'lines.position', 'lines.description', 'lines.lineAmount', 'orderTotal']) {
      expect(of(plain), plain).toMatchObject({ personal: false, from: [] });
    }
  });

  it('counts a free-text field as masked even when the sample holds nobody in it, and follows the policy', () => {
    const { doc: noted, sample } = webOrderWithNote('Leave at the back door');
    expect(summariseMasking(noted, [sample]).fields.find((f) => f.field === 'order.note')).toMatchObject({ category: 'freeText', masked: true });
    const kept = { ...noted, masking: { keepCategories: ['email' as const], fields: { 'order.note': 'never' as const } } };
    const { fields, targets } = summariseMasking(kept, [sample]);
    expect(fields.find((f) => f.field === 'order.note')).toMatchObject({ masked: false });
    expect(fields.find((f) => f.field === 'order.customer.email')).toMatchObject({ masked: false });
    expect(targets.find((t) => t.target === 'deliveryNote')).toMatchObject({ personal: false });
  });

  it('follows the CRM sample: contact values masked by content flow through a filter and a pick', () => {
    const crm = sampleDoc('crm-to-erp');
    const { fields, targets } = summariseMasking(crm, [sampleOf('samples/crm-to-erp/source/crm-account.json')]);
    expect(fields.find((f) => f.field === 'contacts.value')).toMatchObject({ masked: true });
    const personal = targets.filter((t) => t.personal).map((t) => t.target);
    expect(personal).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'address.line1', 'address.postcode', 'address.city', 'contacts.value']));
    expect(personal).not.toContain('customerNumber');
    expect(personal).not.toContain('contacts.channel');
    expect(personal).not.toContain('revenue');
  });
});

describe('mentions (custom code naming a masked field)', () => {
  const note = ['order', 'note'];
  it('finds a path from the root, from $$, in backticks, or from the rule item', () => {
    expect(mentions('$trim(order.note)', note, [])).toBe(true);
    expect(mentions('$$.order.note & "!"', note, [])).toBe(true);
    expect(mentions('`order`.`note`', note, [])).toBe(true);
    expect(mentions('$uppercase(title)', ['order', 'line_items', 'title'], ['order', 'line_items'])).toBe(true);
    expect(mentions('$.title', ['order', 'line_items', 'title'], ['order', 'line_items'])).toBe(true);
  });
  it('counts a record used whole, not a path going past it or a longer name', () => {
    expect(mentions('$string(order.customer)', ['order', 'customer', 'first_name'], [])).toBe(true);
    expect(mentions('order.customer.id', ['order', 'customer', 'first_name'], [])).toBe(false);
    expect(mentions('order.notes', note, [])).toBe(false);
    expect(mentions('shipping.note', note, [])).toBe(false);
  });
});

describe('custom code given a record as $value', () => {
  const doc = docWith({
    rules: [
      { target: 'total', sources: ['order.lines'], transforms: [{ kind: 'custom', expression: '$sum($value.(qty * price))' }] },
      { target: 'dump', sources: ['order.lines'], transforms: [{ kind: 'custom', expression: '$string($value)' }] },
      { target: 'notes', sources: ['order.lines'], transforms: [{ kind: 'custom', expression: '$join($value.note, "; ")' }] },
    ],
  });
  const sample = { order: { lines: [{ qty: 1, price: 2, note: 'ring Erika Mustermann on +49 30 1234567' }] } };

  it('reads what the code names of it, or all of it when the code uses $value whole', () => {
    const { targets } = summariseMasking(doc, [sample]);
    expect(targets.map((t) => [t.target, t.personal])).toEqual([
      ['total', false],
      ['dump', true],
      ['notes', true],
    ]);
  });
});

describe('a group key ($key)', () => {
  it('carries the field the group is made by', () => {
    const doc = docWith({
      arrays: [
        { target: 'byBuyer', source: 'orders', groupBy: 'buyer.email' },
        { target: 'byDay', source: 'orders', groupBy: 'day' },
      ],
      rules: [
        { target: 'byBuyer.who', sources: ['$key'] },
        { target: 'byDay.day', sources: ['$key'] },
      ],
    });
    const sample = { orders: [{ day: '2025-07-01', buyer: { email: 'erika.mustermann@example.org' } }] };
    const { targets } = summariseMasking(doc, [sample]);
    expect(targets.map((t) => [t.target, t.personal, t.from])).toEqual([
      ['byBuyer.who', true, ['orders.buyer.email']],
      ['byDay.day', false, []],
    ]);
  });
});
