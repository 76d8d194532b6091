/**
 * Reject rules of the compiled engine (see transforms/check-transforms.ts):
 * typed checks of a present value and conditions that reject. A value that
 * passes is kept; a failure is jsonata's coded rejection, so it bails and
 * jsonata raises it with its own text; `onFail: "missing"` gives nothing.
 * Same contract as runtime.ts.
 */
import { Bail, str } from './runtime';

function bail(reason: string): never {
  throw new Bail(reason);
}

/** A check as the program holds it: its test over the value and its text, and what a failure gives. */
export interface Check {
  test: (value: unknown, text: string) => boolean;
  /** Whether a failure is no value (`onFail: "missing"`) rather than the record's rejection. */
  missing: boolean;
}

/** `$length`: code points. */
function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The length check: `$length($s) >= min and $length($s) <= max`. */
export function lengthTest(min: number | undefined, max: number | undefined): Check['test'] {
  return (_v, s) => {
    const n = length(s);
    return (min === undefined || n >= min) && (max === undefined || n <= max);
  };
}

/** The pattern check: the anchored pattern as jsonata builds it from the regex literal (`re` has no global flag). */
export function patternTest(re: RegExp): Check['test'] {
  return (_v, s) => re.test(s);
}

/** The range check: a number, or text in plain decimal form read as one, within every bound. */
export function rangeTest(bounds: Array<[string, number]>): Check['test'] {
  return (v, s) => {
    const n = typeof v === 'number' ? v : /^-?[0-9]+([.][0-9]+)?$/.test(s) ? Number(s) : undefined;
    if (n === undefined) return false;
    if (!Number.isFinite(n)) bail('range check of a number out of range');
    return bounds.every(([op, b]) => (op === '>=' ? n >= b : op === '>' ? n > b : op === '<=' ? n <= b : n < b));
  };
}

/** The one-of check: the text among the values. */
export function oneOfTest(values: readonly string[]): Check['test'] {
  return (_v, s) => values.includes(s);
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `$checkIban`: spaces out, upper case, the shape, then mod 97 of the rearranged digits is 1. */
export function ibanTest(_v: unknown, s: string): boolean {
  const t = s.split(' ').join('').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(t)) return false;
  let r = 0;
  for (const c of t.slice(4) + t.slice(0, 4)) {
    const d = DIGITS.indexOf(c);
    r = (r * (d > 9 ? 100 : 10) + d) % 97;
  }
  return r === 1;
}

/** `$checkLuhn`: spaces and dashes out, two digits or more, every second digit from the right doubled. */
export function luhnTest(_v: unknown, s: string): boolean {
  const t = s.replace(/[ -]/g, '');
  if (!/^[0-9]{2,}$/.test(t)) return false;
  let sum = 0;
  [...t].reverse().forEach((c, i) => {
    const d = Number(c);
    sum += i % 2 === 1 ? (d > 4 ? d * 2 - 9 : d * 2) : d;
  });
  return sum % 10 === 0;
}

/**
 * The check transform: `$map(value, function($v) {($s := $string($v); $v = null or $s = "" or test ? $v : fail)})`.
 * A list is left to jsonata ($map would unwrap a list of one).
 */
export function check(value: unknown, c: Check): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return bail('check of a list');
  const s = str(value)!;
  if (s === '' || c.test(value, s)) return value;
  return c.missing ? undefined : bail('record rejected by a check');
}

/** A condition that rejects: `pred($v) ? reject : $v`. */
export function reject(value: unknown, test: (v: unknown) => boolean): unknown {
  if (Array.isArray(value)) bail('condition on an array');
  return test(value) ? bail('record rejected by a condition') : value;
}
