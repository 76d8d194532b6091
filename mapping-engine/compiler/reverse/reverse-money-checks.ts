/**
 * Peelers for the money forms and the reject rules (see transforms/money.ts,
 * array-transforms.ts and check-transforms.ts): exact aggregates over scaled
 * integers (`$sum($map(X, function($v) {$round($round($v, 2) * 100)})) / 100`), fixed
 * fraction digits (`$formatNumber(..., "0.00")`), ledger items (`$map(X,
 * function($i, $n) {...})` with `times`, `itemDecimals` and separators), the
 * typed checks and a condition that rejects. Without them a hand-edited
 * expression read these fields back as custom code. Like every peeler they
 * only guess; the caller keeps a guess when it recompiles to the same text.
 */
import { quoteName } from '../../transforms/jsonata-text';
import type { NodeOf, Predicate } from '../../transforms/transform-node';
import { fixedPicture } from '../../transforms/money';
import { bound, call, num, str, stringList, unExact } from './ast-helpers';
import { predicateFromAst } from './reverse-predicate';
import type { AstNode } from './reverse-source';
import type { Peeler } from './reverse-transform';

type Aggregate = NodeOf<'aggregate'>;
type Check = NodeOf<'check'>;

/** A number literal, negative ones included (`-5` parses as unary minus). */
function signed(node: AstNode | undefined): number | undefined {
  const inner = node?.type === 'unary' && node.value === '-' ? (node.expression as AstNode | undefined) : undefined;
  return inner ? (num(inner) === undefined ? undefined : -num(inner)!) : num(node);
}

/** The value a transform reads, without the wrapper that drops null and "" (`$present(X)`), when there is one. */
function unwrapPresent(node: AstNode): AstNode {
  return call(node, 'present', 1)?.[0] ?? node;
}

/** The call inside a thunk: jsonata wraps a function's tail calls (`{$round(...)}`, a branch's `$invalid(...)`) in one. */
function unthunk(node: AstNode | undefined): AstNode | undefined {
  return node?.type === 'lambda' && node.thunk === true ? (node.body as AstNode | undefined) : node;
}

/** `$map(X, function(<params>) {body})` -> [X, body]. */
function mapped(node: AstNode | undefined, params: string[]): [AstNode, AstNode] | undefined {
  const a = node && call(node, 'map', 2);
  const fn = a?.[1];
  const names = (fn?.arguments ?? []).map((p) => p.value);
  const body = unthunk(fn?.body as AstNode | undefined);
  if (!a || fn?.type !== 'lambda' || !body || names.join() !== params.join()) return undefined;
  return [a[0]!, body];
}

/** The field `$i.<path>` reads, or undefined. */
function itemField(node: AstNode | undefined): string | undefined {
  const [head, ...rest] = node?.type === 'path' ? (node.steps ?? []) : [];
  if (head?.type !== 'variable' || head.value !== 'i' || rest.length === 0 || !rest.every((s) => s.type === 'name' && s.stages === undefined)) return undefined;
  return rest.map((s) => quoteName(s.value as string)).join('.');
}

/** One item's amount: `$i.f` or `$toNumber($i.f, dec, thousands, field, item)`, with its separators. */
function itemAmount(node: AstNode | undefined): { field: string; decimalSeparator?: string; thousandsSeparator?: string } | undefined {
  const read = node && call(node, 'toNumber', 5);
  const field = itemField(read ? read[0] : node);
  if (!field) return undefined;
  return read ? { field, decimalSeparator: str(read[1]), thousandsSeparator: str(read[2]) } : { field };
}

