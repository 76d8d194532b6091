/**
 * `mapwright test <mapping...> [--junit <file>]`: runs every test case of
 * every document in the runner pool. A case with `expected` passes when the
 * output equals the expected file structurally (for XML and CSV targets both
 * sides go through the target format's reader, so formatting does not count);
 * and fits the target schema (or breaks it where `expectViolation` says); a
 * case with `expectError` passes when the run fails with that target field
 * and error code (see testing/run-test-case.ts).
 *
 * Exit codes: 0 all passed; 1 any case failed or could not run, or no document
 * has a test case at all (nothing was checked; `--pass-with-no-tests` makes that
 * 0); 2 a document could not be loaded or compiled (the other documents still run).
 */
import type { Command } from 'commander';
import { formatErrorLine, toCodedError } from '../../errors';
import type { CompiledProject } from '../../compiler/compile-project';
import { resolveDocumentPath } from '../../document/document-paths';
import { checkReference, createFsResolver, referenceScope } from '../fs-resolver';
import { validationOf } from '../../run/mapping-run';
import { loadTargetSchema } from '../../validate/load-target';
import { writeFileAtomic } from '../read-file';
import { RunnerPool } from '../runner/runner-pool';
import { runTestCase } from '../testing/run-test-case';
import type { CliIo } from './cli-io';
import { loadProjectFile } from './compile-command';
import { EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_OK } from './exit-codes';
import { generateTestsCommand } from './generate-tests-command';
import { junitReport, type JunitCase, type JunitSuite } from './junit-report';

/** Options of the test command as commander parses them. */
export interface TestCommandOptions {
  junit?: string;
  /** Generate failure-mode cases instead (generate-tests-command.ts). */
  generate?: boolean;
  write?: boolean;
  passWithNoTests?: boolean;
}

function printCase(c: JunitCase, io: CliIo): void {
  const ms = `${Math.round(c.seconds * 1000)} ms`;
  if (c.outcome === 'passed') {
    io.stdout(`  ok    ${c.name} (${ms})\n`);
    return;
  }
  io.stdout(`  ${c.outcome === 'error' ? 'ERROR' : 'FAIL '} ${c.name}\n      ${c.message ?? ''}\n`);
  for (const line of c.details?.split('\n') ?? []) io.stdout(`      ${line}\n`);
}

async function runDocument(file: string, pool: RunnerPool, io: CliIo): Promise<JunitSuite> {
  let project: CompiledProject;
  try {
    project = await loadProjectFile(file);
  } catch (error) {
    const line = formatErrorLine(toCodedError(error));
    io.stderr(`${line}\n`);
    return { name: file, cases: [], loadError: line };
  }
  io.stdout(`${file}\n`);
  if (project.document.tests.length === 0) io.stdout('  (no test cases)\n');
  // Cases run side by side in the pool; they are printed in document order. A case whose files lie
  // outside the project folder does not run (docs/security.md, "The CLI"; --allow-outside allows it).
  const scope = referenceScope([file]);
  let validate;
  try {
    const target = project.document.tests.length === 0 ? undefined : await loadTargetSchema(project.document, file, createFsResolver(scope));
    validate = validationOf(target ? { target } : {});
  } catch (error) {
    const line = formatErrorLine(toCodedError(error));
    io.stderr(`${line}\n`);
    return { name: file, cases: [], loadError: line };
  }
  const cases = await Promise.all(
    project.document.tests.map(async (t): Promise<JunitCase> => {
      try {
        for (const relative of [t.input, t.expected]) if (relative !== undefined) await checkReference(resolveDocumentPath(file, relative), scope);
      } catch (error) {
        return { name: t.name, seconds: 0, outcome: 'error', message: formatErrorLine(toCodedError(error)) };
      }
      return runTestCase(project, file, t, pool, validate ? { validate } : {});
    }),
  );
  for (const c of cases) printCase(c, io);
  return { name: file, cases };
}

function summary(suites: JunitSuite[]): string {
  const cases = suites.flatMap((s) => s.cases);
  const passed = cases.filter((c) => c.outcome === 'passed').length;
  const failed = cases.filter((c) => c.outcome === 'failure').length;
  const errored = cases.filter((c) => c.outcome === 'error').length;
  const broken = suites.filter((s) => s.loadError !== undefined).length;
  if (cases.length === 0 && broken === 0) return `${suites.length} document(s), no test cases: nothing was checked`;
  const parts = [`${passed} passed`, `${failed} failed`];
  if (errored) parts.push(`${errored} could not run`);
  if (broken) parts.push(`${broken} document(s) could not be loaded`);
  return `${suites.length} document(s), ${cases.length} test case(s): ${parts.join(', ')}`;
}

/** Runs `test`; returns the exit code. Throws coded errors (exit 2) for the caller to print. */
export async function testCommand(files: string[], options: TestCommandOptions, io: CliIo): Promise<number> {
  const pool = new RunnerPool();
  const suites: JunitSuite[] = [];
  try {
    for (const file of files) suites.push(await runDocument(file, pool, io));
  } finally {
    await pool.close();
  }
  io.stdout(`${summary(suites)}\n`);
  if (options.junit) await writeFileAtomic(options.junit, junitReport(suites));
  if (suites.some((s) => s.loadError !== undefined)) return EXIT_BAD_INPUT;
  if (suites.every((s) => s.cases.length === 0) && !options.passWithNoTests) return EXIT_CHECK_FAILED;
  return suites.every((s) => s.cases.every((c) => c.outcome === 'passed')) ? EXIT_OK : EXIT_CHECK_FAILED;
}

/**
 * Adds `test` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerTestCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('test')
    .description("run the documents' test cases and compare with the expected output (exit 1 on any failure)")
    .argument('<mapping...>', 'project file(s) (*.mapwright.json)')
    .option('--junit <file>', 'also write a JUnit XML report for CI')
    .option('--pass-with-no-tests', 'exit 0 when the documents have no test cases (else 1: nothing was checked)')
    .option('--generate', 'generate failure-mode cases from the good input, run them and print what each expects')
    .option('--write', 'with --generate: add the cases that behave as expected to the project (files under tests/generated/)')
    .action(async (files: string[], options: TestCommandOptions) => setExit(options.generate ? await generateTestsCommand(files, options, io) : await testCommand(files, options, io)));
}
