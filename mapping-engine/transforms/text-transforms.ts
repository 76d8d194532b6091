/** Text transforms: copy, constant, default, concat, split, substring, trim, case, pad, replace. */
import { literal, regexLiteral } from './jsonata-text';
import { presentText } from './present-value';
import type { SpecTable } from './types';

/** Whether `pattern` (global) matches empty text somewhere in a few ordinary values, as `a*` or `^` do. */
function matchesEmpty(pattern: RegExp): boolean {
  return ['', 'a', 'A1 -', 'ACC-1'].some((text) => [...text.matchAll(pattern)].some((m) => m[0] === ''));
}

type TextKind = 'copy' | 'constant' | 'default' | 'concat' | 'split' | 'substring' | 'trim' | 'case' | 'pad' | 'replace';

/** Compilers and descriptions of the text transforms. */
export const TEXT_TRANSFORMS: SpecTable<TextKind> = {
  copy: {
    compile: (_n, input) => input,
    describe: () => 'Copied unchanged.',
  },
  constant: {
    compile: (n) => literal(n.value),
    describe: (n) => `Always ${JSON.stringify(n.value)}.`,
  },
  default: {
    // Missing, null and "" all count as "no value": CSV cells and XML text are empty strings, not absent.
    compile: (n, input) => `($v := ${input}; $exists($v) and $v != null and $v != "" ? $v : ${literal(n.value)})`,
    describe: (n) => `${JSON.stringify(n.value)} when the value is missing or empty.`,
  },
  concat: {
    // Each value is turned into text by $map, one call per value: a path step (`X.$string()`) on a single
    // string would walk its characters and give "M, a, i, n". Empty parts are dropped unless kept, so a
    // missing middle name leaves no double separator. A source with no value at all is not in the list.
    compile: (n, input) =>
      n.keepEmpty
        ? `$join($map(${input}, function($v) {$type($v) = "null" ? "" : $string($v)}), ${literal(n.separator)})`
        : `$join($map(${input}[$type($) != "null" and $ != ""], function($v) {$string($v)}), ${literal(n.separator)})`,
    describe: (n) => `The ${n.keepEmpty ? '' : 'non-empty '}values joined with ${JSON.stringify(n.separator)}${n.keepEmpty ? ' (empty ones kept)' : ''}.`,
  },
  split: {
    compile: (n, input, ctx) => `$split(${presentText(input, ctx)}, ${literal(n.separator)})${n.index === undefined ? '' : `[${n.index}]`}`,
    describe: (n) => `Split at ${JSON.stringify(n.separator)}${n.index === undefined ? '' : n.index < 0 ? `, part ${-n.index} from the end` : `, part ${n.index + 1}`}.`,
  },
  substring: {
    compile: (n, input, ctx) => `$substring(${presentText(input, ctx)}, ${n.start}${n.length === undefined ? '' : `, ${n.length}`})`,
    describe: (n) => `Characters from position ${n.start + 1}${n.length === undefined ? '' : `, ${n.length} long`}.`,
  },
  trim: {
    // Through $text: null is no value (not a jsonata error) and a number is trimmed as its text.
    compile: (_n, input, ctx) => `$trim(${presentText(input, ctx)})`,
    describe: () => 'Leading, trailing and repeated inner spaces removed.',
  },
  case: {
    compile: (n, input, ctx) => {
      const text = presentText(input, ctx);
      if (n.mode === 'upper') return `$uppercase(${text})`;
      if (n.mode === 'lower') return `$lowercase(${text})`;
      return `$join($split($lowercase(${text}), " ").($uppercase($substring($, 0, 1)) & $substring($, 1)), " ")`;
    },
    describe: (n) => ({ upper: 'In upper case.', lower: 'In lower case.', title: 'In title case (each word capitalised).' })[n.mode],
  },
  pad: {
    // $pad pads on the left for a negative width. Empty text is no value, not a field of padding.
    compile: (n, input, ctx) => `$pad(${presentText(input, ctx)}, ${n.side === 'left' ? -n.width : n.width}, ${literal(n.char)})`,
    describe: (n) => `Padded on the ${n.side} with ${JSON.stringify(n.char)} to ${n.width} characters.`,
  },
  replace: {
    compile: (n, input, ctx) => {
      if (n.regex && matchesEmpty(new RegExp(n.pattern, `g${n.flags ?? ''}`))) {
        // jsonata refuses a zero-length match at run time (D1004); said here, at validate time, against the rule.
        throw new Error(`the pattern ${JSON.stringify(n.pattern)} can match empty text, which jsonata's $replace refuses; make it match at least one character`);
      }
      const pattern = n.regex ? regexLiteral(n.pattern, n.flags ?? '') : literal(n.pattern);
      // Null is no value, not the text "null".
      return `$replace(${presentText(input, ctx)}, ${pattern}, ${literal(n.replacement)})`;
    },
    describe: (n) => `Every ${n.regex ? 'match of the pattern' : 'occurrence of'} ${JSON.stringify(n.pattern)} replaced with ${JSON.stringify(n.replacement)}.`,
  },
};
