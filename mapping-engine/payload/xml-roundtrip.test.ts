/** Every well-formed XML file of the corpus reads, and survives readXml -> writeXml(meta) -> readXml unchanged. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXml } from './xml-read';
import { writeXml } from './xml-write';

const corpus = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'corpus', 'xml');

/** Malformed on purpose (tests/fixtures/corpus/SOURCES.md); xml-read-errors.test.ts checks their errors. */
const MALFORMED = new Set(['fast-xml-parser/mixed.xml', 'fast-xml-parser/complex.xml', 'spark-xml/fias_house.xml']);

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return xmlFiles(full);
    return /\.(xml|xsd|wsdl)$/.test(name) ? [relative(corpus, full)] : [];
  });
}

const files = xmlFiles(corpus).filter((file) => !MALFORMED.has(file));

describe('XML corpus round trip', () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files).toContain('ubl-2.1/UBL-Invoice-2.0-Example-NS4.xml');
  });

  it.each(files)('%s', (file) => {
    const first = readXml(readFileSync(join(corpus, file)), { file });
    expect(first.meta?.rootName).toBe(Object.keys(first.value as object)[0]);
    const written = writeXml(first.value, { meta: first.meta });
    const second = readXml(written, { file: `${file} (written)` });
    expect(second.value).toEqual(first.value);
    expect(second.meta?.elementNamespaces).toEqual(first.meta?.elementNamespaces);
    expect(second.meta?.schemaLocation).toBe(first.meta?.schemaLocation);
    // Compact output reads the same too: layout white space is never data.
    expect(readXml(writeXml(first.value, { meta: first.meta, indent: '', declaration: false })).value).toEqual(first.value);
  });
});
