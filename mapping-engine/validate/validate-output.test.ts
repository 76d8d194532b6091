import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeField, type SchemaField } from '../schema/model';
import { validateOutput } from './validate-output';
import { formatFieldPath } from './field-path';

const origin = { kind: 'json-schema' } as const;
const orderSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['id', 'address', 'lines'],
  properties: {
    id: { type: 'string', pattern: '^C[0-9]{3}$' },
    status: { enum: ['OPEN', 'CLOSED'] },
    address: { type: 'object', required: ['postcode'], properties: { postcode: { type: 'string' } } },
    lines: { type: 'array', items: { type: 'object', properties: { total: { type: 'number' } } } },
    tags: { type: 'array', minItems: 1 },
  },
};

describe('validateOutput with a JSON Schema target (ajv)', () => {
  it('accepts valid output', () => {
    expect(validateOutput({ id: 'C123', address: { postcode: '1000' }, lines: [] }, { jsonSchema: orderSchema })).toEqual([]);
  });

  it('reports each violation with a field path and code', () => {
    const out = validateOutput(
      { id: 'X1', status: 'GONE', address: {}, lines: [{ total: 1 }, { total: 2 }, { total: 'ten' }], tags: [] },
      { jsonSchema: orderSchema },
    );
    const byCode = Object.fromEntries(out.map((v) => [v.code, v.path]));
    expect(byCode).toEqual({
      MAP_PATTERN: 'id',
      MAP_ENUM: 'status',
      MAP_REQUIRED_MISSING: 'address.postcode',
      MAP_TYPE: 'lines[2].total',
      MAP_REPEAT: 'tags',
    });
  });

  it('calls a single value where an array belongs a repetition problem', () => {
    const out = validateOutput({ id: 'C123', address: { postcode: '1' }, lines: { total: 1 } }, { jsonSchema: orderSchema });
    expect(out).toEqual([expect.objectContaining({ code: 'MAP_REPEAT', path: 'lines' })]);
  });

  it('uses draft-07 when the schema says so, and reports other keywords as MAP_SCHEMA', () => {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { n: { type: 'integer', minimum: 5 } } };
    expect(validateOutput({ n: 3 }, { jsonSchema: schema })).toEqual([expect.objectContaining({ code: 'MAP_SCHEMA', path: 'n' })]);
  });

  it('compiles a 2019-09 schema with its own keywords', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2019-09/schema', type: 'object', dependentRequired: { a: ['b'] } };
    expect(validateOutput({ a: 1 }, { jsonSchema: schema })).toEqual([expect.objectContaining({ code: 'MAP_REQUIRED_MISSING', path: 'b' })]);
  });

  it('validates the crm-to-erp sample output against its real schema', () => {
    const schema = JSON.parse(readFileSync('samples/crm-to-erp/target/erp-customer.schema.json', 'utf8')) as object;
    const expected = JSON.parse(readFileSync('samples/crm-to-erp/tests/complete-account.expected.json', 'utf8')) as Record<string, unknown>;
    expect(validateOutput(expected, { jsonSchema: schema })).toEqual([]);
    const broken: Record<string, unknown> = { ...expected, customerNumber: 'ACC-1' };
    delete broken.firstName;
    expect(validateOutput(broken, { jsonSchema: schema }).map((v) => `${v.code} ${v.path}`).sort()).toEqual(['MAP_PATTERN customerNumber', 'MAP_REQUIRED_MISSING firstName']);
  });
});

function field(name: string, parent: string[], init: Partial<SchemaField> = {}): SchemaField {
  return makeField({ name, path: [...parent, name], type: 'string', origin, ...init });
}

describe('validateOutput with a schema model target', () => {
  const invoice = field('Invoice', [], {
    type: 'object',
    required: true,
    xml: { kind: 'element' },
    children: [
      field('ID', ['Invoice'], { required: true, pattern: '[A-Z]+-\\d+', origin: { kind: 'xsd' }, xml: { kind: 'element' } }),
      field('Currency', ['Invoice'], { enum: ['EUR', 'USD'], xml: { kind: 'element' } }),
      field('Line', ['Invoice'], {
        type: 'object',
        repeating: true,
        maxOccurs: 2,
        xml: { kind: 'element' },
        children: [field('Qty', ['Invoice', 'Line'], { type: 'integer', required: true, xml: { kind: 'element' } })],
      }),
    ],
  });
  const root = makeField({ name: '', path: [], type: 'object', origin, children: [invoice] });
  const target = { schema: { root } };

  it('accepts XML output whose numbers are text, and one value for a repeating element', () => {
    expect(validateOutput({ Invoice: { ID: 'INV-1', Currency: 'EUR', Line: { Qty: '3' } } }, target)).toEqual([]);
  });

  it('reports required, type, enum, repetition, pattern and unknown fields', () => {
    const out = validateOutput({ Invoice: { ID: 'INV1', Currency: 'GBP', Line: [{ Qty: '1' }, { Qty: 'x' }, {}], Extra: 1 } }, target);
    expect(out.map((v) => `${v.code} ${v.path}`)).toEqual([
      'MAP_PATTERN Invoice.ID',
      'MAP_ENUM Invoice.Currency',
      'MAP_REPEAT Invoice.Line',
      'MAP_TYPE Invoice.Line[1].Qty',
      'MAP_REQUIRED_MISSING Invoice.Line[2].Qty',
      'MAP_SCHEMA Invoice.Extra',
    ]);
  });

  it('checks JSON types strictly and wants arrays for repeating JSON fields', () => {
    const json = makeField({
      name: '', path: [], type: 'object', origin,
      children: [field('n', [], { type: 'number' }), field('tags', [], { repeating: true }), field('one', [])],
    });
    const out = validateOutput({ n: '12', tags: 'a', one: ['x'] }, { schema: { root: json } });
    expect(out.map((v) => `${v.code} ${v.path}`)).toEqual(['MAP_TYPE n', 'MAP_REPEAT tags', 'MAP_REPEAT one']);
  });

  it('falls back to the model when ajv cannot compile the JSON Schema', () => {
    const json = makeField({ name: '', path: [], type: 'object', origin, children: [field('a', [], { required: true })] });
    const unresolvable = { $ref: 'other.json#/x' };
    expect(validateOutput({}, { jsonSchema: unresolvable, schema: { root: json } })).toEqual([expect.objectContaining({ code: 'MAP_REQUIRED_MISSING', path: 'a' })]);
  });
});

describe('formatFieldPath', () => {
  it('puts indexes in brackets and odd names in backticks', () => {
    expect(formatFieldPath(['lines', 2, 'total'])).toBe('lines[2].total');
    expect(formatFieldPath(['a.b', 'c d'])).toBe('`a.b`.`c d`');
    expect(formatFieldPath([])).toBe('');
  });
});
