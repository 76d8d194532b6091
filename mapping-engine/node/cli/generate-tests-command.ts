/**
 * `mapwright test <mapping> --generate [--write]`: generates the failure-mode
 * test cases of one project from its good input, runs each and prints what
 * it expects, why, and whether the mapping does so today. With `--write` the
 * cases that agree are written under tests/generated/ and added to the
 * project file (atomically); the others are for a person to look at.
 *
 * Exit codes: 0 every case agrees; 1 some case differs; 2 bad input.
 */
import { serializeDocument } from '../../document/serialize-document';
import { MapwrightError } from '../../errors';
import { describeExpectation } from '../../testgen/judge-case';
import { validationOf } from '../../run/mapping-run';
import { loadTargetSchema } from '../../validate/load-target';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { writeFileAtomic } from '../read-file';
import { RunnerPool } from '../runner/runner-pool';
import { generateProjectTests, keepGeneratedTests, type RunGeneratedCase } from '../testing/generate-tests';
import type { CliIo } from './cli-io';
import { loadProjectFile } from './compile-command';
import { EXIT_CHECK_FAILED, EXIT_OK } from './exit-codes';

/** Options of `test --generate`. */
export interface GenerateTestsCommandOptions {
  write?: boolean;
}

function printCase(c: RunGeneratedCase, io: CliIo): void {
  io.stdout(`  ${c.verdict.agrees ? 'ok    ' : 'DIFFERS'} ${c.name}\n`);
  io.stdout(`      expects ${describeExpectation(c.expect)} (${c.reason})\n`);
  if (!c.verdict.agrees) io.stdout(`      got ${c.verdict.observed}\n`);
}

/** Runs `test --generate` on one project; returns the exit code. */
export async function generateTestsCommand(files: string[], options: GenerateTestsCommandOptions, io: CliIo): Promise<number> {
  if (files.length !== 1) throw new MapwrightError('USAGE', 'test --generate takes one project file', { expected: 'mapwright test <project> --generate' });
  const file = files[0]!;
  const project = await loadProjectFile(file);
  const target = await loadTargetSchema(project.document, file, createFsResolver(referenceScope([file])));
  const validate = validationOf(target ? { target } : {});
  const pool = new RunnerPool();
  let cases: RunGeneratedCase[];
  try {
    cases = await generateProjectTests(project, file, pool, { ...(validate ? { validate } : {}), ...(target?.schema ? { targetRoot: target.schema.root } : {}) });
  } finally {
    await pool.close();
  }
  io.stdout(`${file}\n`);
  if (cases.length === 0) io.stdout('  (no failure-mode cases: no rule reads a source the good input has)\n');
  for (const c of cases) printCase(c, io);
  const agreeing = cases.filter((c) => c.verdict.agrees);
  io.stdout(`${cases.length} generated case(s): ${agreeing.length} as expected, ${cases.length - agreeing.length} differ\n`);
  if (options.write && agreeing.length > 0) {
    const doc = await keepGeneratedTests(project.document, file, agreeing);
    await writeFileAtomic(file, serializeDocument(doc));
    io.stderr(`added ${doc.tests.length - project.document.tests.length} test case(s) to ${file}\n`);
  }
  return agreeing.length === cases.length ? EXIT_OK : EXIT_CHECK_FAILED;
}
