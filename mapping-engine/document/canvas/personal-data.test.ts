import { describe, expect, it } from 'vitest';
import { maskedCategory, reportPath } from './personal-data';

describe('personal-data markers', () => {
  it('marks fields the masker detects by name, with a person context for a bare name', () => {
    expect(maskedCategory(['customer', 'email'], [false, false], undefined)).toBe('email');
    expect(maskedCategory(['customer', 'name'], [false, false], undefined)).toBe('fullName');
    expect(maskedCategory(['product', 'name'], [false, false], undefined)).toBeUndefined();
    expect(maskedCategory(['annualRevenue'], [false], undefined)).toBeUndefined();
  });

  it('applies the policy: kept categories, always and never by report path', () => {
    expect(reportPath(['contacts', 'value'], [true, false])).toBe('contacts[].value');
    expect(maskedCategory(['email'], [false], { keepCategories: ['email'] })).toBeUndefined();
    expect(maskedCategory(['contacts', 'value'], [true, false], { fields: { 'contacts[].value': 'always' } })).toBe('other');
    expect(maskedCategory(['email'], [false], { fields: { email: 'never' } })).toBeUndefined();
  });
});
