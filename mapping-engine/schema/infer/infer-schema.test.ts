import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../../errors';
import type { JsonValue, PayloadFormat } from '../../payload/types';
import { findField, type SchemaField } from '../model';
import { inferSchema } from './infer-schema';
import type { InferOptions } from './infer-options';

function infer(value: JsonValue, format: PayloadFormat = 'json', options?: InferOptions): SchemaField {
  return inferSchema([{ value, format }], options).root;
}

function field(root: SchemaField, path: string): SchemaField {
  const found = findField(root, path.split('/'));
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('inferSchema: structure', () => {
  it('gives an object root with children in first-seen order', () => {
    const root = infer({ b: 1, a: 'x', c: { z: true, y: null } });
    expect(root).toMatchObject({ name: '', path: [], type: 'object', repeating: false, required: true });
    expect(root.children?.map((c) => c.name)).toEqual(['b', 'a', 'c']);
    expect(field(root, 'c').children?.map((c) => c.path)).toEqual([['c', 'z'], ['c', 'y']]);
  });

  it('makes a top-level array a repeating root whose children are the record fields', () => {
    const root = infer([{ id: 1 }, { id: 2, name: 'n' }], 'jsonl');
    expect(root).toMatchObject({ type: 'object', repeating: true });
    expect(field(root, 'id')).toMatchObject({ type: 'integer', required: true, path: ['id'] });
    expect(field(root, 'name')).toMatchObject({ type: 'string', required: false });
  });

  it('merges the members of all elements of an array of objects', () => {
    const root = infer({ lines: [{ sku: 'A', qty: 1 }, { sku: 'B', note: 'gift' }] });
    const lines = field(root, 'lines');
    expect(lines).toMatchObject({ type: 'object', repeating: true, required: true });
    expect(lines.children?.map((c) => [c.name, c.required])).toEqual([
      ['sku', true],
      ['qty', false],
      ['note', false],
    ]);
  });

  it('types arrays of scalars by their elements', () => {
    const root = infer({ tags: ['a', 'b'], scores: [1, 2.5] });
    expect(field(root, 'tags')).toMatchObject({ type: 'string', repeating: true });
    expect(field(root, 'scores')).toMatchObject({ type: 'number', repeating: true });
  });

  it('types arrays of arrays and empty arrays as any', () => {
    const root = infer({ matrix: [[1, 2], [3]], none: [] });
    expect(field(root, 'matrix')).toMatchObject({ type: 'any', repeating: true });
    expect(field(root, 'matrix').children).toBeUndefined();
    expect(field(root, 'none')).toMatchObject({ type: 'any', repeating: true });
  });

  it('takes the element type from another sample when one array was empty', () => {
    const root = inferSchema([
      { value: { items: [] }, format: 'json' },
      { value: { items: [{ id: 7 }] }, format: 'json' },
    ]).root;
    expect(field(root, 'items')).toMatchObject({ type: 'object', repeating: true });
    expect(field(root, 'items/id').type).toBe('integer');
  });

  it('keeps an empty object as an object without children', () => {
    expect(field(infer({ metadata: {} }), 'metadata')).toMatchObject({ type: 'object', children: [] });
  });

  it('types a JSON member that is an object in one place and a scalar in another as any', () => {
    const root = infer([{ a: { x: 1 } }, { a: 'text' }]);
    expect(field(root, 'a').type).toBe('any');
    expect(field(root, 'a').children).toBeUndefined();
  });
});

describe('inferSchema: merging samples', () => {
  it('makes a field that is an array in one sample and single in another repeating', () => {
    const root = inferSchema([
      { value: { tag: 'a' }, format: 'json' },
      { value: { tag: ['b', 'c'] }, format: 'json' },
    ]).root;
    expect(field(root, 'tag')).toMatchObject({ type: 'string', repeating: true, required: true });
  });

  it('makes a field missing from some samples optional and appends new members', () => {
    const root = inferSchema([
      { value: { id: 1, name: 'x' }, format: 'json' },
      { value: { id: 2, extra: true }, format: 'json' },
    ]).root;
    expect(root.children?.map((c) => [c.name, c.required])).toEqual([
      ['id', true],
      ['name', false],
      ['extra', false],
    ]);
  });

  it('marks nulls as nullable and types from the non-null values', () => {
    const root = infer([{ a: null, b: null }, { a: 3, b: null }]);
    expect(field(root, 'a')).toMatchObject({ type: 'integer', nullable: true, required: true });
    expect(field(root, 'b')).toMatchObject({ type: 'null', nullable: true });
    expect(field(infer([{ a: 1 }]), 'a').nullable).toBeUndefined();
  });

  it('keeps the children of an object that is null elsewhere, required as in the objects', () => {
    const root = infer([{ head: null }, { head: { id: 'x' } }]);
    expect(field(root, 'head')).toMatchObject({ type: 'object', nullable: true });
    expect(field(root, 'head/id').required).toBe(true);
  });

  it('widens integer + number to number and other scalar mixes to string', () => {
    const root = infer([
      { n: 1, s: 1, b: true, d: '2024-01-01' },
      { n: 1.5, s: 'one', b: 'yes', d: '2024-01-01T10:00:00Z' },
    ]);
    expect(field(root, 'n').type).toBe('number');
    expect(field(root, 's').type).toBe('string');
    expect(field(root, 'b').type).toBe('string');
    expect(field(root, 'd').type).toBe('string');
    expect(field(root, 'd').format).toBeUndefined();
  });

  it('records the origin with the file of the first sample', () => {
    const doc = inferSchema(
      [
        { value: { a: 1 }, format: 'json', file: 'one.json' },
        { value: { a: 2 }, format: 'json', file: 'two.json' },
      ],
      { origin: 'csv-header' },
    );
    expect(doc.root.origin).toEqual({ kind: 'csv-header', file: 'one.json' });
    expect(field(doc.root, 'a').origin).toEqual({ kind: 'csv-header', file: 'one.json' });
    expect(inferSchema([{ value: 1, format: 'json' }]).root.origin).toEqual({ kind: 'sample' });
  });
});

describe('inferSchema: JSON strings', () => {
  it('refines ISO dates and date-times but leaves numeric strings alone', () => {
    const root = infer({ day: '2024-03-01', at: '2008-01-10T11:00:00-05:00', price: '199.00', zip: '01234' });
    expect(field(root, 'day')).toMatchObject({ type: 'date', format: 'date' });
    expect(field(root, 'at')).toMatchObject({ type: 'datetime', format: 'date-time' });
    expect(field(root, 'price').type).toBe('string');
    expect(field(root, 'zip').type).toBe('string');
  });

  it('adds a format hint only when every value matches it', () => {
    const root = infer([
      { mail: 'a@b.io', url: 'https://x.org/a', id: '123e4567-e89b-12d3-a456-426614174000' },
      { mail: 'c@d.io', url: 'not a url', id: '', gravatar: '' },
    ]);
    expect(field(root, 'mail').format).toBe('email');
    expect(field(root, 'url').format).toBeUndefined();
    expect(field(root, 'id').format).toBe('uuid');
    expect(field(root, 'gravatar')).toMatchObject({ type: 'string', required: false });
  });
});

describe('inferSchema: CSV text values', () => {
  const rows: Record<string, string>[] = [
    { zip: '01234', qty: '3', price: '9.50', flag: 'TRUE', day: '2024-01-31', code: '+49', note: '' },
    { zip: '10115', qty: '', price: '10', flag: 'false', day: '2024-02-01', code: '44', note: '' },
    { zip: '80331', qty: '12', price: '', flag: 'False', day: '', code: '33' },
  ];
  const root = infer(rows, 'csv');

  it('reads integers, numbers, booleans and dates when every non-empty value parses', () => {
    expect(root.repeating).toBe(true);
    expect(field(root, 'qty').type).toBe('integer');
    expect(field(root, 'price').type).toBe('number');
    expect(field(root, 'flag').type).toBe('boolean');
    expect(field(root, 'day')).toMatchObject({ type: 'date', format: 'date' });
  });

  it('keeps columns with leading zeros or a leading + as strings', () => {
    expect(field(root, 'zip').type).toBe('string');
    expect(field(root, 'code').type).toBe('string');
  });

  it('ignores empty cells for the type and does not make the field nullable', () => {
    expect(field(root, 'qty').nullable).toBeUndefined();
    expect(field(root, 'qty').required).toBe(true);
    expect(field(root, 'note')).toMatchObject({ type: 'string', required: false });
  });

  it('treats a decimal comma as text', () => {
    expect(field(infer([{ v: '1,5' }, { v: '2' }], 'csv'), 'v').type).toBe('string');
  });
});

describe('inferSchema: enums', () => {
  const column = (values: string[], options?: InferOptions): SchemaField =>
    field(infer(values.map((v) => ({ v })), 'csv', options), 'v');

  it('lists repeated codes sorted', () => {
    expect(column(['EUR', 'USD', 'EUR', 'CHF']).enum).toEqual(['CHF', 'EUR', 'USD']);
  });

  it('needs repetition: all-distinct values are not a code list', () => {
    expect(column(['a', 'b', 'c', 'd']).enum).toBeUndefined();
  });

  it('needs at least enumMinSamples values', () => {
    expect(column(['a', 'a']).enum).toBeUndefined();
    expect(column(['a', 'a'], { enumMinSamples: 2 }).enum).toEqual(['a']);
  });

  it('allows at most enumMaxDistinct distinct values', () => {
    const nine = 'abcdefghi'.split('');
    expect(column([...nine, ...nine]).enum).toBeUndefined();
    expect(column([...nine.slice(0, 8), ...nine.slice(0, 8)])?.enum).toHaveLength(8);
    expect(column(['a', 'b', 'c', 'a'], { enumMaxDistinct: 2 }).enum).toBeUndefined();
    expect(column(['a', 'a', 'a'], { enumMaxDistinct: 0 }).enum).toBeUndefined();
  });

  it('is never made for long text, numbers, dates or format-hinted values', () => {
    const long = 'x'.repeat(41);
    expect(column([long, long, long]).enum).toBeUndefined();
    expect(column(['1', '2', '1', '2']).enum).toBeUndefined();
    expect(column(['2024-01-01', '2024-01-01', '2024-01-01']).enum).toBeUndefined();
    expect(column(['a@b.io', 'a@b.io', 'a@b.io']).enum).toBeUndefined();
    expect(field(infer([{ p: '9.99' }, { p: '9.99' }, { p: '9.99' }]), 'p').enum).toBeUndefined();
  });

  it('leaves empty cells out of the enum', () => {
    expect(column(['A', '', 'B', 'A', '']).enum).toEqual(['A', 'B']);
  });
});

describe('inferSchema: limits', () => {
  it('rejects absurd nesting with a coded error naming the file', () => {
    let deep: JsonValue = 1;
    for (let i = 0; i < 2000; i++) deep = { a: deep };
    let error: unknown;
    try {
      inferSchema([{ value: deep, format: 'json', file: 'deep.json' }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MapwrightError);
    expect((error as MapwrightError).code).toBe('LIMIT_EXCEEDED');
    expect((error as MapwrightError).file).toBe('deep.json');
  });

  it('gives an untyped root for no samples', () => {
    expect(inferSchema([]).root).toMatchObject({ type: 'any', path: [] });
  });
});