/** The per-item values of a ledger aggregate, `$map(X, function($i, $n) {...})`: its input and parameters. */
function ledger(node: AstNode): { input: AstNode; params: Partial<Aggregate> } | undefined {
  const m = mapped(node, ['i', 'n']);
  if (!m) return undefined;
  let body = m[1];
  const params: Partial<Aggregate> = {};
  const rounded = call(body, 'round', 2);
  if (rounded && num(rounded[1]) !== undefined) {
    params.itemDecimals = num(rounded[1]);
    body = rounded[0]!;
  }
  // A product is the decimal result (transforms/money.ts `exactResult`).
  const exact = unExact(body);
  const product = exact?.type === 'binary' && exact.value === '*' ? exact : undefined;
  const first = itemAmount(product ? (product.lhs as AstNode) : body);
  const times = product ? itemAmount(product.rhs) : undefined;
  if (!first || (product && !times)) return undefined;
  Object.assign(params, { field: first.field }, times ? { times: times.field } : {});
  if (first.decimalSeparator !== undefined) Object.assign(params, { decimalSeparator: first.decimalSeparator, thousandsSeparator: first.thousandsSeparator });
  return { input: unwrapPresent(m[0]), params };
}

/** `$map(ITEMS, function($v) {$round($round($v, D) * F)})` (or `{$round($v)}` for no decimals) -> ITEMS and F. */
function scaledItems(node: AstNode | undefined): { items: AstNode; factor: number } | undefined {
  const m = mapped(node, ['v']);
  const round = m && call(m[1], 'round', 1)?.[0];
  const factor = round?.type === 'variable' && round.value === 'v' ? 1 : round?.type === 'binary' && round.value === '*' ? num(round.rhs) : undefined;
  return m && factor !== undefined ? { items: m[0], factor } : undefined;
}

/** An exact aggregate (sum, min, max over scaled integers; an average as a block), without `fixed`. */
function exactAggregate(node: AstNode): { node: Aggregate; input: AstNode } | undefined {
  let fn: Aggregate['fn'] | undefined;
  let scaled: ReturnType<typeof scaledItems>;
  const avg = bound(node, 's');
  if (avg) {
    fn = 'average';
    scaled = scaledItems(avg[0]);
  } else if (node.type === 'binary' && node.value === '/') {
    for (const f of ['sum', 'min', 'max'] as const) {
      const a = call(node.lhs as AstNode, f, 1);
      if (a) [fn, scaled] = [f, scaledItems(a[0])];
    }
    if (scaled && num(node.rhs) !== scaled.factor) return undefined;
  }
  const decimals = scaled ? Math.round(Math.log10(scaled.factor)) : undefined;
  if (!fn || !scaled || decimals === undefined || 10 ** decimals !== scaled.factor) return undefined;
  const items = ledger(scaled.items);
  const base = { kind: 'aggregate', fn, separator: ', ', ...(items?.params ?? {}), decimals } as Aggregate;
  return { node: base, input: items ? items.input : unwrapPresent(scaled.items) };
}

/** Exact aggregates and fixed fraction digits (`$formatNumber(V, "0.00")` around an exact aggregate or a `$round`). */
const money: Peeler = (n) => {
  const a = call(n, 'formatNumber', 2);
  const picture = str(a?.[1]);
  const inner = a?.[0];
  if (a && inner && picture !== undefined) {
    const total = exactAggregate(inner);
    if (total && picture === fixedPicture(total.node.decimals!)) return { node: { ...total.node, fixed: true }, input: total.input };
    const round = call(inner, 'round', 2);
    const decimals = num(round?.[1]);
    if (round && decimals !== undefined && picture === fixedPicture(decimals)) return { node: { kind: 'round', decimals, fixed: true }, input: unwrapPresent(round[0]!) };
    return undefined;
  }
  const total = exactAggregate(n);
  if (total) return total;
  // A ledger without decimals: `$sum($map(X, function($i, $n) {...}))`.
  for (const fn of ['sum', 'min', 'max', 'average'] as const) {
    const items = call(n, fn, 1)?.[0];
    const read = items && ledger(items);
    if (read) return { node: { kind: 'aggregate', fn, separator: ', ', ...read.params } as Aggregate, input: read.input };
  }
  return undefined;
};

/** Terms of an `a and b and c` chain. */
function terms(node: AstNode | undefined): AstNode[] {
  if (node?.type === 'binary' && node.value === 'and') return [...terms(node.lhs as AstNode), ...terms(node.rhs)];
  return node ? [node] : [];
}

