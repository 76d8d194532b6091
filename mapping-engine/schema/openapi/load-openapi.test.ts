import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../../errors';
import { findField, type SchemaField } from '../model';
import type { SourceResolver } from '../resolver';
import { isOpenApiDocument, listOpenApiRoots, loadOpenApi, openApiVersion } from './index';

const noFiles: SourceResolver = { read: (location) => Promise.reject(new Error(`ENOENT ${location}`)) };

function at(root: SchemaField, path: string): SchemaField {
  const field = findField(root, path.split('.'));
  if (!field) throw new Error(`no field ${path}`);
  return field;
}

async function failure(run: Promise<unknown>): Promise<MapwrightError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof MapwrightError) return error;
    throw error;
  }
  throw new Error('expected a MapwrightError');
}

const api30 = `openapi: 3.0.3
info: { title: Orders, version: '1' }
paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/xml:
              schema: { type: string }
            application/vnd.api+json:
              schema: { $ref: '#/components/schemas/Order' }
    patch:
      requestBody:
        $ref: '#/components/requestBodies/OrderPatch'
      responses:
        '204': { description: no content }
components:
  requestBodies:
    OrderPatch:
      content:
        application/json:
          schema:
            type: object
            properties:
              note: { type: string, nullable: true }
  schemas:
    Order:
      type: object
      required: [id]
      properties:
        id: { type: string, format: uuid }
        placed: { type: string, format: date-time, nullable: true }
        lines:
          type: array
          items: { $ref: '#/components/schemas/Line' }
    Line:
      type: object
      properties:
        qty: { type: integer, format: int32 }
`;

describe('loadOpenApi', () => {
  it('recognises OpenAPI 2.0, 3.0 and 3.1 by their version field', () => {
    expect(openApiVersion({ openapi: '3.0.3' })).toBe('3.0');
    expect(openApiVersion({ openapi: '3.1.0' })).toBe('3.1');
    expect(openApiVersion({ swagger: '2.0' })).toBe('2.0');
    expect(isOpenApiDocument({ openapi: '2.5' })).toBe(false);
    expect(isOpenApiDocument({ type: 'object' })).toBe(false);
  });

  it('lists component names first, then operation bodies', async () => {
    expect(await listOpenApiRoots(api30, 'orders.yaml')).toEqual(['Order', 'Line', 'GET /orders/{id} response 200', 'PATCH /orders/{id} request']);
  });

  it('loads a component with 3.0 nullable and formats, origin kind openapi', async () => {
    const doc = await loadOpenApi(api30, 'orders.yaml', noFiles, { root: 'Order' });
    expect(doc.title).toBe('Order');
    expect(doc.root.origin).toEqual({ kind: 'openapi', file: 'orders.yaml', ref: '#/components/schemas/Order' });
    expect(at(doc.root, 'id')).toMatchObject({ type: 'string', format: 'uuid', required: true });
    expect(at(doc.root, 'placed')).toMatchObject({ type: 'datetime', nullable: true });
    expect(at(doc.root, 'lines.qty')).toMatchObject({ type: 'integer', format: 'int32', path: ['lines', 'qty'] });
    expect(at(doc.root, 'lines').repeating).toBe(true);
  });

  it('picks the first JSON-like media type of a body, and follows requestBodies refs', async () => {
    const response = await loadOpenApi(api30, 'orders.yaml', noFiles, { root: 'GET /orders/{id} response 200' });
    expect(response.root.children?.map((c) => c.name)).toEqual(['id', 'placed', 'lines']);
    const request = await loadOpenApi(api30, 'orders.yaml', noFiles, { root: 'patch /orders/{id} request' });
    expect(at(request.root, 'note')).toMatchObject({ type: 'string', nullable: true });
  });

  it('accepts a JSON pointer as root', async () => {
    const doc = await loadOpenApi(api30, 'orders.yaml', noFiles, { root: '#/components/schemas/Line' });
    expect(doc.root.children?.map((c) => c.name)).toEqual(['qty']);
  });

  it('reads 3.1 type arrays as nullable', async () => {
    const api31 = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      components: { schemas: { Only: { type: 'object', properties: { tag: { type: ['string', 'null'] } } } } },
    });
    const doc = await loadOpenApi(api31, 'a.json', noFiles);
    expect(doc.title).toBe('Only'); // the only component is the default root
    expect(at(doc.root, 'tag')).toMatchObject({ type: 'string', nullable: true });
  });

  it('SCHEMA_ROOT listing the roots when none or an unknown one is given', async () => {
    const none = await failure(loadOpenApi(api30, 'orders.yaml', noFiles));
    expect(none).toMatchObject({ code: 'SCHEMA_ROOT', file: 'orders.yaml' });
    expect(none.expected).toContain('Order, Line, GET /orders/{id} response 200');
    const unknown = await failure(loadOpenApi(api30, 'orders.yaml', noFiles, { root: 'Customer' }));
    expect(unknown.code).toBe('SCHEMA_ROOT');
    expect(unknown.expected).toContain('PATCH /orders/{id} request');
  });

  it('YAML_PARSE with line and column', async () => {
    const error = await failure(loadOpenApi('openapi: 3.0.0\ninfo:\n  title: x\n version: 1\n', 'bad.yaml', noFiles));
    expect(error).toMatchObject({ code: 'YAML_PARSE', file: 'bad.yaml', line: 4, column: 1 });
  });

  it('JSON_PARSE with line and column for a JSON document', async () => {
    const error = await failure(listOpenApiRoots('{\n  "openapi": "3.0.0",\n  "paths": {\n}', 'bad.json'));
    expect(error).toMatchObject({ code: 'JSON_PARSE', file: 'bad.json', line: 4 });
  });

  it('OPENAPI_INVALID for a document without a supported version', async () => {
    expect(await failure(loadOpenApi('{"openapi": "4.0", "paths": {}}', 'x.json', noFiles))).toMatchObject({ code: 'OPENAPI_INVALID', file: 'x.json' });
    expect((await failure(listOpenApiRoots('title: not an api', 'x.yaml'))).code).toBe('OPENAPI_INVALID');
  });

  it('SCHEMA_REF for a component that refers to a missing schema', async () => {
    const api = JSON.stringify({ openapi: '3.0.0', info: {}, paths: {}, components: { schemas: { A: { properties: { b: { $ref: '#/components/schemas/B' } } } } } });
    expect(await failure(loadOpenApi(api, 'x.json', noFiles, { root: 'A' }))).toMatchObject({ code: 'SCHEMA_REF', file: 'x.json' });
  });
});
