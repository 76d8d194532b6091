/**
 * Peelers for the transforms that compile to blocks and operators: replace,
 * arithmetic, value map, boolean parse, sort without a field, filter and
 * date. Like the others they only guess; the caller keeps a guess when it
 * recompiles to the same text.
 */
import type { Scalar, TransformNode } from '../../transforms/transform-node';
import type { AstNode } from './reverse-source';
import { bound, call, num, scalar, str, stringList, unString, unwrap } from './ast-helpers';
import { datePeeler } from './reverse-date';
import { conditionPeeler, filterPeeler } from './reverse-predicate';
import type { Peeler } from './reverse-transform';

type OnUnknown = { onUnknown: 'default' | 'error' | 'keep'; default?: Scalar };

/** The "not found" branch of a value map: `$v` keeps, `$error` fails, `()` omits, a literal is the default. */
function unknownOf(node: AstNode | undefined): OnUnknown | undefined {
  if (node?.type === 'variable' && node.value === 'v') return { onUnknown: 'keep' };
  if (node && call(node, 'error', 1)) return { onUnknown: 'error' };
  if (node?.type === 'block' && node.expressions?.length === 0) return { onUnknown: 'default' };
  const value = scalar(node);
  return value === undefined ? undefined : { onUnknown: 'default', default: value };
}

const replace: Peeler = (n) => {
  const a = call(n, 'replace', 3);
  const input = unString(a?.[0]);
  const replacement = str(a?.[2]);
  if (!input || replacement === undefined) return undefined;
  const plain = str(a?.[1]);
  if (plain !== undefined) return { node: { kind: 'replace', pattern: plain, replacement, regex: false }, input };
  const re = a?.[1]?.type === 'regex' && a[1].value instanceof RegExp ? a[1].value : undefined;
  if (!re) return undefined;
  const flags = re.flags.replace(/[^im]/g, '');
  return { node: flags ? { kind: 'replace', pattern: re.source, replacement, regex: true, flags } : { kind: 'replace', pattern: re.source, replacement, regex: true }, input };
};

const arithmetic: Peeler = (n) => {
  const inner = n.type === 'block' && n.expressions?.length === 1 ? n.expressions[0] : undefined;
  const operand = num(inner?.rhs);
  const op = inner?.type === 'binary' ? String(inner.value) : '';
  if (!inner || operand === undefined || !['+', '-', '*', '/', '%'].includes(op)) return undefined;
  return { node: { kind: 'arithmetic', op: op as '+', operand }, input: inner.lhs as AstNode };
};

const valueMap: Peeler = (n) => {
  const b = bound(n, 'v');
  const table = b?.[1][1];
  const pairs = table?.type === 'bind' && table.rhs?.type === 'unary' && table.rhs.value === '{' ? (table.rhs.lhs as AstNode[][]) : undefined;
  const cond = b?.[1][2];
  const found = cond?.type === 'condition' ? unwrap(cond.then) : undefined;
  const unknown = unknownOf(found?.type === 'condition' ? found.else : undefined);
  if (!b || !pairs || !unknown) return undefined;
  const entries: Record<string, Scalar> = {};
  for (const [k, v] of pairs) {
    const key = str(k);
    const value = scalar(v);
    if (key === undefined || value === undefined) return undefined;
    entries[key] = value;
  }
  return { node: { kind: 'valueMap', entries, ...unknown }, input: b[0] };
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
  return { node: { kind: 'parseBoolean', trueValues, falseValues, onInvalid }, input: b[0] };
};

const sortValues: Peeler = (n) => {
  const reversed = call(n, 'reverse', 1)?.[0];
  const a = call(reversed ?? n, 'sort', 1);
  const node: TransformNode = { kind: 'sort', descending: reversed !== undefined };
  return a && { node, input: a[0]! };
};

/** Peelers of the block- and operator-shaped transforms. */
export const VALUE_PEELERS: Peeler[] = [replace, arithmetic, valueMap, parseBoolean, sortValues, filterPeeler, conditionPeeler, datePeeler];
