import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingFsResolver } from '../../../tests/helpers/test-support';
import { findField, walkFields, type SchemaField } from '../model';
import { isJsonSchemaDocument, loadJsonSchema } from './index';

const corpus = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'corpus', 'jsonschema');

const fsResolver = recordingFsResolver;

async function loadFile(rel: string, pointer?: string, resolver = fsResolver()): Promise<SchemaField> {
  const file = join(corpus, rel);
  const doc = await loadJsonSchema(readFileSync(file), file, resolver, pointer ? { pointer } : {});
  return doc.root;
}

function at(root: SchemaField, path: string): SchemaField {
  const field = findField(root, path.split('.'));
  if (!field) throw new Error(`no field ${path}`);
  return field;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );
}

const schemaFiles = filesUnder(corpus)
  .map((f) => relative(corpus, f))
  .filter((f) => !f.includes('instances/') && !f.startsWith('json-schema-test-suite/'));

describe('JSON Schema corpus', () => {
  it.each(schemaFiles)('%s is recognised and loads', async (rel) => {
    expect(isJsonSchemaDocument(JSON.parse(readFileSync(join(corpus, rel), 'utf8')))).toBe(true);
    const root = await loadFile(rel);
    let count = 0;
    walkFields(root, (field) => {
      count++;
      expect(field.origin.kind).toBe('json-schema');
    });
    expect(count).toBeGreaterThan(rel.endsWith('jsonld.json') ? 0 : 2);
  });

  it('package.json: named fields, open maps, recursion and remote refs kept open', async () => {
    const root = await loadFile('schemastore/package.json');
    expect(at(root, 'name')).toMatchObject({ type: 'string', required: false });
    expect(at(root, 'version').type).toBe('string');
    expect(at(root, 'dependencies')).toMatchObject({ type: 'object', open: true });
    expect(at(root, 'scripts.test').type).toBe('string');
    expect(at(root, 'keywords')).toMatchObject({ type: 'string', repeating: true });
    expect(at(root, 'jspm')).toMatchObject({ recursive: true });
    expect(at(root, 'prettier')).toMatchObject({ type: 'any', open: true, origin: { ref: 'https://www.schemastore.org/prettierrc.json' } });
    expect(at(root, 'eslintConfig').origin.ref).toBe('https://json.schemastore.org/eslintrc.json');
  });

  it('a schema used many times is read once', async () => {
    const resolver = fsResolver();
    await loadFile('schemastore/schema-org-contact-point.json', undefined, resolver);
    const reads = resolver.reads.map((r) => relative(corpus, r));
    expect(reads.sort()).toEqual(['schemastore/jsonld.json', 'schemastore/schema-org-thing.json']);
  });

  it('github push event: refs to common/ resolve against the schema set root', async () => {
    const resolver = fsResolver();
    const root = await loadFile('github-webhooks/push/event.schema.json', undefined, resolver);
    expect(at(root, 'commits')).toMatchObject({ type: 'object', repeating: true, required: true });
    expect(at(root, 'commits.author.email')).toMatchObject({ type: 'string', nullable: true, path: ['commits', 'author', 'email'] });
    expect(at(root, 'commits.timestamp').type).toBe('datetime');
    expect(at(root, 'repository.owner.login')).toMatchObject({ type: 'string', required: true });
    expect(at(root, 'repository.owner.login').origin.file?.endsWith('common/user.schema.json')).toBe(true);
    expect(at(root, 'head_commit')).toMatchObject({ type: 'object', nullable: true });
    expect(at(root, 'head_commit.message').type).toBe('string');
    expect(at(root, 'base_ref')).toMatchObject({ type: 'string', nullable: true, required: true });
    expect(at(root, 'repository.license')).toMatchObject({ type: 'object', nullable: true });
    const reads = resolver.reads.map((r) => relative(corpus, r));
    expect(reads).toContain('github-webhooks/common/commit.schema.json');
    expect(reads.length).toBe(new Set(reads).size); // each location is asked for once
  });

  it('bigquery-table: repeating root, enums, recursive RECORD fields from then', async () => {
    const root = await loadFile('schemastore/bigquery-table.json');
    expect(root).toMatchObject({ type: 'object', repeating: true });
    expect(at(root, 'name').required).toBe(true);
    expect(at(root, 'type').enum).toContain('RECORD');
    expect(at(root, 'fields')).toMatchObject({ type: 'object', repeating: true, recursive: true, required: false });
  });

  it('feed-1 (draft-04): items, authors and attachments through definitions', async () => {
    const root = await loadFile('schemastore/feed-1.json');
    expect(at(root, 'items')).toMatchObject({ repeating: true, required: true });
    expect(at(root, 'items.date_published').type).toBe('datetime');
    expect(at(root, 'items.attachments.url')).toMatchObject({ type: 'string', format: 'uri', required: true });
    expect(at(root, 'items.attachments').repeating).toBe(true);
  });

  it('schema.org Place: cross-file $ref through $id to Thing and jsonld', async () => {
    const root = await loadFile('schemastore/schema-org-place.json');
    expect(at(root, 'telephone').type).toBe('string');
    expect(at(root, 'name').origin.file?.endsWith('schema-org-thing.json')).toBe(true);
    expect(at(root, 'context').origin.file?.endsWith('jsonld.json')).toBe(true);
    expect(at(root, 'containsPlace').recursive).toBe(true);
  });

  it('a pointer option picks a definition as root', async () => {
    const root = await loadFile('schemastore/package.json', '#/definitions/person');
    expect(root.type).toBe('any'); // person is "object or string"
    const address = await loadFile('schemastore/feed-1.json', '#/definitions/author');
    expect(address.children?.map((c) => c.name)).toEqual(['avatar', 'name', 'url']);
  });
});