/** Bounds of `$<variable> op N` terms, keyed as a check names them; undefined when a term is something else. */
function bounds(node: AstNode | undefined, variable: string | ((n: AstNode) => boolean)): Partial<Check> | undefined {
  const keys: Record<string, keyof Check> = { '>=': 'min', '>': 'exclusiveMin', '<=': 'max', '<': 'exclusiveMax' };
  const out: Partial<Check> = {};
  const isSubject = typeof variable === 'string' ? (n: AstNode) => n.type === 'variable' && n.value === variable : variable;
  for (const t of terms(node)) {
    const key = t.type === 'binary' ? keys[String(t.value)] : undefined;
    const value = signed(t.rhs);
    if (!key || value === undefined || !isSubject(t.lhs as AstNode)) return undefined;
    Object.assign(out, { [key]: value });
  }
  return out;
}

/** The check a test over `$s` (and `$v`) is, without its `onFail`. */
function checkTest(test: AstNode | undefined): Partial<Check> | undefined {
  if (!test) return undefined;
  if (call(test, 'checkIban', 1)) return { test: 'iban' };
  if (call(test, 'checkLuhn', 1)) return { test: 'luhn' };
  const values = test.type === 'binary' && test.value === 'in' ? stringList(test.rhs) : undefined;
  if (values) return { test: 'oneOf', values };
  const re = call(test, 'contains', 2)?.[1];
  const source = re?.type === 'regex' && re.value instanceof RegExp ? /^\^\(\?:([\s\S]*)\)\$$/.exec(re.value.source)?.[1] : undefined;
  if (source !== undefined) return { test: 'pattern', pattern: source };
  const range = bound(test, 'n');
  const decided = range?.[1].length === 1 && range[1][0]!.type === 'condition' ? range[1][0]! : undefined;
  if (decided) {
    const found = bounds(decided.then, 'n');
    return found && { test: 'range', ...found };
  }
  const length = bounds(test, (n) => call(n, 'length', 1) !== undefined);
  return length && (length.min !== undefined || length.max !== undefined) && length.exclusiveMin === undefined && length.exclusiveMax === undefined ? { test: 'length', ...length } : undefined;
}

/** `$map(X, function($v) {($s := $string($v); $v = null or $s = "" or TEST ? $v : FAIL)})`. */
const check: Peeler = (n) => {
  const m = mapped(n, ['v']);
  const b = m && bound(m[1], 's');
  const cond = b?.[1].length === 1 ? b[1][0] : undefined;
  if (!m || cond?.type !== 'condition' || cond.condition?.type !== 'binary' || cond.condition.value !== 'or') return undefined;
  const found = checkTest(cond.condition.rhs);
  const fail = unthunk(cond.else);
  const onFail = fail && (call(fail, 'invalid', 3) || call(fail, 'invalid', 4)) ? 'reject' : fail?.type === 'block' && fail.expressions?.length === 0 ? 'missing' : undefined;
  return found && onFail ? { node: { kind: 'check', ...found, onFail } as Check, input: m[0] } : undefined;
};

/** `($v := X; PREDICATE ? $invalid("RECORD_REJECTED: field", reason, $string($v)) : $v)`. */
const conditionReject: Peeler = (n) => {
  const b = bound(n, 'v');
  const cond = b?.[1].length === 1 ? b[1][0] : undefined;
  const then = unthunk(cond?.type === 'condition' ? cond.then : undefined);
  const raise = then ? (call(then, 'invalid', 3) ?? call(then, 'invalid', 4)) : undefined;
  const reason = str(raise?.[1]);
  const when: Predicate | undefined = cond?.condition ? predicateFromAst(cond.condition, 'v') : undefined;
  const keeps = cond?.else?.type === 'variable' && cond.else.value === 'v';
  return b && when && reason !== undefined && keeps ? { node: { kind: 'condition', when, reject: reason }, input: b[0] } : undefined;
};

/** Tried before the other peelers: `$formatNumber` around an exact total is `fixed`, not a format of its own. */
export const MONEY_CHECK_PEELERS: Peeler[] = [money, check, conditionReject];
