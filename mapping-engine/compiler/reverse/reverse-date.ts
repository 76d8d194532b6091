/**
 * Peels the date transform (../../transforms/date-transforms.ts) off a
 * value: `($s := $string(X); <parse>; $exists($s) ? (<format>) : ())`.
 * Patterns are read back from JSONata pictures; a two-digit year shows as a
 * widening step (`$t := ...`) whose comparison holds the pivot year.
 */
import { bound, call, num, str, unString, unwrap } from './ast-helpers';
import type { AstNode } from './reverse-source';
import type { Peeler } from './reverse-transform';

const PICTURE_TOKENS: Array<[string, string]> = [
  ['[Y0001]', 'yyyy'],
  ['[M01]', 'MM'],
  ['[D01]', 'dd'],
  ['[H01]', 'HH'],
  ['[m01]', 'mm'],
  ['[s01]', 'ss'],
  ['[f001]', 'SSS'],
  ['[[', '['],
  [']]', ']'],
];

/** The pattern a picture was written from; `twoDigitYear` turns the year token into `yy`. */
function patternOf(picture: string, twoDigitYear: boolean): string | undefined {
  let out = '';
  let i = 0;
  while (i < picture.length) {
    const token = PICTURE_TOKENS.find(([t]) => picture.startsWith(t, i));
    if (token) {
      out += token[0] === '[Y0001]' && twoDigitYear ? 'yy' : token[1];
      i += token[0].length;
    } else if (picture[i] === '[' || picture[i] === ']') return undefined;
    else out += picture[i++];
  }
  return out;
}

/** The first `< number` comparison inside `node` (the pivot of a two-digit year). */
function pivotIn(node: unknown): number | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as AstNode;
  if (n.type === 'binary' && n.value === '<' && num(n.rhs) !== undefined) return num(n.rhs);
  for (const value of Object.values(n)) {
    const found = Array.isArray(value) ? value.map(pivotIn).find((v) => v !== undefined) : pivotIn(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

function fromOf(ms: AstNode, widened: boolean): string | undefined {
  if (ms.type === 'condition') return 'iso';
  if (call(ms, 'number', 1)) return 'epoch-ms';
  if (ms.type === 'binary' && ms.value === '*') return 'epoch-s';
  const picture = str(call(ms, 'toMillis', 2)?.[1]);
  return picture === undefined ? undefined : patternOf(picture, widened);
}

function toOf(format: AstNode): { to: string; timezone?: string } | undefined {
  if (format.type === 'variable' && format.value === 'ms') return { to: 'epoch-ms' };
  if (call(format, 'floor', 1)) return { to: 'epoch-s' };
  if (call(format, 'fromMillis', 1)) return { to: 'iso' };
  const a = call(format, 'fromMillis', 2) ?? call(format, 'fromMillis', 3);
  const picture = str(a?.[1]);
  const timezone = str(a?.[2]);
  if (picture === undefined) return undefined;
  const to = picture.endsWith('[Z01:01]') && timezone !== undefined ? 'iso' : patternOf(picture, false);
  if (to === undefined) return undefined;
  return timezone === undefined ? { to } : { to, timezone };
}

/** The date transform's peeler. */
export const datePeeler: Peeler = (n) => {
  const b = bound(n, 's');
  const input = unString(b?.[0]);
  const rest = b?.[1] ?? [];
  const widen = rest.length === 3 ? rest[0] : undefined;
  const ms = rest[rest.length - 2];
  const check = rest[rest.length - 1];
  if (!input || !ms || ms.type !== 'bind' || !ms.rhs || check?.type !== 'condition') return undefined;
  const from = fromOf(ms.rhs, widen !== undefined);
  const body = unwrap(check.then);
  // Epoch input has no validity test: the body is the format step itself.
  const format = body?.type === 'condition' ? body.then : body;
  const target = format && toOf(format);
  if (from === undefined || !target) return undefined;
  const onInvalid = body?.type === 'condition' && body.else?.type === 'block' ? 'omit' : 'error';
  const pivotYear = widen ? pivotIn(widen) : 50;
  if (pivotYear === undefined) return undefined;
  return { node: { kind: 'date', from, ...target, pivotYear, onInvalid }, input };
};
