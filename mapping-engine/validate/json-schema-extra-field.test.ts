/**
 * A field a JSON Schema target does not allow (`additionalProperties: false`,
 * `unevaluatedProperties: false`) is reported at its own path, as the XSD
 * walker reports an element the schema lacks, so a typo in a rule's target
 * (`shipTo.postalCod`) names the field and `expectViolation` can list it.
 */
import { describe, expect, it } from 'vitest';
import { validateOutput } from './validate-output';

const jsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['shipTo'],
  properties: {
    shipTo: { type: 'object', additionalProperties: false, properties: { postalCode: { type: 'string' } }, required: ['postalCode'] },
    lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } }, additionalProperties: false } },
  },
};

describe('a field the JSON Schema does not allow', () => {
  it('is named at its own path, in objects and in array items', () => {
    const found = validateOutput({ shipTo: { postalCod: '10115' }, lines: [{ sku: 'A' }, { sku: 'B', qty: 1 }], extra: true }, { jsonSchema }).map((v) => `${v.code} ${v.path}`);
    expect(found.sort()).toEqual(['MAP_REQUIRED_MISSING shipTo.postalCode', 'MAP_SCHEMA extra', 'MAP_SCHEMA lines[1].qty', 'MAP_SCHEMA shipTo.postalCod'].sort());
  });

  it('is named under unevaluatedProperties too (draft 2020-12)', () => {
    const strict = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { a: { type: 'string' } }, unevaluatedProperties: false };
    expect(validateOutput({ a: 'x', b: 'y' }, { jsonSchema: strict }).map((v) => `${v.code} ${v.path}`)).toEqual(['MAP_SCHEMA b']);
  });
});
