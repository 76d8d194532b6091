import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingFsResolver } from '../../../tests/helpers/test-support';
import { MapwrightError } from '../../errors';
import { findField, walkFields, type SchemaField } from '../model';
import type { SourceResolver } from '../resolver';
import { parseSchemaText } from '../json-schema/structured-text';
import { isOpenApiDocument, listOpenApiRoots, loadOpenApi } from './index';

const corpus = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'corpus', 'openapi');

const fsResolver = recordingFsResolver;

async function load(rel: string, root?: string, resolver = fsResolver()): Promise<SchemaField> {
  const file = join(corpus, rel);
  const doc = await loadOpenApi(readFileSync(file), file, resolver, root ? { root } : {});
  walkFields(doc.root, (field) => expect(field.origin.kind).toBe('openapi'));
  return doc.root;
}

async function roots(rel: string, resolver?: SourceResolver): Promise<string[]> {
  const file = join(corpus, rel);
  return listOpenApiRoots(readFileSync(file), file, resolver);
}

function at(root: SchemaField, path: string): SchemaField {
  const field = findField(root, path.split('.'));
  if (!field) throw new Error(`no field ${path}`);
  return field;
}

const documents = [
  'swagger-petstore/openapi.yaml',
  'oai-examples/v2.0/json/petstore-separate/spec/swagger.json',
  'oai-examples/v3.0/uspto.json',
  'oai-examples/v3.0/api-with-examples.json',
  'oai-examples/v3.0/link-example.json',
  'oai-examples/v3.0/petstore-expanded.yaml',
  'oai-examples/v3.0/petstore-expanded.json',
  'oai-examples/v3.1/tictactoe.json',
  'oai-examples/v3.1/webhook-example.json',
];

