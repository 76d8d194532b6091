import { describe, expect, it } from 'vitest';
import { findField, type SchemaField } from '../model';
import type { SourceResolver } from '../resolver';
import { loadJsonSchema } from './index';

/** An in-memory resolver that records every location read. */
function memory(files: Record<string, unknown> = {}): SourceResolver & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(location: string) {
      reads.push(location);
      const value = files[location];
      if (value === undefined) return Promise.reject(new Error(`ENOENT ${location}`));
      return Promise.resolve(typeof value === 'string' ? value : JSON.stringify(value));
    },
  };
}

async function load(schema: unknown, files: Record<string, unknown> = {}, pointer?: string): Promise<SchemaField> {
  const doc = await loadJsonSchema(JSON.stringify(schema), 'schemas/main.json', memory(files), pointer ? { pointer } : {});
  return doc.root;
}

function at(root: SchemaField, path: string): SchemaField {
  const field = findField(root, path.split('.'));
  if (!field) throw new Error(`no field ${path}`);
  return field;
}

describe('loadJsonSchema: keywords', () => {
  it('maps properties, required, types, formats, enums and hints', async () => {
    const root = await load({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Customer',
      type: 'object',
      required: ['id', 'since'],
      properties: {
        id: { type: 'string', pattern: '^C[0-9]+$', description: 'Customer number' },
        since: { type: 'string', format: 'date' },
        updated: { type: 'string', format: 'date-time' },
        opens: { type: 'string', format: 'time' },
        email: { type: 'string', format: 'email' },
        count: { type: 'integer', format: 'int64' },
        status: { enum: ['ACTIVE', 'INACTIVE'] },
        kind: { const: 'customer' },
        note: { type: ['string', 'null'] },
        score: { type: ['integer', 'number'] },
      },
    });
    expect(root).toMatchObject({ name: '', path: [], type: 'object', required: true, repeating: false, origin: { kind: 'json-schema', file: 'schemas/main.json', ref: '#' } });
    expect(at(root, 'id')).toMatchObject({ type: 'string', required: true, pattern: '^C[0-9]+$', description: 'Customer number', path: ['id'] });
    expect(at(root, 'since')).toMatchObject({ type: 'date', required: true });
    expect(at(root, 'since').format).toBeUndefined();
    expect(at(root, 'updated').type).toBe('datetime');
    expect(at(root, 'opens').type).toBe('time');
    expect(at(root, 'email')).toMatchObject({ type: 'string', format: 'email', required: false });
    expect(at(root, 'count')).toMatchObject({ type: 'integer', format: 'int64' });
    expect(at(root, 'status')).toMatchObject({ type: 'string', enum: ['ACTIVE', 'INACTIVE'] });
    expect(at(root, 'kind')).toMatchObject({ type: 'string', enum: ['customer'] });
    expect(at(root, 'note')).toMatchObject({ type: 'string', nullable: true });
    expect(at(root, 'score').type).toBe('number');
    expect(at(root, 'id').origin).toEqual({ kind: 'json-schema', file: 'schemas/main.json', ref: '#/properties/id' });
  });

  it('merges allOf: properties and required are unioned', async () => {
    const root = await load({
      $defs: { Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
      allOf: [{ $ref: '#/$defs/Base' }, { required: ['name'], properties: { name: { type: 'string' }, id: { description: 'the key' } } }],
    });
    expect(root.children?.map((c) => c.name)).toEqual(['id', 'name']);
    expect(at(root, 'id')).toMatchObject({ type: 'integer', required: true, description: 'the key' });
    expect(at(root, 'name')).toMatchObject({ type: 'string', required: true });
  });

  it('folds anyOf/oneOf: objects become a choice, null makes nullable, mixed scalars become any', async () => {
    const root = await load({
      type: 'object',
      properties: {
        payment: {
          oneOf: [
            { type: 'object', required: ['iban'], properties: { iban: { type: 'string' } } },
            { type: 'object', required: ['card'], properties: { card: { type: 'string' } } },
          ],
        },
        maybe: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
        either: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        ref: { oneOf: [{ $ref: '#/$defs/Addr' }, { type: 'null' }] },
        constrained: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, oneOf: [{ required: ['a'] }, { required: ['b'] }] },
        codes: { anyOf: [{ type: 'string', enum: ['A'] }, { type: 'string', enum: ['B'] }] },
      },
      $defs: { Addr: { type: 'object', properties: { city: { type: 'string' } } } },
    });
    expect(at(root, 'payment')).toMatchObject({ type: 'object', choice: true });
    expect(at(root, 'payment.iban').required).toBe(false);
    expect(at(root, 'payment.card').required).toBe(false);
    expect(at(root, 'maybe')).toMatchObject({ type: 'date', nullable: true });
    expect(at(root, 'either').type).toBe('any');
    expect(at(root, 'ref')).toMatchObject({ type: 'object', nullable: true });
    expect(at(root, 'ref.city').type).toBe('string');
    expect(at(root, 'constrained').type).toBe('object');
    expect(at(root, 'constrained').children?.map((c) => c.name)).toEqual(['a', 'b']);
    expect(at(root, 'codes')).toMatchObject({ type: 'string', enum: ['A', 'B'] });
  });

  it('turns arrays into repeating item fields', async () => {
    const root = await load({
      type: 'object',
      properties: {
        lines: { type: 'array', minItems: 1, description: 'Order lines', items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } },
        tags: { type: 'array', items: { type: 'string' } },
        grid: { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
        pair: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }] },
        loose: { type: 'array' },
      },
    });
    expect(at(root, 'lines')).toMatchObject({ type: 'object', repeating: true, minOccurs: 1, description: 'Order lines', required: false });
    expect(at(root, 'lines.sku')).toMatchObject({ path: ['lines', 'sku'], required: true, repeating: false });
    expect(at(root, 'tags')).toMatchObject({ type: 'string', repeating: true });
    expect(at(root, 'grid')).toMatchObject({ type: 'any', repeating: true });
    expect(at(root, 'pair')).toMatchObject({ type: 'number', repeating: true });
    expect(at(root, 'loose')).toMatchObject({ type: 'any', repeating: true });
  });

  it('gives a repeating root for a root array', async () => {
    const root = await load({ type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } });
    expect(root).toMatchObject({ name: '', path: [], type: 'object', repeating: true });
    expect(at(root, 'a').path).toEqual(['a']);
  });

  it('marks additionalProperties and patternProperties as open, not additionalProperties: false', async () => {
    const root = await load({
      type: 'object',
      additionalProperties: false,
      properties: {
        map: { type: 'object', additionalProperties: { type: 'string' } },
        ext: { type: 'object', properties: { a: { type: 'string' } }, patternProperties: { '^x-': {} } },
        closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      },
    });
    expect(root.open).toBeUndefined();
    expect(at(root, 'map')).toMatchObject({ type: 'object', open: true });
    expect(at(root, 'ext').open).toBe(true);
    expect(at(root, 'closed').open).toBeUndefined();
  });

  it('cuts recursion at the second occurrence of a schema on a path', async () => {
    const root = await load({
      $ref: '#/$defs/node',
      $defs: { node: { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } }, parent: { $ref: '#' } } } },
    });
    expect(at(root, 'label').type).toBe('string');
    expect(at(root, 'children')).toMatchObject({ type: 'object', repeating: true, recursive: true });
    expect(at(root, 'children').children).toBeUndefined();
    expect(at(root, 'parent')).toMatchObject({ type: 'object', recursive: true });
  });

  it('cuts deep nesting at maxDepth', async () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 10; i++) schema = { type: 'object', properties: { n: schema } };
    const doc = await loadJsonSchema(JSON.stringify(schema), 'deep.json', memory(), { maxDepth: 3 });
    expect(at(doc.root, 'n.n.n')).toMatchObject({ type: 'object', recursive: true });
    expect(findField(doc.root, ['n', 'n', 'n', 'n'])).toBeUndefined();
  });

  it('adds then/else and dependentSchemas properties as optional fields', async () => {
    const root = await load({
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      if: { properties: { kind: { const: 'RECORD' } } },
      then: { required: ['fields'], properties: { fields: { type: 'array', items: { type: 'string' } } } },
      dependentSchemas: { kind: { properties: { extra: { type: 'boolean' } } } },
    });
    expect(at(root, 'fields')).toMatchObject({ type: 'string', repeating: true, required: false });
    expect(at(root, 'extra')).toMatchObject({ type: 'boolean', required: false });
  });

  it('treats a $ref to a meta-schema as an open object without reading anything', async () => {
    const resolver = memory();
    const doc = await loadJsonSchema(JSON.stringify({ properties: { schema: { $ref: 'http://json-schema.org/draft-07/schema#' } } }), 'm.json', resolver);
    expect(at(doc.root, 'schema')).toMatchObject({ type: 'object', open: true });
    expect(resolver.reads).toEqual([]);
  });
});

