import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import { summariseMasking } from './masking-summary';

const doc = (extra: Record<string, unknown> = {}) =>
  loadDocument(
    JSON.stringify({
      formatVersion: 1,
      name: 'x',
      source: { format: 'json', samples: [] },
      target: { format: 'json', samples: [] },
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
    }),
  ).document;

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
