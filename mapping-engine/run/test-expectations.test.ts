import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { loadDocument } from '../document/load-document';
import { testCaseSchema } from '../document/document-schema';
import { compareViolations, expectedErrorText, matchesExpectedError, observeRunError, parseExpectedErrorText } from './test-expectations';

const document = loadDocument(
  JSON.stringify({
    formatVersion: 1,
    name: 't',
    source: { format: 'json', samples: [] },
    target: { format: 'json', samples: [] },
    arrays: [{ target: 'lines', source: 'items', required: 'error' }],
    rules: [
      { target: 'lines.qty', sources: ['q'], required: 'error' },
      { target: 'when', sources: ['d'], transforms: [{ kind: 'date', from: 'iso', to: 'yyyyMMdd' }] },
    ],
  }),
).document;
const prepared = { document, compiled: compileDocument(document) };

describe('test expectations', () => {
  it('reads helper-raised errors as a field and a code', () => {
    expect(observeRunError({ code: 'RUN_EVALUATION', jsonataCode: 'D3137', message: 'lines[].qty is required (item 2)' }, prepared)).toEqual({ field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' });
    expect(observeRunError({ code: 'RUN_EVALUATION', jsonataCode: 'D3137', message: 'lines is required' }, prepared)).toEqual({ field: 'lines', code: 'MAP_REQUIRED_MISSING' });
    expect(observeRunError({ code: 'RUN_EVALUATION', jsonataCode: 'D3137', message: 'when: date does not match iso, value shaped "99"' }, prepared)).toEqual({ field: 'when', code: 'MAP_INVALID_VALUE' });
    // A user's own $error naming no field of the document keeps the runner's code.
    expect(observeRunError({ code: 'RUN_EVALUATION', jsonataCode: 'D3137', message: 'other is required' }, prepared).code).toBe('RUN_EVALUATION');
    expect(observeRunError({ code: 'RUN_TIMEOUT', message: 'too slow' }, prepared)).toEqual({ field: '', code: 'RUN_TIMEOUT' });
  });

  it('matches the object form by code and field (array marks aside) and the older text form by code or message', () => {
    const observed = { field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' };
    const error = { code: 'RUN_EVALUATION' as const, message: 'lines[].qty is required' };
    expect(matchesExpectedError({ field: 'lines.qty', code: 'MAP_REQUIRED_MISSING' }, observed, error)).toBe(true);
    expect(matchesExpectedError({ field: 'lines[2].qty', code: 'MAP_REQUIRED_MISSING' }, observed, error)).toBe(true);
    expect(matchesExpectedError({ code: 'MAP_REQUIRED_MISSING' }, observed, error)).toBe(true);
    expect(matchesExpectedError({ field: 'when', code: 'MAP_REQUIRED_MISSING' }, observed, error)).toBe(false);
    expect(matchesExpectedError({ field: 'lines.qty', code: 'MAP_INVALID_VALUE' }, observed, error)).toBe(false);
    expect(matchesExpectedError('RUN_EVALUATION', observed, error)).toBe(true);
    expect(matchesExpectedError('qty is required', observed, error)).toBe(true);
    expect(matchesExpectedError('when', observed, error)).toBe(false);
  });

  it('edits an expected error as one line and reads the older text form unchanged', () => {
    expect(expectedErrorText({ field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' })).toBe('MAP_REQUIRED_MISSING at lines[].qty');
    expect(parseExpectedErrorText('MAP_REQUIRED_MISSING at lines[].qty')).toEqual({ field: 'lines[].qty', code: 'MAP_REQUIRED_MISSING' });
    expect(parseExpectedErrorText(' RUN_TIMEOUT ')).toEqual({ code: 'RUN_TIMEOUT' });
    expect(parseExpectedErrorText('customerSince')).toBe('customerSince');
    // Both forms load; an error code must look like one, and an error case has no output to break the schema.
    expect(testCaseSchema.safeParse({ name: 'a', input: 'i.json', expectError: 'customerSince' }).success).toBe(true);
    expect(testCaseSchema.safeParse({ name: 'a', input: 'i.json', expectError: { field: 'x', code: 'MAP_INVALID_VALUE' } }).success).toBe(true);
    expect(testCaseSchema.safeParse({ name: 'a', input: 'i.json', expectError: { field: 'x', code: 'is missing' } }).success).toBe(false);
    expect(testCaseSchema.safeParse({ name: 'a', input: 'i.json', expectError: 'x', expectViolation: [{ field: 'x', code: 'MAP_TYPE' }] }).success).toBe(false);
  });

  it('compares violations as sets of field and code', () => {
    const observed = [{ field: 'lines[0].qty', code: 'MAP_TYPE' }];
    expect(compareViolations([{ field: 'lines[].qty', code: 'MAP_TYPE' }], observed)).toEqual({ unexpected: [], missing: [] });
    expect(compareViolations([{ field: 'when', code: 'MAP_PATTERN' }], observed)).toEqual({ unexpected: observed, missing: [{ field: 'when', code: 'MAP_PATTERN' }] });
  });
});
