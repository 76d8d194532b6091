/**
 * Peels the outermost transform off a field's JSONata AST: each peeler
 * recognises the shape one transform kind compiles to and returns the node
 * plus the AST of its input. Guesses are safe because the caller recompiles
 * the rebuilt rule and keeps it only when the text is identical.
 */
import { quoteName } from '../../transforms/jsonata-text';
import type { TransformNode } from '../../transforms/transform-node';
import type { AstNode } from './reverse-source';
import { bound, call, num, str, unPresent, textInput } from './ast-helpers';
import { VALUE_PEELERS } from './reverse-value-transforms';
import { MONEY_CHECK_PEELERS } from './reverse-money-checks';
import { calculatePeeler, concatPeeler, parseNumberPeeler } from './template-peeler';

/** A recognised transform and the AST of the value it was applied to. */
export interface Peeled {
  node: TransformNode;
  input: AstNode;
  /** For a value map read from a binding at the top: the variable (without `$`) holding its entries. */
  mapVariable?: string;
}

/** Recognises one transform kind's shape. */
export type Peeler = (node: AstNode) => Peeled | undefined;

const PEELERS: Peeler[] = [
  parseNumberPeeler,
  concatPeeler,
  calculatePeeler,
  (n) => {
    const a = call(n, 'uppercase', 1) ?? call(n, 'lowercase', 1);
    const input = textInput(a?.[0]);
    return input && { node: { kind: 'case', mode: n.procedure?.value === 'uppercase' ? 'upper' : 'lower' }, input };
  },
  (n) => {
    const input = textInput(call(n, 'trim', 1)?.[0]);
    return input && { node: { kind: 'trim' }, input };
  },
  (n) => {
    const a = call(n, 'round', 2);
    const decimals = num(a?.[1]);
    const input = unPresent(a?.[0]);
    return input && decimals !== undefined ? { node: { kind: 'round', decimals }, input } : undefined;
  },
  (n) => {
    const a = call(n, 'substring', 2) ?? call(n, 'substring', 3);
    const input = textInput(a?.[0]);
    const start = num(a?.[1]);
    const length = a?.length === 3 ? num(a[2]) : undefined;
    if (!input || start === undefined || (a?.length === 3 && length === undefined)) return undefined;
    return { node: length === undefined ? { kind: 'substring', start } : { kind: 'substring', start, length }, input };
  },
  (n) => {
    const a = call(n, 'pad', 3);
    const input = textInput(a?.[0]);
    const width = num(a?.[1]);
    const char = str(a?.[2]);
    if (!input || width === undefined || char === undefined) return undefined;
    return { node: { kind: 'pad', width: Math.abs(width), char, side: width < 0 ? 'left' : 'right' }, input };
  },
  (n) => {
    const a = call(n, 'formatNumber', 2) ?? call(n, 'formatNumber', 3);
    const picture = str(a?.[1]);
    const input = unPresent(a?.[0]);
    if (!a || !input || picture === undefined) return undefined;
    const node: Extract<TransformNode, { kind: 'formatNumber' }> = { kind: 'formatNumber', picture };
    const pairs = a[2]?.type === 'unary' && a[2].value === '{' ? (a[2].lhs as AstNode[][]) : a[2] ? undefined : [];
    for (const [k, v] of pairs ?? []) {
      if (str(k) === 'decimal-separator' && str(v) !== undefined) node.decimalSeparator = str(v);
      else if (str(k) === 'grouping-separator' && str(v) !== undefined) node.groupingSeparator = str(v);
      else return undefined;
    }
    return pairs ? { node, input } : undefined;
  },
  (n) => {
    // `$split(...)[i]`: the index is a filter stage on the call itself.
    const index = n.predicate?.length === 1 ? num((n.predicate[0] as { type?: string; expr?: AstNode }).expr) : undefined;
    const a = index === undefined ? undefined : call({ ...n, predicate: undefined }, 'split', 2);
    const input = textInput(a?.[0]);
    const separator = str(a?.[1]);
    return input && separator !== undefined && index !== undefined ? { node: { kind: 'split', separator, index }, input } : undefined;
  },
  (n) => {
    // Pick with an index: `(X)[i]` or `(X)[i].field`.
    const [head, ...rest] = n.type === 'path' ? (n.steps ?? []) : [n];
    const index = head?.type === 'block' && head.expressions?.length === 1 && head.predicate?.length === 1 ? num((head.predicate[0] as { expr?: AstNode }).expr) : undefined;
    if (index === undefined || !rest.every((s) => s.type === 'name' && s.stages === undefined && s.predicate === undefined)) return undefined;
    const field = rest.length ? rest.map((s) => quoteName(s.value as string)).join('.') : undefined;
    return { node: field === undefined ? { kind: 'pick', index } : { kind: 'pick', index, field }, input: head!.expressions![0]! };
  },
  (n) => {
    // Split with an index is a path whose last step is a filter; without one, a plain call.
    const a = call(n, 'split', 2);
    const input = textInput(a?.[0]);
    const separator = str(a?.[1]);
    return input && separator !== undefined ? { node: { kind: 'split', separator }, input } : undefined;
  },
  (n) => {
    const a = call(n, 'join', 2);
    const separator = str(a?.[1]);
    const path = a?.[0];
    // An aggregate join is `$present(X).$string()` (concat maps with `$map`, see template-peeler.ts).
    if (separator === undefined || path?.type !== 'path' || path.steps?.length !== 2) return undefined;
    const input = unPresent(path.steps[0]);
    if (!input || !call(path.steps[1]!, 'string', 0)) return undefined;
    return { node: { kind: 'aggregate', fn: 'join', separator }, input };
  },
  (n) => {
    for (const fn of ['sum', 'count', 'min', 'max', 'average'] as const) {
      const input = unPresent(call(n, fn, 1)?.[0]);
      if (input) return { node: { kind: 'aggregate', fn, separator: ', ' }, input };
    }
    return undefined;
  },
  (n) => {
    const b = bound(n, 'value');
    // Custom text is taken verbatim from the source by the caller; here only its place is marked.
    return b && b[1].length === 1 ? { node: { kind: 'custom', expression: '\u0000' }, input: b[0] } : undefined;
  },
  (n) => {
    const b = bound(n, 'v');
    const cond = b?.[1][0];
    // `$exists($v) and ... ? $v : fallback`: the kept `$v` and the `and` tell it from a condition.
    const keeps = cond?.type === 'condition' && cond.then?.type === 'variable' && cond.then.value === 'v' && cond.condition?.type === 'binary' && cond.condition.value === 'and';
    const fallback = keeps ? cond.else : undefined;
    const value = fallback && (fallback.type === 'string' || fallback.type === 'number' || fallback.type === 'value') ? (fallback.value as string | number | boolean | null) : undefined;
    if (!b || b[1].length !== 1 || value === undefined) return undefined;
    return { node: { kind: 'default', value }, input: b[0] };
  },
  (n) => {
    const b = bound(n, 'v');
    const text = JSON.stringify(b?.[1] ?? []);
    const m = /"lookup".*?"value":"table_([A-Za-z][A-Za-z0-9_]*)"/.exec(text);
    if (!b || !m) return undefined;
    const cond = b[1][1];
    const wrapped = cond?.type === 'condition' ? cond.then : undefined;
    const miss = wrapped?.type === 'block' && wrapped.expressions?.length === 1 ? wrapped.expressions[0] : wrapped;
    const missing = miss?.type === 'condition' ? miss.else : undefined;
    // A row table's column: the found row read as `$lookup($table_x, $k).column`.
    const found = miss?.type === 'condition' ? miss.then : undefined;
    const last = found?.type === 'path' && found.steps?.length === 2 ? found.steps[1] : undefined;
    const table = last?.type === 'name' && typeof last.value === 'string' ? { table: m[1]!, column: last.value } : { table: m[1]! };
    if (missing?.type === 'variable' && missing.value === 'v') return { node: { kind: 'lookup', ...table, onUnknown: 'keep' }, input: b[0] };
    if (missing?.type === 'function') return { node: { kind: 'lookup', ...table, onUnknown: 'error' }, input: b[0] };
    if (missing?.type === 'block') return { node: { kind: 'lookup', ...table, onUnknown: 'default' }, input: b[0] };
    const fallback = missing?.value as string | number | boolean | null;
    return { node: { kind: 'lookup', ...table, default: fallback, onUnknown: 'default' }, input: b[0] };
  },
];

/** The outermost transform of `node`, or undefined when no peeler recognises it. */
export function peelTransform(node: AstNode): Peeled | undefined {
  for (const peel of [...MONEY_CHECK_PEELERS, ...PEELERS, ...VALUE_PEELERS]) {
    const peeled = peel(node);
    if (peeled) return peeled;
  }
  return undefined;
}
