/**
 * Every sample project under samples/: the document loads, compiles the same
 * way twice, and the compiled JSONata, evaluated by the plain jsonata package
 * on each test case's input (read with the studio's conventions), gives the
 * expected output or fails naming the expected field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import { serializeDocument } from '../document/serialize-document';
import { readCsv } from '../payload/csv-read';
import { readPayload } from '../payload/read-payload';
import type { JsonValue } from '../payload/types';
import { writePayload } from '../payload/write-payload';
import { compileDocument } from './compile-document';
import type { FileTables } from './lookup-table';
import { csvTableInput, tableFromCsv } from './table-file';
import { parameterBindings } from './run-parameters';
import { thrownMatchesExpectedError } from '../run/test-expectations';
import { SAMPLES_DIR, sampleProjects } from '../../tests/helpers/sample-projects';

const projects = sampleProjects();

function compileProject(file: string) {
  const dir = join(file, '..');
  const { document } = loadDocument(readFileSync(file, 'utf8'), file);
  const tables: FileTables = {};
  for (const [name, table] of Object.entries(document.lookups)) {
    if ('file' in table) {
      const read = readCsv(readFileSync(join(dir, table.file)));
      tables[name] = tableFromCsv(name, table, csvTableInput(read.value, read.meta), table.file);
    }
  }
  return { dir, document, tables, compiled: compileDocument(document, { tables }) };
}

describe('sample projects', () => {
  it('finds the samples', () => {
    expect(projects.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(projects.map((p) => [p.slice(SAMPLES_DIR.length + 1), p]))('%s', (_name, file) => {
    const { dir, document, tables, compiled } = compileProject(file);

    it('round-trips through serialisation and compiles deterministically', () => {
      expect(loadDocument(serializeDocument(document)).document).toEqual(document);
      expect(compileDocument(structuredClone(document), { tables }).expression).toBe(compiled.expression);
      expect(Object.keys(compiled.sourceMap).sort()).toEqual(expect.arrayContaining(document.rules.map((r) => r.target.replace(/`/g, ''))));
    });

    it('has test cases, including a failure mode', () => {
      expect(document.tests.length).toBeGreaterThanOrEqual(2);
      expect(document.tests.some((t) => t.expectError)).toBe(true);
    });

    it.each(document.tests.map((t) => [t.name, t]))('test case: %s', async (_t, test) => {
      const input = readPayload(readFileSync(join(dir, test.input)), { file: test.input }).value;
      const run = jsonata(compiled.expression).evaluate(input, parameterBindings(document.parameters ?? {}, test.params ?? {}));
      if (test.expected && document.target.format === 'json') await expect(run).resolves.toEqual(JSON.parse(readFileSync(join(dir, test.expected), 'utf8')));
      // Other targets are compared as the text the studio writes (CSV cells are strings, so values alone would not tell).
      // XML written against a target schema carries its namespaces, which plain jsonata's value cannot: compared read back.
      else if (test.expected && document.target.schema && document.target.format === 'xml') {
        const expected = readPayload(readFileSync(join(dir, test.expected)), { format: 'xml' }).value;
        expect(readPayload(writePayload((await run) as JsonValue, 'xml'), { format: 'xml' }).value).toEqual(expected);
      } else if (test.expected) expect(writePayload((await run) as JsonValue, document.target.format)).toBe(readFileSync(join(dir, test.expected), 'utf8'));
      else expect(thrownMatchesExpectedError(test.expectError!, await run.then(() => undefined, (e: unknown) => e), { compiled, document })).toBe(true);
    });
  });
});