describe('JSON Schema Test Suite files (arrays of {schema, tests})', () => {
  const suite = filesUnder(join(corpus, 'json-schema-test-suite')).map((f) => relative(corpus, f));
  /** Untyped schemas: the model type follows from the format, or from numeric keywords (`maximum`). */
  const expectedType: Record<string, string> = { 'format/date.json': 'date', 'format/date-time.json': 'datetime', 'format/time.json': 'time' };
  const untyped: Record<string, string> = { 'bignum.json': 'number' };

  it.each(suite)('%s: every embedded schema loads through a pointer', async (rel) => {
    const cases = JSON.parse(readFileSync(join(corpus, rel), 'utf8')) as Array<{ schema: { type?: string; format?: string } }>;
    expect(cases.length).toBeGreaterThan(0);
    for (let i = 0; i < cases.length; i++) {
      const root = await loadFile(rel, `#/${i}/schema`);
      const declared = cases[i]?.schema;
      const name = rel.replace('json-schema-test-suite/', '');
      const want = expectedType[name] ?? declared?.type ?? untyped[name] ?? 'string';
      expect(root.type).toBe(want);
      if (declared?.format && !expectedType[name]) expect(root.format).toBe(declared.format);
    }
  });
});

/** Keys of `value` that the schema does not know, where the schema is closed; counts known keys in `seen`. */
function unknownKeys(value: unknown, field: SchemaField, seen: { known: number }, where: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownKeys(item, field, seen, `${where}[${i}]`));
  if (typeof value !== 'object' || value === null || field.type !== 'object' || field.recursive) return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const child = field.children?.find((c) => c.name === key);
    if (!child) return field.open ? [] : [`${where}.${key}`];
    seen.known++;
    return unknownKeys(member, child, seen, `${where}.${key}`);
  });
}

describe('schemastore instances match their schemas', () => {
  const instances = filesUnder(join(corpus, 'schemastore', 'instances')).map((f) => relative(corpus, f));

  it.each(instances)('%s', async (rel) => {
    const schemaName = rel.split('/')[2] ?? '';
    const root = await loadFile(`schemastore/${schemaName}.json`);
    const instance = JSON.parse(readFileSync(join(corpus, rel), 'utf8')) as unknown;
    const seen = { known: 0 };
    expect(unknownKeys(instance, root, seen, '$')).toEqual([]);
    expect(seen.known).toBeGreaterThan(2);
  });
});
