import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../payload/types';
import { makeField, type SchemaField } from '../model';
import { inferSchema } from './infer-schema';
import { mergeFields } from './merge-fields';

const origin = { kind: 'sample' as const };

function leaf(name: string, type: SchemaField['type'], extra: Partial<SchemaField> = {}): SchemaField {
  return makeField({ name, path: [name], type, origin, required: true, ...extra });
}

function object(name: string, children: SchemaField[], extra: Partial<SchemaField> = {}): SchemaField {
  return makeField({ name, path: name ? [name] : [], type: 'object', origin, required: true, children, ...extra });
}

describe('mergeFields', () => {
  it('makes a field repeating when either side repeats', () => {
    expect(mergeFields(leaf('tag', 'string'), leaf('tag', 'string', { repeating: true })).repeating).toBe(true);
    expect(mergeFields(leaf('tag', 'string'), leaf('tag', 'string')).repeating).toBe(false);
  });

  it('makes members found on one side only optional, keeping a-order then new b members', () => {
    const a = object('', [leaf('id', 'integer'), leaf('name', 'string')]);
    const b = object('', [leaf('id', 'integer'), leaf('extra', 'boolean')]);
    const merged = mergeFields(a, b);
    expect(merged.children?.map((c) => [c.name, c.required])).toEqual([
      ['id', true],
      ['name', false],
      ['extra', false],
    ]);
  });

  it('is required only when both sides require it', () => {
    expect(mergeFields(leaf('a', 'string'), leaf('a', 'string', { required: false })).required).toBe(false);
  });

  it('takes the type from the non-null side and marks the result nullable', () => {
    const merged = mergeFields(leaf('a', 'null', { nullable: true }), leaf('a', 'integer', { format: 'x' }));
    expect(merged).toMatchObject({ type: 'integer', nullable: true, format: 'x' });
    expect(mergeFields(leaf('a', 'null', { nullable: true }), leaf('a', 'null', { nullable: true }))).toMatchObject({ type: 'null', nullable: true });
  });

  it('widens scalar types and drops formats that no longer hold', () => {
    expect(mergeFields(leaf('n', 'integer'), leaf('n', 'number')).type).toBe('number');
    const mixed = mergeFields(leaf('d', 'date', { format: 'date' }), leaf('d', 'datetime', { format: 'date-time' }));
    expect(mixed.type).toBe('string');
    expect(mixed.format).toBeUndefined();
    expect(mergeFields(leaf('m', 'string', { format: 'email' }), leaf('m', 'string', { format: 'email' })).format).toBe('email');
  });

  it('unions enums and drops them when one side is free text or the union grows too large', () => {
    expect(mergeFields(leaf('c', 'string', { enum: ['USD', 'EUR'] }), leaf('c', 'string', { enum: ['CHF'] })).enum).toEqual(['CHF', 'EUR', 'USD']);
    expect(mergeFields(leaf('c', 'string', { enum: ['A'] }), leaf('c', 'string')).enum).toBeUndefined();
    const many = (from: number): string[] => Array.from({ length: 5 }, (_, i) => `v${from + i}`);
    expect(mergeFields(leaf('c', 'string', { enum: many(0) }), leaf('c', 'string', { enum: many(5) })).enum).toBeUndefined();
  });

  it('lets an empty-array field take the element type of the other side', () => {
    const empty = leaf('items', 'any', { repeating: true });
    const filled = object('items', [leaf('id', 'integer')], { repeating: true });
    expect(mergeFields(empty, filled)).toMatchObject({ type: 'object', repeating: true });
    expect(mergeFields(filled, empty).children?.map((c) => c.name)).toEqual(['id']);
  });

  it('turns XML text vs attribute form into #text with simple content', () => {
    const text = leaf('Price', 'number', { xml: { kind: 'element' } });
    const withAttr = object('Price', [leaf('@currency', 'string', { xml: { kind: 'attribute' } })], { xml: { kind: 'element', namespace: 'urn:x' } });
    const merged = mergeFields(text, withAttr);
    expect(merged.type).toBe('object');
    expect(merged.xml).toEqual({ kind: 'element', namespace: 'urn:x', simpleContent: true });
    expect(merged.children?.map((c) => [c.name, c.type, c.required, c.path.join('/')])).toEqual([
      ['@currency', 'string', false, '@currency'],
      ['#text', 'number', false, 'Price/#text'],
    ]);
  });

  it('merges into an existing #text member', () => {
    const text = leaf('Price', 'integer', { xml: { kind: 'element' } });
    const withAttr = object(
      'Price',
      [leaf('@currency', 'string', { xml: { kind: 'attribute' } }), leaf('#text', 'number', { xml: { kind: 'text' } })],
      { xml: { kind: 'element', simpleContent: true } },
    );
    const merged = mergeFields(withAttr, text);
    expect(merged.children?.find((c) => c.name === '#text')).toMatchObject({ type: 'number', required: true });
  });

  it('makes JSON object-vs-scalar open (any)', () => {
    expect(mergeFields(object('a', [leaf('x', 'integer')]), leaf('a', 'string'))).toMatchObject({ type: 'any' });
  });

  it('does not change its inputs', () => {
    const a = object('', [leaf('id', 'integer'), leaf('name', 'string', { enum: ['x'] })]);
    const b = object('', [leaf('id', 'number', { nullable: true })], { repeating: true });
    const before = structuredClone([a, b]);
    mergeFields(a, b);
    expect([a, b]).toEqual(before);
  });

  it('agrees with inference over both samples at once (enums aside)', () => {
    const one: JsonValue = { id: 1, tags: 'a', head: null, items: [] };
    const two: JsonValue = { id: 1.5, tags: ['b'], head: { sha: 'x' }, items: [{ n: 1 }], more: true };
    const strip = (field: SchemaField): SchemaField => {
      const { enum: _enum, ...rest } = field;
      return { ...rest, ...(field.children ? { children: field.children.map(strip) } : {}) };
    };
    const together = inferSchema([
      { value: one, format: 'json' },
      { value: two, format: 'json' },
    ]).root;
    const merged = mergeFields(inferSchema([{ value: one, format: 'json' }]).root, inferSchema([{ value: two, format: 'json' }]).root);
    expect(strip(merged)).toEqual(strip(together));
  });
});
