/**
 * Exports a project file as a mapping spec (XLSX, CSV, Markdown, HTML), as
 * its `.jsonata` expression, or as the mapping document itself. The project
 * is loaded and compiled, the target schema read for types and unmapped
 * fields, and the test cases run in a worker pool, so the spec shows their
 * results. Shared by `mapwright export` and the studio backend.
 */
import { formatErrorLine, isMapwrightError, MapwrightError } from '../../errors';
import { compileProject, type CompiledProject } from '../../compiler/compile-project';
import { resolveDocumentPath } from '../../document/document-paths';
import { serializeDocument } from '../../document/serialize-document';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue } from '../../payload/types';
import type { ExpressionRunner } from '../../run/run-types';
import type { SourceResolver } from '../../schema/resolver';
import { buildSpec } from '../../spec/build-spec';
import { renderCsv } from '../../spec/render-csv';
import { renderHtml } from '../../spec/render-html';
import { renderJsonata } from '../../spec/render-jsonata';
import { renderMarkdown } from '../../spec/render-markdown';
import type { MappingSpec } from '../../spec/spec-types';
import type { TestResultInput } from '../../spec/test-summary';
import { loadTargetSchema } from '../../validate/load-target';
import type { ValidationTarget } from '../../validate/validation-types';
import { validationOf } from '../../run/mapping-run';
import { ENGINE_VERSION } from '../../version';
import { loadProjectFile } from '../cli/compile-command';
import { checkReference, createFsResolver, referenceScope } from '../fs-resolver';
import { RunnerPool } from '../runner/runner-pool';
import { runTestCase } from '../testing/run-test-case';

/** What an export can produce. */
export const EXPORT_KINDS = ['xlsx', 'csv', 'md', 'html', 'jsonata', 'document'] as const;
/** One export kind. */
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Options of {@link exportProject} and {@link loadProjectSpec}. */
export interface ExportOptions {
  /** The date printed in the spec (ISO); default now. Fixed in golden tests. */
  generatedAt?: string;
  /** Run the test cases and show their results (default true for the spec formats). */
  runTests?: boolean;
  /** Runner for the test cases; default a fresh {@link RunnerPool}, closed afterwards. */
  runner?: ExpressionRunner;
  /**
   * The document's text, exported as if saved at the project file (an
   * unsaved studio document); the file itself is then not read.
   */
  text?: string;
  /** Reads the files the document refers to (lookup tables, schemas); default the plain file system. */
  resolver?: SourceResolver;
  /**
   * Called with every file a test case reads (input, expected) before the
   * case runs; a coded error it throws marks the case as `error`. The studio
   * uses it to keep test cases inside the files its access register allows.
   */
  checkTestFile?: (location: string) => Promise<void>;
}

/** A loaded project and its spec. */
export interface ProjectSpec {
  project: CompiledProject;
  spec: MappingSpec;
}

type TestCase = CompiledProject['document']['tests'][number];

/** Checks a case's files with `check`; the refusal as the case's error result, or undefined when all may be read. */
async function refusedCase(test: TestCase, file: string, given: ExportOptions['checkTestFile']): Promise<TestResultInput | undefined> {
  // Without a host's check, the CLI's rule: test files stay inside the project folder unless --allow-outside.
  const scope = referenceScope([file]);
  const check = given ?? (async (location: string) => void (await checkReference(location, scope)));
  try {
    for (const relative of [test.input, test.expected]) {
      if (relative !== undefined) await check(resolveDocumentPath(file, relative));
    }
    return undefined;
  } catch (error) {
    if (!isMapwrightError(error)) throw error;
    return { name: test.name, outcome: 'error', message: formatErrorLine(error.toJSON()) };
  }
}

async function runTests(project: CompiledProject, file: string, options: ExportOptions, validate: ValidationTarget | undefined): Promise<TestResultInput[]> {
  const pool = options.runner ? undefined : new RunnerPool();
  const runOne = async (test: TestCase): Promise<TestResultInput> =>
    (await refusedCase(test, file, options.checkTestFile)) ?? runTestCase(project, file, test, options.runner ?? pool!, validate ? { validate } : {});
  try {
    return await Promise.all(project.document.tests.map(runOne));
  } finally {
    await pool?.close();
  }
}

/**
 * The project's source samples as read, for the spec's data-protection section. A sample that
 * cannot be read is left out: the fields the rules read in it are then judged by name.
 */
async function readSourceSamples(project: CompiledProject, file: string, resolver: SourceResolver): Promise<JsonValue[]> {
  const { format, samples } = project.document.source;
  const read = await Promise.all(
    samples.map(async (relative) => {
      const location = resolveDocumentPath(file, relative);
      try {
        return [readPayload(await resolver.read(location), { file: location, format }).value];
      } catch (error) {
        if (isMapwrightError(error)) return [];
        throw error;
      }
    }),
  );
  return read.flat();
}

/**
 * Loads `projectFile`, its target schema and (unless `runTests` is false) its
 * test results, and builds the spec.
 * @throws MapwrightError for a project that cannot be read, validated or compiled, or an unreadable target schema
 */
export async function loadProjectSpec(projectFile: string, options: ExportOptions = {}): Promise<ProjectSpec> {
  const resolver = options.resolver ?? createFsResolver(referenceScope([projectFile]));
  const project = options.text === undefined ? await loadProjectFile(projectFile, resolver) : await compileProject(options.text, projectFile, resolver);
  const target = await loadTargetSchema(project.document, projectFile, resolver);
  const tests = options.runTests === false ? undefined : await runTests(project, projectFile, options, validationOf(target ? { target } : {}));
  const spec = buildSpec({
    document: project.document,
    compiled: project.compiled,
    ...(target?.schema ? { targetFields: target.schema.root } : {}),
    tables: project.tables,
    sourceSamples: await readSourceSamples(project, projectFile, resolver),
    ...(tests ? { tests } : {}),
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    engineVersion: ENGINE_VERSION,
  });
  return { project, spec };
}

/**
 * Exports `projectFile` as `kind`: bytes for XLSX, text for the others.
 * @throws MapwrightError `USAGE` for an unknown kind, the loading codes, or `EXPORT_FAILED` when rendering fails
 */
export async function exportProject(projectFile: string, kind: ExportKind, options: ExportOptions = {}): Promise<Uint8Array | string> {
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) {
    throw new MapwrightError('USAGE', `unknown export kind ${JSON.stringify(kind)}`, { expected: EXPORT_KINDS.join(', ') });
  }
  // The expression and the document do not show test results, so their cases are not run.
  const withTests = kind !== 'jsonata' && kind !== 'document' && options.runTests !== false;
  const { project, spec } = await loadProjectSpec(projectFile, { ...options, runTests: withTests });
  try {
    switch (kind) {
      case 'document':
        return serializeDocument(project.document);
      case 'jsonata':
        return renderJsonata(spec, project.compiled.expression);
      case 'md':
        return renderMarkdown(spec);
      case 'csv':
        return renderCsv(spec);
      case 'html':
        return renderHtml(spec);
      case 'xlsx':
        // exceljs is loaded only for this export: it takes longer to load than the rest of the CLI.
        return await (await import('./xlsx-export')).renderXlsx(spec);
    }
  } catch (error) {
    if (isMapwrightError(error)) throw error;
    throw new MapwrightError('EXPORT_FAILED', `cannot write the ${kind} export: ${error instanceof Error ? error.message : String(error)}`, { file: projectFile, cause: error });
  }
}
