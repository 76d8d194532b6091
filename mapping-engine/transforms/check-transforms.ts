/**
 * Reject rules: typed checks of a value (length, pattern, numeric range,
 * one of a list, IBAN mod 97, Luhn) and conditions that reject. A value that
 * fails rejects the record with a coded error, `RECORD_REJECTED: <field>:
 * <problem>, value shaped "..." (<record>)`, raised through the `$invalid`
 * helper so the value itself is never printed; the host reads the prefix as
 * the error code (see run/run-errors.ts) and plain jsonata shows it as text.
 * Or the value becomes no value (`onFail: "missing"`), so the rule's
 * required policy (omit, default, error) decides. Empty values (missing,
 * `null`, `""`) are not checked: they are the required policy's business.
 */
import { invalidCall } from './invalid-value';
import { literal, regexLiteral } from './jsonata-text';
import type { NodeOf } from './transform-node';
import type { SpecTable, TransformContext } from './types';

/** The prefix of a rejection's message, read back as its code. */
export const REJECT_PREFIX = 'RECORD_REJECTED: ';

/**
 * The check-digit helpers, bound once at the top when a check uses them (one
 * line each; the writer indents them). IBAN: letters and digits after the
 * country and check digits, moved to the end, letters as 10..35, the whole
 * number mod 97 is 1 (ISO 13616), computed digit by digit so it never leaves
 * safe integers. Luhn: from the right, every second digit doubled (less 9
 * past 9), the sum a multiple of 10.
 */
export const CHECK_DIGIT_HELPER: readonly string[] = [
  '$checkIban := function($s) {(',
  '  $t := $uppercase($replace($s, " ", ""));',
  '  $digits := "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";',
  '  $contains($t, /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/) ? $reduce($split($substring($t, 4) & $substring($t, 0, 4), ""), function($r, $c) {($d := $length($substringBefore($digits, $c)); ($r * ($d > 9 ? 100 : 10) + $d) % 97)}, 0) = 1 : false',
  ')};',
  '$checkLuhn := function($s) {(',
  '  $t := $replace($s, /[ -]/, "");',
  '  $contains($t, /^[0-9]{2,}$/) ? $sum($map($reverse($split($t, "")), function($c, $i) {($d := $number($c); $i % 2 = 1 ? ($d > 4 ? $d * 2 - 9 : $d * 2) : $d)})) % 10 = 0 : false',
  ')};',
];

/** Whether `node` calls a check-digit helper. */
export function usesCheckDigits(node: { kind: string; test?: string }): boolean {
  return node.kind === 'check' && (node.test === 'iban' || node.test === 'luhn');
}

/** JSONata text raising the rejection of `$s` for `problem`. */
export function rejectCall(ctx: TransformContext, problem: string, valueVariable = '$s'): string {
  return invalidCall({ ...ctx, field: `${REJECT_PREFIX}${ctx.field}` }, problem, valueVariable);
}

/** Text of a number for messages: `0`, `35`. */
function num(value: number): string {
  return String(value);
}

/** The test (JSONata boolean over `$v`, `$s` its text) and what a value must be (a failure is "not <want>"). */
function checkOf(n: NodeOf<'check'>): { test: string; want: string } {
  switch (n.test) {
    case 'length': {
      if (n.min === undefined && n.max === undefined) throw new Error('a length check needs min or max');
      const parts = [n.min === undefined ? undefined : `$length($s) >= ${num(n.min)}`, n.max === undefined ? undefined : `$length($s) <= ${num(n.max)}`].filter(Boolean);
      const words = n.min !== undefined && n.max !== undefined ? `${n.min} to ${n.max}` : n.min !== undefined ? `at least ${n.min}` : `at most ${n.max}`;
      return { test: parts.join(' and '), want: `${words} characters long` };
    }
    case 'pattern': {
      if (n.pattern === undefined) throw new Error('a pattern check needs a pattern');
      new RegExp(n.pattern, 'u'); // throws on a bad pattern, reported by the registry against the field
      return { test: `$contains($s, ${regexLiteral(`^(?:${n.pattern})$`)})`, want: `matching the pattern ${n.pattern}` };
    }
    case 'range': {
      const bounds: Array<[number | undefined, string, string]> = [
        [n.min, '>=', 'at least'],
        [n.exclusiveMin, '>', 'more than'],
        [n.max, '<=', 'at most'],
        [n.exclusiveMax, '<', 'less than'],
      ];
      const set = bounds.filter((b): b is [number, string, string] => b[0] !== undefined);
      if (set.length === 0) throw new Error('a range check needs min, max, exclusiveMin or exclusiveMax');
      // Text reads as a number only in plain decimal form; anything else fails the check rather than jsonata's cast.
      const number = '($type($v) = "number" ? $v : $contains($s, /^-?[0-9]+([.][0-9]+)?$/) ? $number($s) : null)';
      const test = `($n := ${number}; $type($n) = "number" ? ${set.map(([b, op]) => `$n ${op} ${num(b)}`).join(' and ')} : false)`;
      return { test, want: `a number ${set.map(([b, , words]) => `${words} ${b}`).join(' and ')}` };
    }
    case 'oneOf': {
      if (!n.values || n.values.length === 0) throw new Error('a one-of check needs values');
      return { test: `$s in [${n.values.map(literal).join(', ')}]`, want: `one of ${n.values.join(', ')}` };
    }
    case 'iban':
      return { test: '$checkIban($s)', want: 'an IBAN with valid check digits (mod 97)' };
    case 'luhn':
      return { test: '$checkLuhn($s)', want: 'a number with a valid Luhn check digit' };
  }
}

/** Compilers and descriptions of the check transform. */
export const CHECK_TRANSFORMS: SpecTable<'check'> = {
  check: {
    compile: (n, input, ctx) => {
      const { test, want } = checkOf(n);
      const fail = n.onFail === 'missing' ? '()' : rejectCall(ctx, `not ${want}`);
      // Each value of a list is checked on its own, as parseNumber reads each one.
      return `$map(${input}, function($v) {($s := $string($v); $v = null or $s = "" or ${test} ? $v : ${fail})})`;
    },
    describe: (n) => `Must be ${checkOf(n).want}; otherwise ${n.onFail === 'missing' ? 'it counts as missing' : 'the record is rejected'}.`,
  },
};
