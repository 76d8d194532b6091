/**
 * Peels the date transform (../../transforms/date-transforms.ts) off a
 * value: `($s := $text(X); <parse>; $exists($s) ? (<format>) : ())`.
 * Patterns are read back from JSONata pictures; a two-digit year shows as a
 * widening step (`$t := ...`) whose comparison holds the pivot year.
 */
import { bound, call, num, str, textInput, unwrap } from './ast-helpers';
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
  // ISO and epoch text are checked for their shape first: `$contains($s, shape) ? <read> : null`.
  if (ms.type === 'condition' && ms.then) {
    const read = ms.then as AstNode;
    if (call(read, 'toMillis', 1)) return 'iso';
    if (call(read, 'number', 1)) return 'epoch-ms';
    if (read.type === 'binary' && read.value === '*') return 'epoch-s';
    return undefined;
  }
  const picture = str(call(ms, 'toMillis', 2)?.[1]);
  return picture === undefined ? undefined : patternOf(picture, widened);
}

/** A number literal, negative ones included (they may parse as unary minus). */
function signed(node: AstNode | undefined): number | undefined {
  if (node?.type === 'unary' && node.value === '-') {
    const n = num(node.expression as AstNode | undefined);
    return n === undefined ? undefined : -n;
  }
  return num(node);
}

/**
 * The zone a date is written in, from the minutes bound to `$z` (see
 * transforms/date-zones.ts): a number for a fixed offset,
 * `$zoneOffset($ms, "Europe/Berlin", rule)` for a named zone, or a block
 * matching the source's offset for `source`. The rule itself is checked by
 * recompiling.
 */
function zoneOf(node: AstNode | undefined): string | undefined {
  const minutes = signed(node);
  if (minutes !== undefined) {
    const abs = Math.abs(minutes);
    return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  }
  const named = node && str(call(node, 'zoneOffset', 3)?.[1]);
  if (named !== undefined) return named;
  return node?.type === 'block' && JSON.stringify(node).includes('"value":"match"') ? 'source' : undefined;
}

function toOf(format: AstNode): { to: string; timezone?: string } | undefined {
  if (format.type === 'variable' && format.value === 'ms') return { to: 'epoch-ms' };
  if (call(format, 'floor', 1)) return { to: 'epoch-s' };
  if (call(format, 'fromMillis', 1)) return { to: 'iso' };
  const zoned = bound(format, 'z');
  if (zoned) {
    // `($z := minutes; $fromMillis($ms + $z * 60000, picture))`, for ISO followed by `& offset`.
    const timezone = zoneOf(zoned[0]);
    let text = zoned[1].length === 1 ? zoned[1][0] : undefined;
    const iso = text?.type === 'binary' && text.value === '&';
    while (text?.type === 'binary' && text.value === '&') text = text.lhs as AstNode;
    const picture = text && str(call(text, 'fromMillis', 2)?.[1]);
    const to = picture === undefined ? undefined : iso ? 'iso' : patternOf(picture, false);
    return timezone === undefined || to === undefined ? undefined : { to, timezone };
  }
  const picture = str(call(format, 'fromMillis', 2)?.[1]);
  const to = picture === undefined ? undefined : patternOf(picture, false);
  return to === undefined ? undefined : { to };
}

/** The date transform's peeler. */
export const datePeeler: Peeler = (n) => {
  const b = bound(n, 's');
  const input = textInput(b?.[0]);
  const rest = b?.[1] ?? [];
  const widen = rest.length === 3 ? rest[0] : undefined;
  const ms = rest[rest.length - 2];
  const check = rest[rest.length - 1];
  if (!input || !ms || ms.type !== 'bind' || !ms.rhs || check?.type !== 'condition') return undefined;
  const from = fromOf(ms.rhs, widen !== undefined);
  const body = unwrap(check.then);
  const format = body?.type === 'condition' ? body.then : body;
  const target = format && toOf(format);
  if (from === undefined || !target) return undefined;
  const onInvalid = body?.type === 'condition' && body.else?.type === 'block' ? 'omit' : 'error';
  const pivotYear = widen ? pivotIn(widen) : 50;
  if (pivotYear === undefined) return undefined;
  return { node: { kind: 'date', from, ...target, pivotYear, onInvalid }, input };
};
