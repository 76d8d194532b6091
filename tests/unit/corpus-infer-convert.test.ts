/**
 * The foundation's promise over real public files (tests/fixtures/corpus, see
 * its SOURCES.md): every well-formed file infers (sample inference or schema
 * loading) and converts to JSON without error; every malformed one gives its
 * coded error at the right line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMapwrightError, type ErrorCode } from '../../mapping-engine/errors';
import { createFsResolver } from '../../mapping-engine/node/fs-resolver';
import { writeJson } from '../../mapping-engine/payload/json-write';
import { readPayload } from '../../mapping-engine/payload/read-payload';
import { loadSchema } from '../../mapping-engine/schema/load-schema';

const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** Malformed on purpose (SOURCES.md): the code and line each must report, for reading and for inference. */
const MALFORMED: Record<string, { code: ErrorCode; line: number }> = {
  // Unbound `ns:` prefix on the root element (line 11) comes before the valueless attribute (line 12).
  'xml/fast-xml-parser/mixed.xml': { code: 'XML_PARSE', line: 11 },
  'xml/fast-xml-parser/complex.xml': { code: 'XML_PARSE', line: 33 },
  'xml/spark-xml/fias_house.xml': { code: 'XML_PARSE', line: 1 },
  'csv/duckdb/structure/unescaped_quote_semicolon.csv': { code: 'CSV_PARSE', line: 1 },
  'csv/spark-csv/ages-malformed.csv': { code: 'CSV_PARSE', line: 3 },
};
// basket_invalid.xml and datatypes-valid-and-invalid.xml are well-formed and only
// invalid against their XSDs, so they must read (schema validation is the engine's job).

/** Schema sets that reference files upstream never shipped: inference reports the missing reference. */
const INFER_ERRORS: Record<string, ErrorCode> = {
  'xml/soap/node-soap/login__error_returned_should_contain_root_Json_on_fault/soap.platform.core.xsd': 'XSD_REF',
  'xml/soap/node-soap/login__error_returned_should_contain_root_Json_on_fault/soap.platform.messages.xsd': 'XSD_REF',
  // A word list of hostile strings, not a table: read as CSV it has a stray quote at 176:2.
  'text/blns.txt': 'CSV_PARSE',
};

/** Not payloads: YAML OpenAPI documents are schemas only; blns.txt is a word list. */
const NOT_PAYLOADS = /\.(ya?ml)$|^text\//;

const files = listFiles(corpus)
  .map((file) => relative(corpus, file).replace(/\\/g, '/'))
  .filter((file) => file !== 'SOURCES.md')
  .sort();

async function caught(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('corpus: every file infers and converts to JSON, or fails with its coded error', () => {
  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it.each(files)('%s', async (name) => {
    const file = join(corpus, name);
    const bytes = new Uint8Array(readFileSync(file));
    const malformed = MALFORMED[name];
    const convert = () => writeJson(readPayload(bytes, { file }).value);
    const infer = () => loadSchema([{ file, bytes }], { resolver: createFsResolver() });

    if (malformed) {
      for (const work of [convert, infer]) {
        const error = await caught(work);
        expect(isMapwrightError(error), String(error)).toBe(true);
        expect(error).toMatchObject({ code: malformed.code, line: malformed.line, file });
      }
      return;
    }
    const inferError = INFER_ERRORS[name];
    if (inferError) expect(await caught(infer)).toMatchObject({ code: inferError });
    else expect((await infer()).root).toBeDefined();
    if (!NOT_PAYLOADS.test(name)) expect(JSON.parse(convert())).toBeDefined();
  });
});
