import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { sourceExpression } from '../compiler/source-paths';
import { sourcePathSchema } from '../document/document-schema';
import { readPayload } from '../payload/read-payload';
import type { JsonValue } from '../payload/types';
import { splitPath } from '../transforms/jsonata-text';
import { flatLines } from './flat-lines';
import { loadSchema } from './load-schema';
import type { SourceResolver } from './resolver';

/** Samples reference no other file. */
const noFiles: SourceResolver = { read: (location) => Promise.reject(new Error(`ENOENT ${location}`)) };

const samples = join(import.meta.dirname, '..', '..', 'samples');

/** Every value at `names` in `value`, stepping into every array on the way (as JSONata does). */
function valuesAt(value: JsonValue | undefined, names: readonly string[]): JsonValue[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, names));
  if (names.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt(value[names[0]!], names.slice(1));
}

/** Nested lists as one list, as a JSONata path flattens them. */
function flatten(values: readonly JsonValue[]): JsonValue[] {
  return values.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

/** JSONata's result as a flat list (a single value unwrapped, nothing as none). */
function asList(result: unknown): JsonValue[] {
  if (result === undefined) return [];
  const plain = JSON.parse(JSON.stringify(result)) as JsonValue;
  return Array.isArray(plain) ? flatten(plain) : [plain];
}

describe('infer --flat paths paste into JSONata and into a rule', () => {
  it.each([
    ['payments-csv-to-pain001/source/payments.csv'],
    ['invoice-csv-to-xml/source/invoice-lines.csv'],
    ['web-order-to-erp/source/web-order.json'],
    ['po-xml-to-json/source/purchase-order.xml'],
  ])('every printed path of %s evaluates to the field values of the sample', async (file) => {
    const bytes = readFileSync(join(samples, file));
    const schema = await loadSchema([{ file, bytes }], { resolver: noFiles });
    const payload = readPayload(bytes, { file }).value;
    const lines = flatLines(schema.root);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const path = line.split('\t')[0]!;
      // A rule's source path: valid in the document, and compiled to itself at the document's root.
      expect(sourcePathSchema.safeParse(path).success, path).toBe(true);
      expect(sourceExpression(path, 0), path).toBe(path);
      const expected = flatten(valuesAt(payload, splitPath(path)));
      expect(expected.length, path).toBeGreaterThan(0);
      expect(asList(await jsonata(path).evaluate(payload)), path).toEqual(expected);
    }
  });

  it('prints a CSV column as the bare, quoted name that reads it from every row', async () => {
    const file = 'payments-csv-to-pain001/source/payments.csv';
    const schema = await loadSchema([{ file, bytes: readFileSync(join(samples, file)) }], { resolver: noFiles });
    const paths = flatLines(schema.root).map((line) => line.split('\t')[0]);
    expect(paths).toContain('`Zahlungs-Nr`');
    expect(paths).toContain('Lieferant');
    expect(paths.some((p) => p!.includes('[]'))).toBe(false);
  });
});
