/**
 * Peelers for the transforms that compile to blocks and operators: replace,
 * arithmetic, value map, boolean parse, sort without a field, filter and
 * date. Like the others they only guess; the caller keeps a guess when it
 * recompiles to the same text.
 */
import type { Scalar, TransformNode } from '../../transforms/transform-node';
import type { AstNode } from './reverse-source';
import { bound, call, num, scalar, str, stringList, unExact, unPresent, textInput, unwrap } from './ast-helpers';
import { datePeeler } from './reverse-date';
import { conditionPeeler, filterPeeler } from './reverse-predicate';
import type { Peeler } from './reverse-transform';

type OnUnknown = { onUnknown: 'default' | 'error' | 'keep'; default?: Scalar };

/** The "not found" branch of a value map: `$v` keeps, `$invalid` fails, `()` omits, a literal is the default. */
function unknownOf(node: AstNode | undefined): OnUnknown | undefined {
  if (node?.type === 'variable' && node.value === 'v') return { onUnknown: 'keep' };
  // `$invalid(field, problem, $k)` and `$invalid(..., $record)`: see transforms/invalid-value.ts.
  if (node && (call(node, 'invalid', 3) || call(node, 'invalid', 4))) return { onUnknown: 'error' };
  if (node?.type === 'block' && node.expressions?.length === 0) return { onUnknown: 'default' };
  const value = scalar(node);
  return value === undefined ? undefined : { onUnknown: 'default', default: value };
}

const replace: Peeler = (n) => {
  const a = call(n, 'replace', 3);
  const input = textInput(a?.[0]);
  const replacement = str(a?.[2]);
  if (!input || replacement === undefined) return undefined;
  const plain = str(a?.[1]);
  if (plain !== undefined) return { node: { kind: 'replace', pattern: plain, replacement, regex: false }, input };
  const re = a?.[1]?.type === 'regex' && a[1].value instanceof RegExp ? a[1].value : undefined;
  if (!re) return undefined;
  const flags = re.flags.replace(/[^im]/g, '');
  return { node: flags ? { kind: 'replace', pattern: re.source, replacement, regex: true, flags } : { kind: 'replace', pattern: re.source, replacement, regex: true }, input };
};

/**
 * `($present(X) % K)`, or the decimal result (transforms/money.ts): `($r :=
 * $present(X) * K; ...)` for `* /`, `($v := $present(X); $r := $v + K; ...)`
 * for `+ -`.
 */
const arithmetic: Peeler = (n) => {
  const sum = bound(n, 'v');
  const sumInner = sum && sum[1][0]?.type === 'bind' ? (sum[1][0].rhs as AstNode | undefined) : undefined;
  const inner = sumInner ?? unExact(n) ?? (n.type === 'block' && n.expressions?.length === 1 ? n.expressions[0] : undefined);
  const operand = num(inner?.rhs);
  const op = inner?.type === 'binary' ? String(inner.value) : '';
  const input = unPresent(sum ? sum[0] : (inner?.lhs as AstNode | undefined));
  if (!input || operand === undefined || !['+', '-', '*', '/', '%'].includes(op)) return undefined;
  return { node: { kind: 'arithmetic', op: op as '+', operand }, input };
};

/**
 * A value map reading its entries from a variable bound at the top:
 * `($v := X; $k := $string($v); $exists($v) ? ($exists($lookup($statusMap, $k)) ? ... : unknown) : ())`.
 * The entries are filled in by the caller from that binding.
 */
const valueMap: Peeler = (n) => {
  const b = bound(n, 'v');
  const cond = b?.[1][1];
  const found = cond?.type === 'condition' ? unwrap(cond.then) : undefined;
  const test = found?.type === 'condition' ? found.condition : undefined;
  const lookup = test && call(test, 'exists', 1)?.[0];
  const map = lookup && call(lookup, 'lookup', 2)?.[0];
  const unknown = unknownOf(found?.type === 'condition' ? found.else : undefined);
  if (!b || b[1].length !== 2 || map?.type !== 'variable' || typeof map.value !== 'string' || map.value.startsWith('table_') || !unknown) return undefined;
  return { node: { kind: 'valueMap', entries: {}, ...unknown }, input: b[0], mapVariable: map.value };
};

const parseBoolean: Peeler = (n) => {
  const b = bound(n, 'v');
  const cond = b?.[1][1];
  const first = cond?.type === 'condition' ? unwrap(cond.then) : undefined;
  const second = first?.type === 'condition' ? first.else : undefined;
  const trueValues = stringList(first?.condition?.rhs);
  const falseValues = stringList(second?.condition?.rhs);
  const fail = second?.type === 'condition' ? second.else : undefined;
  if (!b || !trueValues || !falseValues || !fail) return undefined;
  const onInvalid = fail.type === 'block' ? 'omit' : 'error';
  // `$present(X)` unless the lists give empty text a meaning; the recompile check tells which.
  return { node: { kind: 'parseBoolean', trueValues, falseValues, onInvalid }, input: unPresent(b[0]) ?? b[0] };
};

const sortValues: Peeler = (n) => {
  const reversed = call(n, 'reverse', 1)?.[0];
  const input = unPresent(call(reversed ?? n, 'sort', 1)?.[0]);
  const node: TransformNode = { kind: 'sort', descending: reversed !== undefined };
  return input && { node, input };
};

/** Peelers of the block- and operator-shaped transforms. */
export const VALUE_PEELERS: Peeler[] = [replace, arithmetic, valueMap, parseBoolean, sortValues, filterPeeler, conditionPeeler, datePeeler];