describe('OpenAPI corpus', () => {
  it.each(documents)('%s: every listed root loads', async (rel) => {
    const file = join(corpus, rel);
    expect(isOpenApiDocument(parseSchemaText(readFileSync(file, 'utf8'), file))).toBe(true);
    const names = await roots(rel, fsResolver());
    for (const name of names) {
      const root = await load(rel, name);
      expect(root.path).toEqual([]);
    }
    if (names.length === 0) {
      const error = await load(rel).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MapwrightError);
      expect((error as MapwrightError).code).toBe('SCHEMA_ROOT');
    }
  });

  it('petstore-expanded: Pet = allOf(NewPet, {id})', async () => {
    for (const rel of ['oai-examples/v3.0/petstore-expanded.yaml', 'oai-examples/v3.0/petstore-expanded.json']) {
      const pet = await load(rel, 'Pet');
      expect(pet.children?.map((c) => c.name)).toEqual(['name', 'tag', 'id']);
      expect(at(pet, 'name')).toMatchObject({ type: 'string', required: true });
      expect(at(pet, 'tag')).toMatchObject({ type: 'string', required: false });
      expect(at(pet, 'id')).toMatchObject({ type: 'integer', required: true, format: 'int64' });
      const request = await load(rel, 'POST /pets request');
      expect(request.children?.map((c) => c.name)).toEqual(['name', 'tag']);
      const list = await load(rel, 'GET /pets response 200');
      expect(list).toMatchObject({ repeating: true, type: 'object' });
      expect(at(list, 'id').required).toBe(true);
    }
    expect(await roots('oai-examples/v3.0/petstore-expanded.yaml')).toEqual([
      'Pet',
      'NewPet',
      'Error',
      'GET /pets response 200',
      'GET /pets response default',
      'POST /pets request',
      'POST /pets response 200',
      'POST /pets response default',
      'GET /pets/{id} response 200',
      'GET /pets/{id} response default',
      'DELETE /pets/{id} response default',
    ]);
  });

  it('swagger-petstore openapi.yaml: components from YAML, first JSON body of an operation', async () => {
    const names = await roots('swagger-petstore/openapi.yaml');
    expect(names.slice(0, 6)).toEqual(['Order', 'Category', 'User', 'Tag', 'Pet', 'ApiResponse']);
    expect(names).toContain('POST /store/order request');
    const pet = await load('swagger-petstore/openapi.yaml', 'Pet');
    expect(at(pet, 'name').required).toBe(true);
    expect(at(pet, 'photoUrls')).toMatchObject({ type: 'string', repeating: true, required: true });
    expect(at(pet, 'tags.name').type).toBe('string');
    expect(at(pet, 'status').enum).toEqual(['available', 'pending', 'sold']);
    const order = await load('swagger-petstore/openapi.yaml', 'Order');
    expect(at(order, 'shipDate').type).toBe('datetime');
    const inventory = await load('swagger-petstore/openapi.yaml', 'GET /store/inventory response 200');
    expect(inventory).toMatchObject({ type: 'object', open: true });
  });

  it('tictactoe (3.1): the board is an array of arrays', async () => {
    const status = await load('oai-examples/v3.1/tictactoe.json', 'status');
    expect(at(status, 'board')).toMatchObject({ type: 'any', repeating: true });
    expect(at(status, 'winner').enum).toContain('X');
    const mark = await load('oai-examples/v3.1/tictactoe.json', 'PUT /board/{row}/{column} request');
    expect(mark).toMatchObject({ type: 'string', enum: ['.', 'X', 'O'] });
  });

  it('webhook-example (3.1): webhooks are roots, the only component is the default', async () => {
    expect(await roots('oai-examples/v3.1/webhook-example.json')).toEqual(['Pet', 'POST newPet request']);
    const pet = await load('oai-examples/v3.1/webhook-example.json');
    expect(pet.children?.map((c) => `${c.name}:${c.type}:${c.required}`)).toEqual(['id:integer:true', 'name:string:true', 'tag:string:false']);
  });

  it('uspto: form body and open objects', async () => {
    const form = await load('oai-examples/v3.0/uspto.json', 'POST /{dataset}/{version}/records request');
    expect(at(form, 'criteria')).toMatchObject({ type: 'string', required: true });
    const records = await load('oai-examples/v3.0/uspto.json', 'POST /{dataset}/{version}/records response 200');
    expect(records).toMatchObject({ repeating: true, type: 'object', open: true });
    const list = await load('oai-examples/v3.0/uspto.json');
    expect(at(list, 'apis.apiKey').type).toBe('string');
  });

  it('Swagger 2.0 split across files: sibling files, ../common/ and file.json#/pointer', async () => {
    const rel = 'oai-examples/v2.0/json/petstore-separate/spec/swagger.json';
    const resolver = fsResolver();
    const request = await load(rel, 'POST /pets request', resolver);
    expect(request.children?.map((c) => c.name)).toEqual(['id', 'name', 'tag', 'description']);
    expect(at(request, 'description')).toMatchObject({ type: 'integer', format: 'int64' });
    expect(at(request, 'name').origin.file?.endsWith('spec/Pet.json')).toBe(true);
    const reads = resolver.reads.map((r) => relative(corpus, r));
    expect(reads.length).toBe(new Set(reads).size); // one load reads each file once
    expect(reads).toContain('oai-examples/v2.0/json/petstore-separate/spec/parameters.json');
    const error = await load(rel, 'GET /pets response default');
    expect(at(error, 'code')).toMatchObject({ type: 'integer', required: true });
    expect(at(error, 'code').origin.file?.endsWith('common/Error.json')).toBe(true);
    const list = await load(rel, 'GET /pets response 200');
    expect(list).toMatchObject({ repeating: true, type: 'object' });
    const withFiles = await roots(rel, fsResolver());
    expect(withFiles).toContain('POST /pets request');
    expect(withFiles).toContain('DELETE /pets/{id} response default');
    expect(await roots(rel)).toEqual(withFiles); // listing without a resolver skips only bodies behind other files
  });
});
