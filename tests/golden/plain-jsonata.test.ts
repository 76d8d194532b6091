/**
 * The compiled JSONata is plain JSONata: for every test case of every sample
 * project, the expression evaluated by the plain `jsonata` package on the
 * same parsed input gives what `mapwright run` gives, the same output text
 * when the case expects output and the same error message when it expects a
 * failure (with payload values shown by their shapes). (mapping-engine/node/cli/run-command.test.ts checks the source
 * samples the same way; this covers the test cases, failures included.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../mapping-engine/compiler/compile-project';
import { loadDocument } from '../../mapping-engine/document/load-document';
import { classifyRunError } from '../../mapping-engine/run/run-errors';
import { thrownMatchesExpectedError } from '../../mapping-engine/run/test-expectations';
import { createFsResolver } from '../../mapping-engine/node/fs-resolver';
import { readPayload } from '../../mapping-engine/payload/read-payload';
import type { JsonValue } from '../../mapping-engine/payload/types';
import { writePayload } from '../../mapping-engine/payload/write-payload';
import { runCli } from '../helpers/run-cli';
import { parameterBindings } from '../../mapping-engine/compiler/run-parameters';
import { SAMPLES_DIR, sampleProjects } from '../helpers/sample-projects';
import { withInputPlaces } from '../../mapping-engine/run/record-places';
import type { RowLines } from '../../mapping-engine/payload/row-lines';

const projects = sampleProjects();

/**
 * What plain jsonata gives: the value, or the message it fails with, and that
 * message as Mapwright shows it (payload values in jsonata's own messages
 * replaced by their shapes; see run-errors.ts).
 */
async function plain(expression: string, input: unknown, bindings: Record<string, unknown> = {}): Promise<{ value?: JsonValue; error?: string; shown?: string; thrown?: unknown }> {
  try {
    return { value: (await jsonata(expression).evaluate(input, bindings)) as JsonValue };
  } catch (error) {
    return { error: (error as Error).message, shown: classifyRunError(error, expression).message, thrown: error };
  }
}

describe('plain jsonata and mapwright run agree on every sample test case', () => {
  it('finds the samples', () => expect(projects.length).toBeGreaterThanOrEqual(4));

  describe.each(projects.map((p) => [p.slice(SAMPLES_DIR.length + 1), p]))('%s', (_name, file) => {
    const { document } = loadDocument(readFileSync(file, 'utf8'), file);

    it.each(document.tests.map((t) => [t.name, t]))('%s', async (_t, test) => {
      const project = await compileProject(readFileSync(file, 'utf8'), file, createFsResolver());
      const input = join(file, '..', test.input);
      const parsed = readPayload(readFileSync(input), { file: input, format: document.source.format });
      // A case's run parameters: bindings for plain jsonata, --param for the CLI.
      const expected = await plain(project.compiled.expression, parsed.value, parameterBindings(document.parameters ?? {}, test.params ?? {}));
      const run = await runCli('run', file, '--input', input, ...Object.entries(test.params ?? {}).flatMap(([name, value]) => ['--param', `${name}=${String(value)}`]));
      if (test.expectError) {
        expect(expected.error).toBeDefined();
        expect(thrownMatchesExpectedError(test.expectError, expected.thrown, project)).toBe(true);
        expect(run.code).toBe(1);
        // The CLI read the input, so it names the record where the input has it (a CSV line, a JSON index).
        expect(run.err).toContain(withInputPlaces(expected.shown!, document, parsed.format, (parsed.meta as { rowLines?: RowLines } | undefined)?.rowLines));
        expect(run.out).toBe('');
      } else {
        expect(expected.error).toBeUndefined();
        expect(run.err).toBe('');
        expect(run.code).toBe(0);
        // XML written against a target schema carries its namespaces and element order: compared read back.
        if (document.target.format === 'xml' && document.target.schema) expect(readPayload(Buffer.from(run.out), { format: 'xml' }).value).toEqual(readPayload(writePayload(expected.value!, 'xml'), { format: 'xml' }).value);
        else expect(run.out).toBe(writePayload(expected.value!, document.target.format, { meta: parsed.meta, metaFormat: parsed.format }));
      }
    });
  });
});
