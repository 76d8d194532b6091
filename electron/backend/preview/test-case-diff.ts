/**
 * One test case looked at closely (the tests panel): its expected and actual
 * outputs side by side with the leaves that differ, and "accept the current
 * output as expected". The case runs on its REAL input (that is what the
 * test judges), but what crosses to the renderer is masked: both outputs go
 * through the masker with the project's key and policy, so a value is shown
 * as the same pseudonym on both sides and never as the original personal
 * data. Accepting writes the actual output into the case's expected file in
 * the backend; the renderer never sends output content.
 */
import { MapwrightError } from '../../../mapping-engine/errors';
import { mappingJob } from '../../../mapping-engine/compiled/engine-selection';
import type { CompiledProject } from '../../../mapping-engine/compiler/compile-project';
import { resolveDocumentPath, toDocumentPath } from '../../../mapping-engine/document/document-paths';
import { loadOrCreateKey } from '../../../mapping-engine/node/mask/key-file';
import { readInputFile, replaceFileAtomic } from '../../../mapping-engine/node/read-file';
import { describeRunError } from '../../../mapping-engine/run/describe-run-error';
import { withRecordPlaces } from '../../../mapping-engine/run/record-places';
import { parameterBindings } from '../../../mapping-engine/compiler/run-parameters';
import { diffValues } from '../../../mapping-engine/run/diff-values';
import { readPayload } from '../../../mapping-engine/payload/read-payload';
import type { JsonValue, PayloadFormat } from '../../../mapping-engine/payload/types';
import { writePayload } from '../../../mapping-engine/payload/write-payload';
import type { TestDiff } from '../../contract/methods/preview-methods';
import { compileInContext, type EngineContext } from '../engine/engine-context';
import { cutText } from '../engine/payload-preview';
import { expectedErrorText } from '../../../mapping-engine/run/test-expectations';

/** Characters of each side's text sent to the UI. */
export const DIFF_TEXT_CHARS = 32 * 1024;
/** Differing leaves listed at most. */
export const MAX_LISTED_DIFFERENCES = 200;
const MAX_VALUE_CHARS = 200;

type TestCase = CompiledProject['document']['tests'][number];

interface CaseRun {
  project: CompiledProject;
  projectFile: string;
  test: TestCase;
  /** The output, or the run's error. */
  actual?: unknown;
  error?: { code: string; message: string };
}

/** Reads the output the way a consumer of the target format would (as `mapwright test` compares it). */
function normalise(value: unknown, format: PayloadFormat): unknown {
  if (value === undefined || format === 'json') return value;
  return readPayload(writePayload(value as JsonValue, format), { format }).value;
}

async function runCase(context: EngineContext, request: { projectPath: string; text: string; index: number }): Promise<CaseRun> {
  const { project, projectFile } = await compileInContext(context, request.text, request.projectPath);
  const test = project.document.tests[request.index];
  if (test === undefined) throw new MapwrightError('NOT_FOUND', `the document has no test case ${request.index + 1}`, { expected: `one of ${project.document.tests.length} test cases` });
  const inputFile = await context.access.checkRead(resolveDocumentPath(projectFile, test.input), projectFile);
  const input = readPayload(await readInputFile(inputFile), { file: test.input, format: project.document.source.format });
  // The case's run parameters, as `mapwright test` runs it (a creation time pinned instead of now).
  const bindings = test.params ? parameterBindings(project.document.parameters ?? {}, test.params) : undefined;
  const result = await context.runner().run({ ...mappingJob(project, bindings), input: input.value });
  if (result.error) return { project, projectFile, test, error: { code: result.error.code, message: describeRunError(withRecordPlaces(result.error, project.document, input), project.compiled, test.input, project.document) } };
  return { project, projectFile, test, actual: normalise(result.value, project.document.target.format) };
}

/** Masks `value` for display under the project's key and policy (the masker is loaded on first use: it is big). */
async function maskForDisplay(context: EngineContext, value: unknown, project: CompiledProject): Promise<unknown> {
  if (value === undefined) return undefined;
  const { maskSample } = await import('../../../mapping-engine/masking/mask-sample');
  const { key } = await loadOrCreateKey(context.maskKeyFile, context.keyLocation);
  const masked = maskSample(JSON.stringify(value), { key, format: 'json', ...(project.document.masking ? { policy: project.document.masking } : {}) });
  return JSON.parse(masked.text) as unknown;
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function pretty(value: unknown): string {
  return value === undefined ? '' : cutText(JSON.stringify(value, null, 2), DIFF_TEXT_CHARS).text;
}

/**
 * Runs case `index` and compares it (see the module comment).
 * @throws MapwrightError `NOT_FOUND`, access codes, parse codes of the input or expected file
 */
export async function diffTestCase(context: EngineContext, request: { projectPath: string; text: string; index: number }): Promise<TestDiff> {
  const run = await runCase(context, request);
  const { project, projectFile, test } = run;
  let expected: unknown;
  if (test.expected !== undefined) {
    const file = await context.access.checkRead(resolveDocumentPath(projectFile, test.expected), projectFile);
    expected = readPayload(await readInputFile(file), { file: test.expected, format: project.document.target.format }).value;
  }
  const [maskedExpected, maskedActual] = await Promise.all([maskForDisplay(context, expected, project), maskForDisplay(context, run.actual, project)]);
  // The count is of the real outputs; the listed values are the masked ones at the same places.
  const real = run.error || test.expected === undefined ? [] : diffValues(expected, run.actual);
  const listed = run.error || test.expected === undefined ? [] : diffValues(maskedExpected, maskedActual);
  return {
    name: test.name,
    expectedText: test.expected === undefined ? (test.expectError !== undefined ? `an error matching ${expectedErrorText(test.expectError)}` : '') : pretty(maskedExpected),
    actualText: run.error ? '' : pretty(maskedActual),
    differences: listed.slice(0, MAX_LISTED_DIFFERENCES).map((d) => ({ path: d.path, ...optional('expected', shown(d.expected)), ...optional('actual', shown(d.actual)) })),
    count: real.length,
    ...(run.error ? { error: run.error } : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/**
 * Writes the case's current output into its expected file.
 * @throws MapwrightError `USAGE` (the case expects an error, or has no expected file), the run's error code, `ACCESS_DENIED`, `FILE_WRITE`
 */
export async function acceptTestOutput(context: EngineContext, request: { projectPath: string; text: string; index: number }): Promise<{ expected: string }> {
  const run = await runCase(context, request);
  const { project, projectFile, test } = run;
  if (test.expected === undefined) throw new MapwrightError('USAGE', `test case "${test.name}" has no expected file`, { expected: 'a test case with an expected output file' });
  if (run.error) throw new MapwrightError('USAGE', `test case "${test.name}" has no output to accept (${run.error.code})`, { expected: 'a mapping that produces output for this input' });
  const target = resolveDocumentPath(projectFile, test.expected);
  const path = await context.access.checkWrite(target, { shownAs: test.expected });
  const format = project.document.target.format;
  const text = writePayload(run.actual as JsonValue, format);
  await replaceFileAtomic(path, format === 'json' && !text.endsWith('\n') ? `${text}\n` : text);
  return { expected: toDocumentPath(projectFile, path) };
}
