import { describe, expect, it } from 'vitest';
import { compileJsonSchema } from './validate-json-schema';

describe('compileJsonSchema', () => {
  it('compiles a schema once even when it arrives as a new copy (as the target does for every studio run)', () => {
    const schema = { type: 'object', properties: { id: { type: 'integer' } } };
    const first = compileJsonSchema(schema);
    expect(compileJsonSchema(structuredClone(schema))).toBe(first);
    expect(compileJsonSchema({ ...schema, required: ['id'] })).not.toBe(first);
    expect(first({ id: 'x' })).toBe(false);
  });
});