describe('loadJsonSchema: roots and references', () => {
  const defs = {
    definitions: { Address: { type: 'object', properties: { city: { type: 'string' } } }, 'a/b': { type: 'integer' }, 'with space': { type: 'boolean' } },
    type: 'object',
    properties: { home: { $ref: '#/definitions/Address' } },
  };

  it('uses a sub-schema as root by pointer or by definition name', async () => {
    expect((await load(defs, {}, '#/definitions/Address')).children?.map((c) => c.name)).toEqual(['city']);
    expect((await load(defs, {}, 'Address')).children?.map((c) => c.name)).toEqual(['city']);
    expect((await load(defs, {}, '#/definitions/a~1b')).type).toBe('integer');
    expect((await load(defs, {}, '#/definitions/with%20space')).type).toBe('boolean');
  });

  it('reads each referenced file once, relative to the referring file, with file.json#/pointer', async () => {
    const resolver = memory({
      'schemas/common/address.json': { type: 'object', properties: { city: { type: 'string' }, country: { $ref: 'codes.json#/definitions/country' } } },
      'schemas/common/codes.json': { definitions: { country: { type: 'string', enum: ['NL', 'DE'] } } },
    });
    const schema = { properties: { home: { $ref: 'common/address.json' }, work: { $ref: './common/address.json' }, land: { $ref: 'common/codes.json#/definitions/country' } } };
    const doc = await loadJsonSchema(JSON.stringify(schema), 'schemas/main.json', resolver);
    expect(at(doc.root, 'home.city').origin).toEqual({ kind: 'json-schema', file: 'schemas/common/address.json', ref: '#/properties/city' });
    expect(at(doc.root, 'work.country')).toMatchObject({ type: 'string', enum: ['NL', 'DE'] });
    expect(at(doc.root, 'land').origin.ref).toBe('#/definitions/country');
    expect(resolver.reads.sort()).toEqual(['schemas/common/address.json', 'schemas/common/codes.json']);
  });

  it('resolves refs by $id, against the nearest $id base, and by $anchor', async () => {
    const resolver = memory({
      'schemas/thing.json': { $id: 'https://example.com/s/thing.json', type: 'object', properties: { name: { type: 'string' } } },
    });
    const schema = {
      $id: 'https://example.com/s/place.json',
      allOf: [{ $ref: 'thing.json' }],
      properties: {
        again: { $ref: 'https://example.com/s/thing.json' },
        inner: {
          $id: 'https://example.com/other/inner.json',
          type: 'object',
          properties: { x: { $ref: '#/$defs/x' } },
          $defs: { x: { type: 'integer' } },
        },
        tagged: { $ref: '#money' },
      },
      $defs: { money: { $anchor: 'money', type: 'number' }, x: { type: 'string' } },
    };
    const doc = await loadJsonSchema(JSON.stringify(schema), 'schemas/place.json', resolver);
    expect(at(doc.root, 'name').origin.file).toBe('schemas/thing.json');
    expect(at(doc.root, 'again')).toMatchObject({ type: 'object', recursive: true }); // thing.json is already merged into the root
    expect(at(doc.root, 'inner.x').type).toBe('integer'); // '#/$defs/x' inside the embedded resource
    expect(at(doc.root, 'tagged').type).toBe('number');
    expect(resolver.reads).toEqual(['schemas/thing.json']);
  });

  it('honours draft-04 "id"', async () => {
    const resolver = memory({ 'schemas/b.json': { id: 'http://example.com/b.json', type: 'object', properties: { b: { type: 'string' } } } });
    const schema = { $schema: 'http://json-schema.org/draft-04/schema#', id: 'http://example.com/a.json', properties: { link: { $ref: 'b.json' } } };
    const doc = await loadJsonSchema(JSON.stringify(schema), 'schemas/a.json', resolver);
    expect(at(doc.root, 'link.b').type).toBe('string');
  });

  it('finds a root-relative $ref in a parent folder when the file there declares that $id', async () => {
    const resolver = memory({ 'set/common/user.json': { $id: 'common/user.json', properties: { login: { type: 'string' } } } });
    const doc = await loadJsonSchema(JSON.stringify({ $id: 'push', properties: { sender: { $ref: 'common/user.json' } } }), 'set/push/event.json', resolver);
    expect(at(doc.root, 'sender.login').type).toBe('string');
    expect(resolver.reads).toEqual(['set/push/common/user.json', 'set/common/user.json']);
  });

  it('keeps a remote $ref as open content by default', async () => {
    const resolver = memory();
    const doc = await loadJsonSchema(JSON.stringify({ properties: { cfg: { $ref: 'https://example.com/cfg.json' } } }), 'r.json', resolver);
    expect(at(doc.root, 'cfg')).toMatchObject({ type: 'any', open: true, origin: { kind: 'json-schema', file: 'r.json', ref: 'https://example.com/cfg.json' } });
    expect(resolver.reads).toEqual(['cfg.json']); // only an offline copy beside the schema is looked for
  });
});
