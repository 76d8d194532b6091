/**
 * How a validation message refers to an output value. Output is computed
 * from payloads, whose values may be personal data, and violation messages
 * reach logs, CI reports and the studio: a text or number is shown only by its
 * shape (digits as 9, letters as A or a, as the transforms' `$invalid` helper
 * does), which tells what is wrong without telling what the value is.
 * Booleans and null carry nothing personal and are shown as they are.
 */
import { valueShape } from '../transforms/invalid-value';

/** The value as a message may show it: `a value shaped "Aaaa 99"`, `true`, `null`. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return `a value shaped "${valueShape(String(value))}"`;
  return JSON.stringify(value) ?? String(value);
}
