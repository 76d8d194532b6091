/**
 * "Add test case from the current input" (`addTestCase`): the current preview
 * input (a file of the project, usually a masked sample) is copied to
 * `tests/<slug>.input.<ext>`, and the mapping's output for it, computed here
 * by the same runner as `mapwright test`, is written to
 * `tests/<slug>.expected.<ext>` (or the case expects an error text instead).
 * The renderer then adds the case with the `addTest` edit.
 *
 * The content of both files comes from the project's own input and the
 * engine, never from the caller, and the names are made from a slug, so a
 * caller cannot write arbitrary content or climb out of the folder.
 */
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { mappingJob } from '../../../mapping-engine/compiled/engine-selection';
import { resolveDocumentPath, toDocumentPath } from '../../../mapping-engine/document';
import type { ExpectedError } from '../../../mapping-engine/document/document-schema';
import { readPayload } from '../../../mapping-engine/payload/read-payload';
import type { JsonValue, PayloadFormat } from '../../../mapping-engine/payload/types';
import { writePayload } from '../../../mapping-engine/payload/write-payload';
import { readInputFile } from '../../../mapping-engine/node/read-file';
import type { AddTestCaseArgs } from '../../contract/methods/project-file-methods';
import { compileInContext, type EngineContext } from '../engine/engine-context';
import { isInside } from '../engine/file-access';
import { MAX_IMPORT_BYTES } from '../engine/import-sample';
import { exists, fileExists, FileSet } from './file-set';

/** Longest slug made from a test name. */
const MAX_SLUG = 60;

/** The file-name part made from a test's name: lower-case letters, digits and single dashes. */
export function testSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  if (slug === '') {
    throw new MapwrightError('USAGE', `the test name "${name}" gives no file name`, { expected: 'a test name with letters or digits' });
  }
  return slug;
}

/** The extension of a payload format's files. */
function extensionFor(format: PayloadFormat): string {
  return format;
}

/**
 * Writes the files of a new test case and returns it (paths relative to the project).
 * @throws MapwrightError `USAGE` (no usable name, a test of that name), `FILE_EXISTS` (its files exist),
 *   `ACCESS_DENIED` (input outside the project folder), `LIMIT_EXCEEDED`, run error codes (the mapping fails on the
 *   input and no `expectError` was given), `FILE_WRITE`
 */
export async function addTestCase(context: EngineContext, args: AddTestCaseArgs): Promise<{ test: { name: string; input: string; expected?: string; expectError?: ExpectedError } }> {
  const { project, projectFile } = await compileInContext(context, args.text, args.projectPath);
  const doc = project.document;
  const name = args.name.trim();
  if (doc.tests.some((test) => test.name === name)) {
    throw new MapwrightError('USAGE', `there is already a test case named "${name}"`, { expected: 'another name' });
  }
  const slug = testSlug(name);
  const folder = dirname(projectFile);
  // The input must be a file of this project: a test copies it, so it must not bring in a file from elsewhere.
  const input = await context.access.checkRead(resolveDocumentPath(projectFile, args.input), projectFile);
  if (!isInside(input, folder)) throw new MapwrightError('ACCESS_DENIED', `${args.input}: a test input comes from the project folder`, { file: args.input, expected: 'a sample of the project' });
  const size = (await stat(input)).size;
  if (size > MAX_IMPORT_BYTES) throw new MapwrightError('LIMIT_EXCEEDED', `${args.input} is too large for a test case`, { file: args.input, expected: `at most ${MAX_IMPORT_BYTES} bytes` });

  const inputPath = join(folder, 'tests', `${slug}.input.${extensionFor(doc.source.format)}`);
  const expectedPath = join(folder, 'tests', `${slug}.expected.${extensionFor(doc.target.format)}`);
  const planned = args.expectError === undefined ? [inputPath, expectedPath] : [inputPath];
  const taken = (await Promise.all(planned.map(async (path) => ((await exists(path)) ? toDocumentPath(projectFile, path) : undefined)))).filter((p) => p !== undefined);
  if (taken.length > 0) throw fileExists(taken);

  const bytes = await readInputFile(input);
  let expected: string | undefined;
  if (args.expectError === undefined) {
    const value = readPayload(bytes, { file: args.input, format: doc.source.format }).value;
    const result = await context.runner().run({ ...mappingJob(project), input: value });
    if (result.error) {
      throw new MapwrightError(result.error.code, `the mapping fails on ${args.input}: ${result.error.message}`, {
        file: args.input,
        expected: 'a passing run, or a test that expects this error',
      });
    }
    expected = writePayload((result.value ?? null) as JsonValue, doc.target.format);
  }

  const files = new FileSet(folder);
  try {
    await files.write({ path: inputPath, content: bytes });
    if (expected !== undefined) await files.write({ path: expectedPath, content: expected });
  } catch (error) {
    await files.undo();
    throw error;
  }
  // Readable like the rest of the project, even when its folder was not granted (a project made by Save As).
  for (const path of files.written) await context.access.grantFile(path);
  const test = { name, input: toDocumentPath(projectFile, inputPath) };
  return { test: args.expectError === undefined ? { ...test, expected: toDocumentPath(projectFile, expectedPath) } : { ...test, expectError: args.expectError } };
}
