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
  });
});
