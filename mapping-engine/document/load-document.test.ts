import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import { loadDocument } from './load-document';
import { serializeDocument } from './serialize-document';

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');
const sampleText = readFileSync(SAMPLE, 'utf8');
const minimal = { formatVersion: 1, name: 'm', source: { format: 'json' }, target: { format: 'json' }, rules: [{ target: 'a', sources: ['b'] }] };

function errorOf(text: string): { code: string; message: string; expected?: string; file?: string } {
  try {
    loadDocument(text, 'test.mapwright.json');
  } catch (error) {
    if (isMapwrightError(error)) return error.toJSON();
    throw error;
  }
  throw new Error('no error');
}

const withChange = (change: (doc: Record<string, unknown>) => void): string => {
  const doc = structuredClone(minimal) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc);
};

describe('loadDocument', () => {
  it('loads the crm-to-erp sample with defaults applied', () => {
    const { document, readOnly } = loadDocument(sampleText, SAMPLE);
    expect(readOnly).toBe(false);
    expect(document.rules.map((r) => r.target)).toContain('address.country');
    expect(document.rules[0]!.transforms[0]).toEqual({ kind: 'replace', pattern: '^ACC-', replacement: 'C', regex: true });
    expect(document.rules.find((r) => r.target === 'email')!.required).toBe('omit');
    expect(document.lookups.countries).toEqual({ file: 'lookups/countries.csv', keyColumn: 'code', valueColumn: 'name' });
  });

  it('reports JSON syntax errors with JSON_PARSE', () => {
    expect(errorOf('{"formatVersion": 1,').code).toBe('JSON_PARSE');
  });

  it('reports schema problems with DOC_INVALID and the JSON path', () => {
    expect(errorOf('[]')).toMatchObject({ code: 'DOC_INVALID' });
    expect(errorOf(withChange((d) => delete d.formatVersion))).toMatchObject({ code: 'DOC_INVALID', expected: '/formatVersion' });
    expect(errorOf(withChange((d) => (d.rules = [{ target: 'a', transforms: [{ kind: 'explode' }] }])))).toMatchObject({ code: 'DOC_INVALID', expected: '/rules/0/transforms/0/kind', file: 'test.mapwright.json' });
    expect(errorOf(withChange((d) => (d.rules = [{ target: 'a', sources: ['x'], transforms: [{ kind: 'pad', width: 'wide' }] }])))).toMatchObject({ expected: '/rules/0/transforms/0/width' });
    expect(errorOf(withChange((d) => (d.source = { format: 'json', samples: ['/etc/passwd'] })))).toMatchObject({ expected: '/source/samples/0' });
    expect(errorOf(withChange((d) => (d.rules = [{ target: 'a', sources: ['x'] }, { target: 'a', sources: ['y'] }])))).toMatchObject({ expected: '/rules/1/target' });
    expect(errorOf(withChange((d) => (d.rules = [{ target: 'a', sources: ['x'], transforms: [{ kind: 'lookup', table: 'nope' }] }])))).toMatchObject({ expected: '/rules/0/transforms/0/table' });
    expect(errorOf(withChange((d) => (d.rules = [{ target: 'a', sources: ['x'], required: 'default' }])))).toMatchObject({ expected: '/rules/0/default' });
    expect(errorOf(withChange((d) => (d.tests = [{ name: 't', input: 'in.json' }])))).toMatchObject({ expected: '/tests/0/expected' });
    expect(errorOf(withChange((d) => (d.surprise = true)))).toMatchObject({ code: 'DOC_INVALID' });
  });

  it('opens a newer version read-only, or refuses it when unreadable', () => {
    const newer = loadDocument(withChange((d) => Object.assign(d, { formatVersion: 2, futureThing: { a: 1 } })));
    expect(newer.readOnly).toBe(true);
    expect(newer.notice?.code).toBe('DOC_NEWER_VERSION');
    expect(newer.document.rules[0]!.target).toBe('a');
    expect(errorOf(withChange((d) => Object.assign(d, { formatVersion: 3, rules: 'moved elsewhere' }))).code).toBe('DOC_NEWER_VERSION');
  });

  it('migrates a v0 fixture to v1', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures', 'v0-crm.mapwright.json'), 'utf8');
    const loaded = loadDocument(text);
    expect(loaded.migratedFrom).toBe(0);
    expect(loaded.document.formatVersion).toBe(1);
    expect(loaded.document.rules[0]).toEqual({ target: 'customerNumber', sources: ['accountId'], transforms: [], required: 'error' });
    expect(loaded.document.rules[2]!.sources).toEqual([]);
    expect(loaded.document.lookups).toEqual({ countries: { entries: { DE: 'Germany' } } });
    expect(loaded.document.layout.nodes).toEqual({ customerNumber: { x: 40, y: 80 } });
    expect(serializeDocument(loadDocument(serializeDocument(loaded.document)).document)).toBe(serializeDocument(loaded.document));
  });
});

