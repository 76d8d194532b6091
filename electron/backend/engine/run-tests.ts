/**
 * `runTests`: every test case of a document, through the same
 * `runTestCase` as `mapwright test`, reported for the UI. Differences cross as
 * field paths and a count only: the values on either side are sample data,
 * and the UI shows where the output differs, not what it contains.
 */
import { MapwrightError, formatErrorLine } from '../../../mapping-engine/errors';
import type { CompiledProject } from '../../../mapping-engine/compiler/compile-project';
import { resolveDocumentPath } from '../../../mapping-engine/document/document-paths';
import type { JunitCase } from '../../../mapping-engine/node/cli/junit-report';
import { runTestCase } from '../../../mapping-engine/node/testing/run-test-case';
import type { TestCaseResult, TestRunResult } from '../../contract/methods/engine-methods';
import { validationOf } from '../../../mapping-engine/run/mapping-run';
import type { ValidationTarget } from '../../../mapping-engine/validate/validation-types';
import { loadTargetSchema } from '../../../mapping-engine/validate/load-target';
import { checkedResolver, compileInContext, type EngineContext } from './engine-context';

const DIFFERENCE_COUNT = /^(\d+) difference\(s\)/;
const MORE_DIFFERENCES = /^… and \d+ more differences$/;

/**
 * The paths and the count of a failed comparison, read from the case's
 * message (`N difference(s) from ...`) and its detail lines
 * (`<path>: expected <value>, got <value>`). The values are dropped here.
 */
export function differencesOf(testCase: Pick<JunitCase, 'message' | 'details'>): TestCaseResult['differences'] {
  const count = DIFFERENCE_COUNT.exec(testCase.message ?? '')?.[1];
  if (count === undefined) return undefined;
  const paths = (testCase.details ?? '')
    .split('\n')
    .filter((line) => line !== '' && !MORE_DIFFERENCES.test(line))
    .map((line) => line.slice(0, Math.max(0, line.indexOf(': expected '))) || '(root)');
  return { paths, count: Number(count) };
}

/** The files a case reads, each checked; a case that reaches outside the project is refused before it runs. */
async function checkCaseFiles(context: EngineContext, projectFile: string, test: CompiledProject['document']['tests'][number]): Promise<void> {
  for (const relative of [test.input, test.expected]) {
    if (relative !== undefined) await context.access.checkRead(resolveDocumentPath(projectFile, relative), projectFile);
  }
}

async function runOne(context: EngineContext, project: CompiledProject, projectFile: string, test: CompiledProject['document']['tests'][number], validate: ValidationTarget | undefined): Promise<TestCaseResult> {
  try {
    await checkCaseFiles(context, projectFile, test);
  } catch (error) {
    if (!(error instanceof MapwrightError)) throw error;
    return { name: test.name, outcome: 'error', message: formatErrorLine(error.toJSON()), seconds: 0 };
  }
  const outcome = await runTestCase(project, projectFile, test, context.runner(), validate ? { validate } : {});
  const result: TestCaseResult = { name: outcome.name, outcome: outcome.outcome, seconds: outcome.seconds };
  const differences = outcome.outcome === 'failure' ? differencesOf(outcome) : undefined;
  if (differences) {
    result.differences = differences;
    result.message = `${differences.count} difference(s) from the expected output`;
  } else if (outcome.message !== undefined) {
    result.message = outcome.message;
  }
  return result;
}

/**
 * Runs every test case of `text` (the document at `projectPath`), side by side in the runner.
 * @throws MapwrightError when the document cannot be loaded or compiled
 */
export async function runTests(context: EngineContext, request: { projectPath: string; text: string }): Promise<TestRunResult> {
  const { project, projectFile } = await compileInContext(context, request.text, request.projectPath);
  // Outputs are checked against the target schema as `mapwright test` checks them.
  const target = project.document.tests.length === 0 ? undefined : await loadTargetSchema(project.document, projectFile, checkedResolver(context.access, projectFile));
  const validate = validationOf(target ? { target } : {});
  const cases = await Promise.all(project.document.tests.map((test) => runOne(context, project, projectFile, test, validate)));
  return {
    cases,
    passed: cases.filter((c) => c.outcome === 'passed').length,
    failed: cases.filter((c) => c.outcome === 'failure').length,
    errored: cases.filter((c) => c.outcome === 'error').length,
  };
}
