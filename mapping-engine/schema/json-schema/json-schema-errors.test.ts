import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../../errors';
import type { SourceResolver } from '../resolver';
import { loadJsonSchema, type JsonSchemaLoadOptions } from './index';

function memory(files: Record<string, string> = {}): SourceResolver & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(location: string) {
      reads.push(location);
      const text = files[location];
      return text === undefined ? Promise.reject(new Error(`ENOENT ${location}`)) : Promise.resolve(text);
    },
  };
}

async function failure(text: string, options: JsonSchemaLoadOptions = {}, files: Record<string, string> = {}): Promise<MapwrightError> {
  try {
    await loadJsonSchema(text, 'dir/main.json', memory(files), options);
  } catch (error) {
    if (error instanceof MapwrightError) return error;
    throw error;
  }
  throw new Error('expected the load to fail');
}

describe('loadJsonSchema errors', () => {
  it('JSON_PARSE with line and column for broken JSON', async () => {
    const error = await failure('{\n  "type": "object",\n  "properties": { "a": { "type": "string" }, }\n}');
    expect(error).toMatchObject({ code: 'JSON_PARSE', file: 'dir/main.json', line: 3, column: 46 });
  });

  it('JSON_PARSE naming the referenced file when that file is broken', async () => {
    const error = await failure('{"properties": {"a": {"$ref": "other.json"}}}', {}, { 'dir/other.json': '{\n  "type": \n}' });
    expect(error).toMatchObject({ code: 'JSON_PARSE', file: 'dir/other.json', line: 3, column: 1 });
  });

  it('SCHEMA_REF naming the file, the ref and its line for a missing file', async () => {
    const error = await failure('{\n  "properties": {\n    "a": { "$ref": "missing.json" }\n  }\n}');
    expect(error).toMatchObject({ code: 'SCHEMA_REF', file: 'dir/main.json', line: 3, column: 12 });
    expect(error.message).toContain('missing.json');
  });

  it('SCHEMA_REF for a pointer that leads nowhere, also with escapes', async () => {
    const error = await failure('{"properties": {"a": {"$ref": "#/definitions/nope"}}, "definitions": {}}');
    expect(error).toMatchObject({ code: 'SCHEMA_REF', file: 'dir/main.json', line: 1 });
    expect(error.message).toContain('#/definitions/nope');
    const escaped = await failure('{"properties": {"a": {"$ref": "#/definitions/a~1c"}}, "definitions": {"a~c": {}}}');
    expect(escaped.code).toBe('SCHEMA_REF');
  });

  it('SCHEMA_REF for a pointer into another file that does not exist there', async () => {
    const error = await failure('{"properties": {"a": {"$ref": "other.json#/definitions/x"}}}', {}, { 'dir/other.json': '{"definitions": {}}' });
    expect(error).toMatchObject({ code: 'SCHEMA_REF', file: 'dir/main.json' });
  });

  it('SCHEMA_REF for an undeclared anchor', async () => {
    expect((await failure('{"properties": {"a": {"$ref": "#nowhere"}}}')).code).toBe('SCHEMA_REF');
  });

  it('SCHEMA_REF for a remote ref when remoteRefs is "error", without fetching', async () => {
    const resolver = memory();
    const schema = '{"properties": {"a": {"$ref": "https://example.com/a.json"}}}';
    const error = await loadJsonSchema(schema, 'dir/main.json', resolver, { remoteRefs: 'error' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SCHEMA_REF', file: 'dir/main.json' });
    expect(resolver.reads.every((location) => !location.startsWith('http'))).toBe(true);
  });

  it('SCHEMA_ROOT for a pointer option that names nothing, listing the definitions', async () => {
    const schema = '{"definitions": {"Address": {"type": "object"}, "Person": {"type": "object"}}}';
    const error = await failure(schema, { pointer: '#/definitions/Nope' });
    expect(error).toMatchObject({ code: 'SCHEMA_ROOT', file: 'dir/main.json' });
    expect(error.expected).toContain('#/definitions/Address');
    expect((await failure(schema, { pointer: 'Nope' })).code).toBe('SCHEMA_ROOT');
    expect((await failure(schema, { pointer: '#/definitions/Address/type' })).code).toBe('SCHEMA_ROOT');
  });

  it('SCHEMA_INVALID for a document whose top level is not a schema', async () => {
    expect(await failure('[1, 2]')).toMatchObject({ code: 'SCHEMA_INVALID', line: 1, column: 1 });
  });

  it('LIMIT_EXCEEDED instead of a stack overflow on absurdly nested allOf', async () => {
    const text = `${'{"allOf": ['.repeat(5000)}{"type": "string"}${']}'.repeat(5000)}`;
    expect((await failure(text)).code).toBe('LIMIT_EXCEEDED');
    const anyOf = `${'{"anyOf": [{"type": "null"}, '.repeat(5000)}{"type": "string"}${']}'.repeat(5000)}`;
    expect((await failure(anyOf)).code).toBe('LIMIT_EXCEEDED');
  });

  it('LIMIT_EXCEEDED instead of exhausting memory on an exponential schema', async () => {
    const defs: Record<string, unknown> = { d18: { type: 'string' } };
    for (let i = 0; i < 18; i++) defs[`d${i}`] = { type: 'object', properties: { a: { $ref: `#/$defs/d${i + 1}` }, b: { $ref: `#/$defs/d${i + 1}` } } };
    const error = await failure(JSON.stringify({ $ref: '#/$defs/d0', $defs: defs }));
    expect(error.code).toBe('LIMIT_EXCEEDED');
  });
});
