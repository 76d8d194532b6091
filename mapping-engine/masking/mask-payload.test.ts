import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../payload/types';
import { classifyField } from './classify-field';
import { detectPersonalData, maskPayload } from './mask-payload';

const key = new TextEncoder().encode('unit-test-key-unit-test-key-1234');

const order: JsonValue = {
  id: 450789469,
  sku: 'IPOD2008GREEN',
  total_price: '409.94',
  currency: 'USD',
  created_at: '2008-01-10T11:00:00-05:00',
  url: 'https://api.example.com/orders/450789469',
  customer: { first_name: 'Bob', last_name: 'Norman', name: 'Bob Norman', email: 'bob.norman@hostmail.com', birth_date: '1971-04-03', zip: '01067', country: 'DE' },
  note: 'Ask Bob Norman, +49 30 901820',
  lines: [{ name: 'IPod Nano', price: '199.00' }],
};

describe('classifyField', () => {
  const ctx = (name: string, siblingNames: string[] = [], parentName?: string) => ({ name, parentName, siblingNames });

  it('needs a person-like record for a bare name', () => {
    expect(classifyField('Jane Roe', ctx('name', [], 'customer'))?.category).toBe('fullName');
    expect(classifyField('Jane Roe', ctx('name', ['email']))?.category).toBe('fullName');
    expect(classifyField('IPod Nano', ctx('name', ['price'], 'line_items'))).toBeUndefined();
    expect(classifyField('#1001', ctx('name', ['email'], 'order'))).toBeUndefined();
  });

  it('takes a fullName or cardholder name for a person without other contact fields', () => {
    expect(classifyField('Margarete Sommerfeld', ctx('fullName', ['accountId', 'status', 'billing']))?.category).toBe('fullName');
    expect(classifyField('Jane Roe', ctx('cardholderName', ['amount']))?.category).toBe('fullName');
    expect(classifyField('IPod Nano', ctx('displayName', ['price']))).toBeUndefined();
  });

  it('leaves IDs, amounts, codes, timestamps and API URLs alone', () => {
    expect(classifyField('4242424242424242', ctx('id'))).toBeUndefined();
    expect(classifyField('19.00', ctx('vat'))).toBeUndefined();
    expect(classifyField('EUR', ctx('currency'))).toBeUndefined();
    expect(classifyField('2008-01-10T11:00:00-05:00', ctx('created_at', ['email']))).toBeUndefined();
    expect(classifyField('https://api.github.com/repos/x', ctx('url'))).toBeUndefined();
    expect(classifyField(450789469, ctx('order_number'))).toBeUndefined();
  });

  it('finds personal data by value and dates of birth next to a person', () => {
    expect(classifyField('DE89370400440532013000', ctx('ref'))?.category).toBe('iban');
    expect(classifyField('4242424242424242', ctx('pm'))?.category).toBe('card');
    expect(classifyField('2001:db8::1', ctx('origin'))?.category).toBe('ipAddress');
    expect(classifyField('1971-04-03', ctx('date', ['first_name', 'email']))?.category).toBe('birthDate');
    expect(classifyField('1971-04-03', ctx('order_date', ['first_name', 'email']))).toBeUndefined();
  });
});

describe('maskPayload', () => {
  it('masks personal leaves, keeps the rest and key order, and reports by path', () => {
    const { value, report } = maskPayload(order, { key });
    const masked = value as typeof order & Record<string, JsonValue>;
    const m = masked as { [k: string]: JsonValue };
    expect(Object.keys(m)).toEqual(Object.keys(order as object));
    for (const k of ['id', 'sku', 'total_price', 'currency', 'created_at', 'url', 'lines']) expect(m[k]).toEqual((order as Record<string, JsonValue>)[k]);
    const customer = m.customer as Record<string, JsonValue>;
    expect(customer.country).toBe('DE');
    for (const k of ['first_name', 'last_name', 'name', 'email', 'birth_date', 'zip']) expect(customer[k]).not.toEqual((order as { customer: Record<string, JsonValue> }).customer[k]);
    expect(m.note).not.toContain('Bob Norman');
    expect(m.note).not.toContain('901820');
    expect(m.note).toContain(customer.name as string);
    const paths = report.map((e) => `${e.path}:${e.category}`);
    expect(paths).toEqual(expect.arrayContaining(['customer.email:email', 'customer.name:fullName', 'customer.zip:postcode', 'customer.birth_date:birthDate', 'note:freeText']));
    const text = JSON.stringify(report);
    for (const raw of ['Bob', 'Norman', 'hostmail', '01067', '1971-04-03', '901820']) expect(text).not.toContain(raw);
  });

  it('is deterministic per key and differs with another key', () => {
    const a = JSON.stringify(maskPayload(order, { key }).value);
    expect(JSON.stringify(maskPayload(order, { key }).value)).toBe(a);
    expect(JSON.stringify(maskPayload(order, { key: new TextEncoder().encode('other') }).value)).not.toBe(a);
  });

  it('follows the policy: kept categories, never and always overrides', () => {
    const { value, report } = maskPayload(order, {
      key,
      policy: { keepCategories: ['postcode'], fields: { 'customer.email': 'never', sku: 'always' } },
    });
    const m = value as { customer: Record<string, JsonValue>; sku: string };
    expect(m.customer.zip).toBe('01067');
    expect(m.customer.email).toBe('bob.norman@hostmail.com');
    expect(m.sku).not.toBe('IPOD2008GREEN');
    expect(m.sku).toMatch(/^[A-Z]{4}\d{4}[A-Z]{5}$/);
    expect(report.find((e) => e.path === 'customer.email')?.masked).toBe(false);
    expect(report.find((e) => e.path === 'sku')).toMatchObject({ category: 'other', masked: true });
  });

  it('reports low-confidence detections without masking them under a higher floor', () => {
    const person: JsonValue = { first_name: 'Ann', email: 'ann@corp.de', date: '1971-04-03' };
    expect((maskPayload(person, { key }).value as Record<string, JsonValue>).date).not.toBe('1971-04-03');
    const { value, report } = maskPayload(person, { key, policy: { minConfidence: 0.65 } });
    expect((value as Record<string, JsonValue>).date).toBe('1971-04-03');
    expect(report.find((e) => e.path === 'date')).toMatchObject({ category: 'birthDate', confidence: 0.6, masked: false });
  });

  it('handles arrays, XML text and attributes', () => {
    const xml: JsonValue = { Invoice: { Contact: [{ Telephone: { '@type': 'work', '#text': '+49 30 901820' }, Name: 'Ann Lee' }] } };
    const report = detectPersonalData(xml, { key });
    expect(report.map((e) => [e.path, e.category])).toEqual([
      ['Invoice.Contact[].Name', 'fullName'],
      ['Invoice.Contact[].Telephone.#text', 'phone'],
    ]);
  });
});
