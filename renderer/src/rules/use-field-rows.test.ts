/** Where a side's field rows come from: its schema file and root, else its first sample. */
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { fieldsFileOf, fieldsRootOf } from './use-field-rows';

const doc = (target: Record<string, unknown>) =>
  loadDocument(JSON.stringify({ formatVersion: 1, name: 'Fields', source: { format: 'json', samples: ['source/in.json'] }, target })).document;

describe('field rows of a side', () => {
  it('reads an imported schema under the root it names (XSD element, OpenAPI component, JSON pointer)', () => {
    const rooted = doc({ format: 'xml', schema: { file: 'target/order.xsd', root: 'Order' } });
    expect([fieldsFileOf(rooted, 'target'), fieldsRootOf(rooted, 'target')]).toEqual(['target/order.xsd', 'Order']);
    const pointer = doc({ format: 'json', schema: { file: 'target/shop.schema.json', root: '#/$defs/Order' } });
    expect(fieldsRootOf(pointer, 'target')).toBe('#/$defs/Order');
  });

  it('has no root for a whole schema file, an inline schema or a sample', () => {
    expect(fieldsRootOf(doc({ format: 'json', schema: { file: 'target/t.schema.json' } }), 'target')).toBeUndefined();
    expect(fieldsRootOf(doc({ format: 'json', schema: { inline: { type: 'object' } } }), 'target')).toBeUndefined();
    const sampled = doc({ format: 'json' });
    expect([fieldsFileOf(sampled, 'source'), fieldsRootOf(sampled, 'source')]).toEqual(['source/in.json', undefined]);
    expect(fieldsRootOf(undefined, 'target')).toBeUndefined();
  });
});
