/**
 * One test case of a mapping document, run and judged. A case with
 * `expected` passes when the output equals the expected file structurally
 * (for XML and CSV targets both sides go through the target format's reader,
 * so formatting does not count) and, when the target has a schema, the
 * output fits it or breaks it exactly where `expectViolation` says; a case
 * with `expectError` passes when the run fails with that field and code
 * (see run/test-expectations.ts). A failing case prints what it got in the
 * form it could expect.
 * Shared by `mapwright test`, the spec export and the studio backend.
 */
import { parameterBindings } from '../../compiler/run-parameters';
import { formatErrorLine, isMapwrightError } from '../../errors';
import { mappingJob } from '../../compiled/engine-selection';
import type { CompiledProject } from '../../compiler/compile-project';
import type { MappingDocument } from '../../document/document-schema';
import { resolveDocumentPath } from '../../document/document-paths';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue, PayloadFormat } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { describeRunError } from '../../run/describe-run-error';
import { withRecordPlaces } from '../../run/record-places';
import { diffValues } from '../../run/diff-values';
import type { ExpressionRunner } from '../../run/run-types';
import { compareViolations, matchesExpectedError, observedViolations, observeRunError, showExpectedError } from '../../run/test-expectations';
import type { SchemaField } from '../../schema/model';
import type { OutputViolation, ValidationTarget } from '../../validate/validation-types';
import type { JunitCase } from '../cli/junit-report';
import { readInputFile } from '../read-file';

/** Differences shown per failing case; the rest are counted, so one broken array does not flood the terminal. */
const MAX_DIFF_LINES = 8;
const MAX_VALUE_CHARS = 80;

type TestCase = MappingDocument['tests'][number];

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/**
 * Reads the output the way a consumer of the target format would, so CSV cells and XML text compare as strings;
 * written with the target schema, so an XML output without a root element is the schema's root, as `run` writes it.
 */
function normalise(value: unknown, format: PayloadFormat, schema: SchemaField | undefined): unknown {
  if (value === undefined || format === 'json') return value;
  return readPayload(writePayload(value as JsonValue, format, schema ? { schema } : {}), { format }).value;
}

async function compareExpected(project: CompiledProject, file: string, test: TestCase, actual: unknown, schema: SchemaField | undefined): Promise<Omit<JunitCase, 'name' | 'seconds'>> {
  const format = project.document.target.format;
  const location = resolveDocumentPath(file, test.expected!);
  const expected = readPayload(await readInputFile(location), { file: location, format }).value;
  const differences = diffValues(expected, normalise(actual, format, schema));
  if (differences.length === 0) return { outcome: 'passed' };
  const lines = differences.slice(0, MAX_DIFF_LINES).map((d) => `${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`);
  if (differences.length > MAX_DIFF_LINES) lines.push(`… and ${differences.length - MAX_DIFF_LINES} more differences`);
  return { outcome: 'failure', message: `${differences.length} difference(s) from ${test.expected}`, details: lines.join('\n') };
}

/** Options of {@link runTestCase}. */
export interface TestCaseOptions {
  /** The target schema the output is validated against (see `validationOf`); without it the fit is not checked. */
  validate?: ValidationTarget;
}

/** The case's verdict on the output's fit to the target schema; undefined when it fits as expected. */
function judgeViolations(test: TestCase, violations: readonly OutputViolation[] | undefined): Omit<JunitCase, 'name' | 'seconds'> | undefined {
  if (violations === undefined) {
    return test.expectViolation === undefined ? undefined : { outcome: 'failure', message: 'the case expects violations, but the target has no schema to check the output against' };
  }
  const { unexpected, missing } = compareViolations(test.expectViolation ?? [], observedViolations(violations));
  if (unexpected.length === 0 && missing.length === 0) return undefined;
  const lines = [...unexpected.map((v) => `unexpected violation ${JSON.stringify(v)}`), ...missing.map((v) => `expected violation ${JSON.stringify(v)} did not occur`)];
  const shown = violations.slice(0, MAX_DIFF_LINES).map((v) => `${v.path || '(root)'}: ${v.code} ${v.message}`);
  return {
    outcome: 'failure',
    message: `the output breaks the target schema other than expected; expectViolation: ${JSON.stringify(observedViolations(violations))}`,
    details: [...lines, ...shown].slice(0, MAX_DIFF_LINES * 2).join('\n'),
  };
}

/**
 * Runs one test case of a loaded project: reads its input next to the project
 * file, evaluates the compiled expression, and compares the output (or the
 * error) with what the case expects. Never throws for a failing case; a case
 * whose files cannot be read comes back with outcome `error`.
 * @param file - the project file, which test paths are relative to
 */
export async function runTestCase(project: CompiledProject, file: string, test: TestCase, runner: ExpressionRunner, options: TestCaseOptions = {}): Promise<JunitCase> {
  const base = { name: test.name, seconds: 0 };
  try {
    const location = resolveDocumentPath(file, test.input);
    const input = readPayload(await readInputFile(location), { file: location, format: project.document.source.format });
    const validate = test.expectError === undefined ? options.validate : undefined;
    // A case may pin run parameters (a creation time defaulting to now).
    const bindings = test.params ? parameterBindings(project.document.parameters ?? {}, test.params) : undefined;
    const result = await runner.run({ ...mappingJob(project, bindings), input: input.value, ...(validate ? { validate } : {}) });
    base.seconds = (result.timings.parseMs + result.timings.evalMs) / 1000;
    if (test.expectError !== undefined) {
      const want = showExpectedError(test.expectError);
      if (!result.error) return { ...base, outcome: 'failure', message: `expected an error matching ${want}, but the mapping produced a result` };
      const observed = observeRunError(result.error, project);
      if (matchesExpectedError(test.expectError, observed, result.error)) return { ...base, outcome: 'passed' };
      return { ...base, outcome: 'failure', message: `expected an error matching ${want}, got ${JSON.stringify(observed)}: ${describeRunError(withRecordPlaces(result.error, project.document, input), project.compiled, test.input)}` };
    }
    if (result.error) {
      const observed = observeRunError(result.error, project);
      return { ...base, outcome: 'failure', message: `the run failed with ${JSON.stringify(observed)}: ${describeRunError(withRecordPlaces(result.error, project.document, input), project.compiled, test.input)}` };
    }
    const compared = await compareExpected(project, file, test, result.value, options.validate?.schema?.root);
    if (compared.outcome !== 'passed') return { ...base, ...compared };
    return { ...base, ...(judgeViolations(test, result.violations) ?? compared) };
  } catch (error) {
    if (!isMapwrightError(error)) throw error;
    // An unreadable input or expected file: the case could not run at all.
    return { ...base, outcome: 'error', message: formatErrorLine(error.toJSON()) };
  }
}
