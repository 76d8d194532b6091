import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './load-document';
import { serializeDocument } from './serialize-document';
import type { MappingDocumentInput } from './document-schema';

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');

/** The same object with every key order reversed, recursively. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  return value;
}

describe('serializeDocument', () => {
  const { document } = loadDocument(readFileSync(SAMPLE, 'utf8'));

  it('writes 2-space JSON with a trailing newline and schema key order', () => {
    const text = serializeDocument(document);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "formatVersion": 1,');
    expect(Object.keys(JSON.parse(text))).toEqual(['formatVersion', 'name', 'description', 'source', 'target', 'lookups', 'recordKey', 'arrays', 'rules', 'tests', 'layout']);
  });

  it('is independent of the key order the document was built in', () => {
    expect(serializeDocument(reversedKeys(document) as MappingDocumentInput)).toBe(serializeDocument(document));
  });

  it('round-trips through loadDocument unchanged', () => {
    const text = serializeDocument(document);
    expect(serializeDocument(loadDocument(text).document)).toBe(text);
  });

  it('keeps layout apart: moving a node changes only the layout block', () => {
    const moved = { ...document, layout: { nodes: { customerNumber: { x: 1, y: 2 }, address: { x: 3, y: 4 } } } };
    const a = JSON.parse(serializeDocument(document));
    const b = JSON.parse(serializeDocument(moved));
    expect({ ...b, layout: undefined }).toEqual({ ...a, layout: undefined });
    expect(Object.keys(b.layout.nodes)).toEqual(['address', 'customerNumber']);
  });

  it('stores the masking policy with field overrides sorted, and rejects unknown categories', () => {
    const withPolicy = { ...document, masking: { keepCategories: ['city' as const], fields: { 'z.note': 'always' as const, 'a.email': 'never' as const } } };
    const text = serializeDocument(withPolicy);
    const back = loadDocument(text).document;
    expect(Object.keys(back.masking!.fields!)).toEqual(['a.email', 'z.note']);
    expect(back.masking!.keepCategories).toEqual(['city']);
    expect(() => loadDocument(text.replace('"city"', '"favouriteColour"'))).toThrow(expect.objectContaining({ code: 'DOC_INVALID' }));
  });
});