describe('reserved and over-deep names', () => {
  it.each(['constructor.prototype.x', '__proto__', 'a.prototype', '`__proto__`.b'])('refuses the target %s with DOC_INVALID at its line', (target) => {
    const text = JSON.stringify({ ...minimal, rules: [{ target: 'ok', sources: ['b'] }, { target, sources: ['b'] }] }, null, 2);
    const error = loadErrorOf(text);
    expect([error.code, error.file, error.expected]).toEqual(['DOC_INVALID', 'test.mapwright.json', '/rules/1/target']);
    expect(error.line).toBe(text.split('\n').findIndex((line) => line.includes('"target": "') && !line.includes('"ok"')) + 1);
  });

  it('refuses reserved source paths, array contexts and lookup table names', () => {
    expect(errorOf(withChange((d) => (d.rules = [{ target: 'a', sources: ['../constructor.x'] }])))).toMatchObject({ code: 'DOC_INVALID', expected: '/rules/0/sources/0' });
    expect(errorOf(withChange((d) => (d.arrays = [{ target: 'items', source: '/prototype' }])))).toMatchObject({ code: 'DOC_INVALID', expected: '/arrays/0/source' });
    expect(errorOf(withChange((d) => (d.lookups = { constructor: { entries: {} } })))).toMatchObject({ code: 'DOC_INVALID' });
  });

  it('does not take an inherited member for a lookup table', () => {
    expect(errorOf(withChange((d) => (d.rules = [{ target: 'a', sources: ['x'], transforms: [{ kind: 'lookup', table: 'toString' }] }])))).toMatchObject({ code: 'DOC_INVALID', expected: '/rules/0/transforms/0/table' });
  });

  it('refuses paths of more than MAX_PATH_NAMES names and inline schemas past the depth limit, and reads 100k-deep JSON without overflowing', () => {
    const deepTarget = Array.from({ length: 5000 }, (_, i) => `a${i}`).join('.');
    expect(errorOf(withChange((d) => (d.rules = [{ target: deepTarget, sources: ['x'] }])))).toMatchObject({ code: 'DOC_INVALID', expected: '/rules/0/target' });
    expect(errorOf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).code).toBe('DOC_INVALID');
    const deepSchema = JSON.parse(`${'{"type":"object","properties":{"a":'.repeat(2000)}{"type":"string"}${'}}'.repeat(2000)}`) as unknown;
    expect(errorOf(withChange((d) => (d.target = { format: 'json', schema: { inline: deepSchema } })))).toMatchObject({ code: 'DOC_INVALID', expected: '/target/schema/inline' });
  });
});

function loadErrorOf(text: string): { code: string; file?: string; expected?: string; line?: number } {
  try {
    loadDocument(text, 'test.mapwright.json');
  } catch (error) {
    if (isMapwrightError(error)) return error.toJSON();
    throw error;
  }
  throw new Error('no error');
}

describe('DOC_INVALID positions', () => {
  it('names the line and column of the bad value', () => {
    const text = '{\n  "formatVersion": 1,\n  "name": "m",\n  "source": { "format": "json" },\n  "target": { "format": "yaml" },\n  "rules": [\n    { "target": "a", "sources": ["b"] },\n    { "target": "a", "sources": ["c"], "transforms": [{ "kind": "pad", "width": "x" }] }\n  ]\n}\n';
    expect(errorOf(text)).toMatchObject({ code: 'DOC_INVALID', expected: '/target/format', line: 5, column: 25 });
    const fixed = text.replace('"yaml"', '"xml"');
    expect(errorOf(fixed)).toMatchObject({ expected: '/rules/1/transforms/0/width', line: 8, column: 81 });
  });

  it('points at the object when a member is missing', () => {
    const text = '{ "formatVersion": 1, "name": "m", "source": { "format": "json" } }';
    expect(errorOf(text)).toMatchObject({ expected: '/target', line: 1, column: 1 });
  });
});
