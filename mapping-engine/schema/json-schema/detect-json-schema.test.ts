import { describe, expect, it } from 'vitest';
import { isJsonSchemaDocument } from './detect-json-schema';

describe('isJsonSchemaDocument', () => {
  it('accepts documents with $schema or schema keywords at the top', () => {
    expect(isJsonSchemaDocument({ $schema: 'http://json-schema.org/draft-07/schema#' })).toBe(true);
    expect(isJsonSchemaDocument({ type: 'object' })).toBe(true);
    expect(isJsonSchemaDocument({ type: ['array', 'null'] })).toBe(true);
    expect(isJsonSchemaDocument({ properties: { a: { type: 'string' } } })).toBe(true);
    expect(isJsonSchemaDocument({ $defs: { a: true } })).toBe(true);
    expect(isJsonSchemaDocument({ definitions: { a: {} } })).toBe(true);
  });

  it('rejects payloads that merely look similar', () => {
    expect(isJsonSchemaDocument({ type: 'order', id: 7 })).toBe(false);
    expect(isJsonSchemaDocument({ properties: { color: 'red' } })).toBe(false);
    expect(isJsonSchemaDocument({ definitions: {} })).toBe(false);
    expect(isJsonSchemaDocument([{ type: 'object' }])).toBe(false);
    expect(isJsonSchemaDocument('{"type":"object"}')).toBe(false);
    expect(isJsonSchemaDocument(null)).toBe(false);
  });

  it('leaves OpenAPI documents to the OpenAPI loader', () => {
    expect(isJsonSchemaDocument({ openapi: '3.1.0', components: {}, $schema: 'x' })).toBe(false);
    expect(isJsonSchemaDocument({ swagger: '2.0', definitions: { a: {} } })).toBe(false);
  });
});
