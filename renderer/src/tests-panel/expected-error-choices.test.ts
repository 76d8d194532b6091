import { describe, expect, it } from 'vitest';
import { defaultExpectedError, errorFieldChoices, EXPECTED_ERROR_CODES } from './expected-error-choices';

const doc = {
  rules: [{ target: 'customerSince' }, { target: 'contacts.value' }],
  arrays: [{ target: 'contacts' }, { target: '.' }],
} as never;

describe('expected error choices', () => {
  it('offers every rule target and array, not the whole-output array', () => {
    expect(errorFieldChoices(doc)).toEqual(['customerSince', 'contacts.value', 'contacts']);
    expect(errorFieldChoices(undefined)).toEqual([]);
  });

  it("defaults to the preview's first error, its field read as the rule names it", () => {
    const fields = errorFieldChoices(doc);
    expect(defaultExpectedError([{ field: 'contacts[1].value', code: 'MAP_REQUIRED_MISSING' }], fields)).toEqual({ field: 'contacts.value', code: 'MAP_REQUIRED_MISSING' });
    expect(defaultExpectedError([{ field: 'elsewhere', code: 'RUN_EVALUATION' }], fields)).toEqual({ code: 'RUN_EVALUATION' });
    expect(defaultExpectedError([], fields)).toEqual({ code: EXPECTED_ERROR_CODES[0]!.code });
    // The runner's code as the tests read the helpers' messages.
    expect(defaultExpectedError([{ field: 'customerSince', code: 'RUN_EVALUATION', message: 'customerSince: date does not match dd.MM.yyyy, value shaped "9999-99-99" (accountId "A")' }], fields)).toEqual({ field: 'customerSince', code: 'MAP_INVALID_VALUE' });
    expect(defaultExpectedError([{ field: 'contacts[0].value', code: 'RUN_EVALUATION', message: 'contacts[].value is required (accountId "A")' }], fields)).toEqual({ field: 'contacts.value', code: 'MAP_REQUIRED_MISSING' });
  });
});
