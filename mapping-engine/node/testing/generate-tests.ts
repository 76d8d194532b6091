/**
 * Generated failure-mode tests for a project, run: picks the good input (the
 * first test case with an expected output, else the first source sample),
 * runs it, generates the cases (mapping-engine/testgen) and runs each one in
 * the runner, judging it against its expectation. `keepGeneratedTests`
 * writes the chosen cases' files and adds them to the document.
 * Shared by `mapwright test --generate` and the studio backend.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mappingJob } from '../../compiled/engine-selection';
import { parameterBindings } from '../../compiler/run-parameters';
import type { CompiledProject } from '../../compiler/compile-project';
import { resolveDocumentPath } from '../../document/document-paths';
import type { MappingDocument, TestCase } from '../../document/document-schema';
import { applyEdit } from '../../document/edits/apply-edit';
import { MapwrightError } from '../../errors';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import type { ExpressionRunner } from '../../run/run-types';
import { observedViolations, observeRunError } from '../../run/test-expectations';
import type { SchemaField } from '../../schema/model';
import { generateFailureCases, type GeneratedCase } from '../../testgen/generate-cases';
import { caseFileStem, judgeCase, toTestCase, type CaseOutcome, type CaseVerdict } from '../../testgen/judge-case';
import type { ValidationTarget } from '../../validate/validation-types';
import { readInputFile, writeFileAtomic } from '../read-file';

/** A generated case after its run. */
export interface RunGeneratedCase extends GeneratedCase {
  verdict: CaseVerdict;
  /** The run's output (absent when it failed). */
  output?: JsonValue;
  /** Where that output breaks the target schema (a draft mapping's output often does). */
  violations?: ReadonlyArray<{ field: string; code: string }>;
}

/** Options of {@link generateProjectTests}. */
export interface GenerateTestsOptions {
  validate?: ValidationTarget;
  targetRoot?: SchemaField;
}

/** The relative path of the good input: the first case with an expected output, else the first source sample. */
export function goodInputOf(doc: MappingDocument): string | undefined {
  return doc.tests.find((t) => t.expected !== undefined)?.input ?? doc.source.samples[0];
}

/** The run parameters the good case pins (a creation time defaulting to now), kept by every generated case. */
function goodParams(doc: MappingDocument): TestCase['params'] {
  const good = doc.tests.find((t) => t.expected !== undefined);
  return good?.input === goodInputOf(doc) ? good?.params : undefined;
}

async function outcomeOf(project: CompiledProject, input: JsonValue, runner: ExpressionRunner, validate: ValidationTarget | undefined): Promise<CaseOutcome> {
  const params = goodParams(project.document);
  const bindings = params ? parameterBindings(project.document.parameters ?? {}, params) : undefined;
  const result = await runner.run({ ...mappingJob(project, bindings), input, ...(validate ? { validate } : {}) });
  if (result.error) return { error: observeRunError(result.error, project) };
  return { output: result.value as JsonValue, ...(result.violations ? { violations: observedViolations(result.violations) } : {}) };
}

/**
 * Generates and runs the failure-mode cases of `project` (stored at `file`).
 * @throws MapwrightError `USAGE` when the project has no good input, or the good input's run fails
 */
export async function generateProjectTests(project: CompiledProject, file: string, runner: ExpressionRunner, options: GenerateTestsOptions = {}): Promise<RunGeneratedCase[]> {
  const doc = project.document;
  const relative = goodInputOf(doc);
  if (relative === undefined) throw new MapwrightError('USAGE', 'generating tests needs one good input: a test case with an expected output or a source sample', { file, expected: 'a test case or source sample' });
  const location = resolveDocumentPath(file, relative);
  const goodInput = readPayload(await readInputFile(location), { file: location, format: doc.source.format }).value;
  const good = await outcomeOf(project, goodInput, runner, undefined);
  if ('error' in good) throw new MapwrightError('USAGE', `the good input ${relative} fails (${good.error.code} at ${good.error.field}): fix it before generating failure tests`, { file: location });
  const cases = generateFailureCases({ document: doc, goodInput, ...(options.targetRoot ? { targetRoot: options.targetRoot } : {}) });
  return Promise.all(
    cases.map(async (raw): Promise<RunGeneratedCase> => {
      // Run what the kept input file will hold: XML and CSV files cannot say everything a value can
      // (an element's text without its attributes reads back as plain text, a null as empty text).
      const c = { ...raw, input: doc.source.format === 'json' ? raw.input : readPayload(writePayload(raw.input, doc.source.format), { format: doc.source.format }).value };
      const outcome = await outcomeOf(project, c.input, runner, c.expect.kind === 'error' ? undefined : options.validate);
      return { ...c, verdict: judgeCase(c.expect, outcome), ...('output' in outcome ? { output: outcome.output, ...(outcome.violations ? { violations: outcome.violations } : {}) } : {}) };
    }),
  );
}

/** Folder (relative to the project file) the kept cases' files go to. */
export const GENERATED_FOLDER = 'tests/generated';

/** Writes one file of a kept case; the studio passes one that checks its grants first. */
export type CaseFileWriter = (path: string, content: string) => Promise<void>;

async function writeBeside(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, content);
}

/**
 * Writes the inputs (and expected outputs) of `chosen` next to the project
 * under {@link GENERATED_FOLDER} and returns their test cases, for the
 * caller to add as one edit. Cases whose name the document already has, and
 * cases that must keep an output their run did not give, are skipped.
 */
export async function writeGeneratedTests(doc: MappingDocument, file: string, chosen: readonly RunGeneratedCase[], write: CaseFileWriter = writeBeside): Promise<TestCase[]> {
  const names = new Set(doc.tests.map((t) => t.name));
  const taken = new Set<string>();
  const tests: TestCase[] = [];
  for (const c of chosen) {
    if (names.has(c.name)) continue;
    const stem = caseFileStem(c, taken);
    const files = { input: `${GENERATED_FOLDER}/${stem}.input.${doc.source.format}`, expected: `${GENERATED_FOLDER}/${stem}.expected.${doc.target.format}` };
    const test = toTestCase(c, files);
    const params = goodParams(doc);
    if (params) test.params = { ...params };
    // A kept output is checked against the target schema too: it breaks it where this run's output did.
    if (test.expected !== undefined && c.violations && c.violations.length > 0) test.expectViolation = c.violations.map((v) => ({ field: v.field, code: v.code }));
    if (test.expected !== undefined && c.output === undefined) continue;
    await write(resolveDocumentPath(file, files.input), writePayload(c.input, doc.source.format));
    if (test.expected !== undefined) await write(resolveDocumentPath(file, files.expected), writePayload(c.output!, doc.target.format));
    tests.push(test);
  }
  return tests;
}

/** {@link writeGeneratedTests}, then the document with the cases added (one labelled edit). */
export async function keepGeneratedTests(doc: MappingDocument, file: string, chosen: readonly RunGeneratedCase[]): Promise<MappingDocument> {
  const tests = await writeGeneratedTests(doc, file, chosen);
  const result = applyEdit(doc, { kind: 'batch', edits: tests.map((test) => ({ kind: 'addTest', test })), label: `Add ${tests.length} generated tests` });
  if (!result.ok) throw new MapwrightError(result.error.code, result.error.message);
  return result.document;
}
