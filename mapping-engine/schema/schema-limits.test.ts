/**
 * Issue 11: hostile schema files end with a coded error naming the file
 * (LIMIT_EXCEEDED, SCHEMA_ROOT, YAML_PARSE), never INTERNAL or a hang.
 */
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { MAX_FIELDS } from './json-schema/build-context';
import { loadSchema, MAX_OVERVIEW_ROOTS } from './load-schema';
import type { SourceResolver } from './resolver';

const noFiles: SourceResolver = { read: (location) => Promise.reject(new Error(`ENOENT ${location}`)) };

/** How loading `text` ends: `ok`, or the coded error's code, file and line (anything else fails the test). */
async function failure(file: string, text: string): Promise<{ code: string; file?: string; line?: number }> {
  try {
    await loadSchema([{ file, bytes: text }], { resolver: noFiles });
    return { code: 'ok' };
  } catch (error) {
    if (isMapwrightError(error)) return { code: error.code, ...(error.file ? { file: error.file } : {}), ...(error.line ? { line: error.line } : {}) };
    throw error;
  }
}

/** `depth` definitions, each two branches referring to the next: 2^depth fields when expanded. */
function exponential(keyword: string, depth: number, prefix: string): Record<string, unknown> {
  return Object.fromEntries(
    Array.from({ length: depth }, (_, i) => [
      `d${i}`,
      i === depth - 1 ? { type: 'string' } : { [keyword]: [{ $ref: `${prefix}d${i + 1}` }, { type: 'object', properties: { [`p${i}`]: { $ref: `${prefix}d${i + 1}` } } }] },
    ]),
  );
}

describe('schema limits', () => {
  it(`bounds exponential schemas: a oneOf chain loads cut at depth, a $ref graph stops at ${MAX_FIELDS} fields`, async () => {
    const oneOf = { $schema: 'http://json-schema.org/draft-07/schema#', $ref: '#/definitions/d0', definitions: exponential('oneOf', 40, '#/definitions/') };
    expect(await failure('one-of.schema.json', JSON.stringify(oneOf))).toEqual({ code: 'ok' });
    const definitions = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`n${i}`, i === 39 ? { type: 'string' } : { type: 'object', properties: { l: { $ref: `#/definitions/n${i + 1}` }, r: { $ref: `#/definitions/n${i + 1}` } } }]),
    );
    const graph = { $schema: 'http://json-schema.org/draft-07/schema#', $ref: '#/definitions/n0', definitions };
    expect(await failure('graph.schema.json', JSON.stringify(graph))).toEqual({ code: 'LIMIT_EXCEEDED', file: 'graph.schema.json' });
  });

  it(`asks for --root when an OpenAPI file has more than ${MAX_OVERVIEW_ROOTS} roots (50k schemas)`, async () => {
    const schemas = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`S${i}`, { type: 'object', properties: { v: { type: 'string' } } }]));
    const text = JSON.stringify({ openapi: '3.1.0', info: { title: 'wide', version: '1' }, paths: {}, components: { schemas } });
    expect(await failure('wide.json', text)).toEqual({ code: 'SCHEMA_ROOT', file: 'wide.json' });
  });

  it('loads an OpenAPI schema 10k objects deep (cut at depth) and reports an XSD type chain 20k long as LIMIT_EXCEEDED', async () => {
    const deep = `${'{"type":"object","properties":{"a":'.repeat(10_000)}{"type":"string"}${'}}'.repeat(10_000)}`;
    const openapi = `{"openapi":"3.0.3","info":{"title":"d","version":"1"},"paths":{},"components":{"schemas":{"Deep":${deep}}}}`;
    expect(await failure('deep.json', openapi)).toEqual({ code: 'ok' });
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      i === 19_999 ? `<xs:complexType name="T${i}"/>` : `<xs:complexType name="T${i}"><xs:complexContent><xs:extension base="T${i + 1}"/></xs:complexContent></xs:complexType>`,
    ).join('');
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r" type="T0"/>${chain}</xs:schema>`;
    expect(await failure('chain.xsd', xsd)).toEqual({ code: 'LIMIT_EXCEEDED', file: 'chain.xsd' });
  });

  it('reports YAML syntax errors met while detecting the kind as YAML_PARSE with a line', async () => {
    expect(await failure('api.yaml', 'openapi: 3.0.3\ninfo:\n  title: x\n version: 1\n')).toEqual({ code: 'YAML_PARSE', file: 'api.yaml', line: 4 });
  });
});
