/**
 * Test results as the spec reports them. A runner's failure text can quote
 * output values ("expected 12.5, got 13") or the payload text an error named
 * ("date "31.02.2024" does not match"); the spec keeps only the outcome, the
 * error code, difference counts and field paths, so no payload value leaves
 * the project through an export.
 */
import type { TestCase } from '../document/document-schema';
import type { SpecTest, SpecTestOutcome } from './spec-types';
import { specPath } from './spec-path';

/** A test case's result as a runner reports it (the shape `runTestCase` returns). */
export interface TestResultInput {
  name: string;
  outcome: 'passed' | 'failure' | 'error';
  /** One-line reason. */
  message?: string;
  /** One difference per line, `path: expected ..., got ...`. */
  details?: string;
}

const MAX_PATHS = 20;

/** The error code at the start of a formatted error line (`RUN_EVALUATION file: ...`). */
function codeIn(text: string): string | undefined {
  return /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/.exec(text)?.[1];
}

/** Field paths of the differences, as the spec writes paths (`lines[2].total` is `lines.total`), each once; the value part after `: expected` is dropped. */
function differingPaths(details: string | undefined): string[] {
  const paths: string[] = [];
  for (const line of details?.split('\n') ?? []) {
    const match = /^(.*?): expected /.exec(line);
    const path = match ? specPath(match[1]!) : undefined;
    if (path !== undefined && !paths.includes(path) && paths.length < MAX_PATHS) paths.push(path);
  }
  return paths;
}

/** A failure message with every quoted or free-form value replaced by its error code. */
function safeMessage(test: TestCase, result: TestResultInput): string | undefined {
  const message = result.message ?? '';
  if (result.outcome === 'passed') return undefined;
  if (result.outcome === 'error') {
    const code = codeIn(message);
    return `the case could not run${code ? ` (${code})` : ''}`;
  }
  if (test.expectError !== undefined) {
    // The Expects cell says which error; the path is not repeated in the message.
    if (/produced a result/.test(message)) return 'the mapping produced a result instead of the expected error';
    const got = message.slice(message.indexOf(', got ') + 1);
    const code = /"code":"([A-Z0-9_]+)"/.exec(got)?.[1] ?? codeIn(got);
    return `got a different error${code ? ` (${code})` : ''}`;
  }
  const count = /^(\d+) difference/.exec(message)?.[1];
  if (count) return `${count} difference(s) from ${test.expected}`;
  const code = codeIn(message);
  return `the run failed${code ? ` (${code})` : ''}`;
}

/** An expected error in words: `the error MAP_REQUIRED_MISSING at firstName` (the field as the spec writes paths), or the older text form quoted. */
function errorWords(expect: NonNullable<TestCase['expectError']>): string {
  if (typeof expect === 'string') return `an error matching ${JSON.stringify(expect)}`;
  return expect.field === undefined ? `the error ${expect.code}` : `the error ${expect.code} at ${specPath(expect.field)}`;
}

function expects(test: TestCase): string {
  return test.expected !== undefined ? `output ${test.expected}` : errorWords(test.expectError!);
}

/** The field an expected error names, as the spec writes paths; the renderers show it as a path. */
function expectedField(test: TestCase): string | undefined {
  const expect = test.expectError;
  return test.expected === undefined && typeof expect === 'object' && expect.field !== undefined ? specPath(expect.field) : undefined;
}

/**
 * The spec's rows for the document's test cases; a case without a result
 * (matched by name) is `not run`.
 */
export function summariseTests(tests: readonly TestCase[], results: readonly TestResultInput[]): SpecTest[] {
  return tests.map((test) => {
    const result = results.find((r) => r.name === test.name);
    const row: SpecTest = { name: test.name, input: test.input, expects: expects(test), outcome: 'not run' };
    const field = expectedField(test);
    if (field !== undefined) row.field = field;
    if (!result) return row;
    const outcome: SpecTestOutcome = result.outcome === 'failure' ? 'failed' : result.outcome;
    row.outcome = outcome;
    const message = safeMessage(test, result);
    if (message !== undefined) row.message = message;
    const paths = outcome === 'failed' && test.expected !== undefined ? differingPaths(result.details) : [];
    if (paths.length) row.differingPaths = paths;
    return row;
  });
}
