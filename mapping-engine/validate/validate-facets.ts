/**
 * The XSD value facets the field model carries beyond enumeration, pattern
 * and maxLength: `minLength` (and `length`), the four bounds and
 * `totalDigits`/`fractionDigits`. XML output is text, so a number may come
 * as `"1001.00"`; its digits are counted as XSD counts them (leading zeros
 * and trailing fraction zeros do not count).
 */
import type { ValueFacets } from '../schema/model';
import { shownValue } from './shown-value';
import { positionalNumberText } from '../schema/xsd/xsd-number-kinds';

/** The digits of decimal text: total and after the point, as XSD counts them; undefined when it is not decimal text. */
function digitsOf(text: string): { total: number; fraction: number } | undefined {
  const match = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return undefined;
  const whole = match[1]!.replace(/^0+/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return { total: Math.max(whole.length + fraction.length, 1), fraction: fraction.length };
}

/** What `value` breaks of `facets`, one message each (empty when it fits). */
export function facetProblems(value: unknown, facets: ValueFacets): string[] {
  const problems: string[] = [];
  const shown = (): string => shownValue(value);
  if (typeof value === 'string' && facets.minLength !== undefined && [...value].length < facets.minLength) problems.push(`${shown()} is shorter than ${facets.minLength} characters`);
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isFinite(number)) {
    if (facets.minInclusive !== undefined && number < facets.minInclusive) problems.push(`${shown()} is less than ${facets.minInclusive}`);
    if (facets.maxInclusive !== undefined && number > facets.maxInclusive) problems.push(`${shown()} is more than ${facets.maxInclusive}`);
    if (facets.minExclusive !== undefined && number <= facets.minExclusive) problems.push(`${shown()} is not more than ${facets.minExclusive}`);
    if (facets.maxExclusive !== undefined && number >= facets.maxExclusive) problems.push(`${shown()} is not less than ${facets.maxExclusive}`);
    // A number is counted as the XML writer writes it for a decimal: 1e-7 as 0.0000001, seven digits after the point.
    const digits = facets.totalDigits !== undefined || facets.fractionDigits !== undefined ? digitsOf(typeof value === 'number' ? positionalNumberText(value) : String(value)) : undefined;
    if (digits && facets.totalDigits !== undefined && digits.total > facets.totalDigits) problems.push(`${shown()} has more than ${facets.totalDigits} digits`);
    if (digits && facets.fractionDigits !== undefined && digits.fraction > facets.fractionDigits) problems.push(`${shown()} has more than ${facets.fractionDigits} digits after the decimal point`);
  }
  return problems;
}
