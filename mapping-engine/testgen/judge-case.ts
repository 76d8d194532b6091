/**
 * Whether a generated case's run did what the case expects, and the test
 * case a user keeps. Errors are kept as `expectError`, too-long values as
 * `expectViolation`; other cases keep the run's output as their expected
 * file, once the prediction (a default, an omission, a count) agreed with it.
 */
import type { TestCase } from '../document/document-schema';
import type { JsonValue } from '../payload/types';
import type { CaseExpectation, GeneratedCase } from './generate-cases';

/** What running a generated case gave. */
export type CaseOutcome = { error: { field: string; code: string } } | { output: JsonValue; violations?: ReadonlyArray<{ field: string; code: string }> };

/** A case's verdict. */
export interface CaseVerdict {
  agrees: boolean;
  /** What happened, in words (`MAP_REQUIRED_MISSING at firstName`, `status is "PROSPECT"`). */
  observed: string;
}

const plain = (field: string) => field.replace(/\[\d*\]/g, '');

/** The value of a label in an output, stepping into the first item of every list; undefined when absent. */
export function valueOfField(output: JsonValue | undefined, field: string): JsonValue | undefined {
  let current = output;
  const names = field === '.' ? [] : plain(field).split('.');
  for (const name of names) {
    if (Array.isArray(current)) current = current[0];
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, name)) return undefined;
    current = current[name];
  }
  return current;
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** Judges `outcome` against the case's expectation. */
export function judgeCase(expect: CaseExpectation, outcome: CaseOutcome): CaseVerdict {
  if ('error' in outcome) {
    const observed = `${outcome.error.code} at ${outcome.error.field}`;
    return { agrees: expect.kind === 'error' && expect.code === outcome.error.code && plain(expect.field) === plain(outcome.error.field), observed };
  }
  const value = valueOfField(outcome.output, expect.field);
  switch (expect.kind) {
    case 'error':
      return { agrees: false, observed: `no error; ${expect.field} is ${show(value)}` };
    case 'violation': {
      const hit = (outcome.violations ?? []).some((v) => v.code === expect.code && plain(v.field) === plain(expect.field));
      return { agrees: hit, observed: hit ? `${expect.code} at ${expect.field}` : `no ${expect.code} at ${expect.field}` };
    }
    case 'omit':
      return { agrees: value === undefined, observed: `${expect.field} is ${show(value)}` };
    case 'default':
    case 'value':
      return { agrees: value === expect.value, observed: `${expect.field} is ${show(value)}` };
    case 'count': {
      const count = value === undefined || value === null ? 0 : Array.isArray(value) ? value.length : 1;
      return { agrees: count === expect.count, observed: `${expect.field} has ${count} item(s)` };
    }
  }
}

/** The expectation in words, as the studio and the CLI show it. */
export function describeExpectation(expect: CaseExpectation): string {
  switch (expect.kind) {
    case 'error':
      return `${expect.code} at ${expect.field}`;
    case 'violation':
      return `${expect.code} violation at ${expect.field}`;
    case 'omit':
      return `${expect.field} left out`;
    case 'default':
      return `${expect.field} gets the default ${JSON.stringify(expect.value)}`;
    case 'value':
      return `${expect.field} is ${JSON.stringify(expect.value)}`;
    case 'count':
      return `${expect.field} has ${expect.count} item(s)`;
  }
}

/** File names for a kept case: the input and (for cases that keep the output) the expected output. */
export interface CaseFiles {
  input: string;
  expected: string;
}

/** The test case a user keeps for `generated`, reading its files from `files`. */
export function toTestCase(generated: GeneratedCase, files: CaseFiles): TestCase {
  const expect = generated.expect;
  if (expect.kind === 'error') return { name: generated.name, input: files.input, expectError: { field: expect.field, code: expect.code } };
  if (expect.kind === 'violation') return { name: generated.name, input: files.input, expected: files.expected, expectViolation: [{ field: expect.field, code: expect.code }] };
  return { name: generated.name, input: files.input, expected: files.expected };
}

/** A file-name stem for a case (`generated-status-unknown-code`), unique within `taken`. */
export function caseFileStem(generated: GeneratedCase, taken: Set<string>): string {
  const base = `generated-${generated.name.replace(/^generated:\s*/, '')}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  let stem = base;
  for (let i = 2; taken.has(stem); i++) stem = `${base}-${i}`;
  taken.add(stem);
  return stem;
}
