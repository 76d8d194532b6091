/**
 * How much of jsonata's `stack` guard an expression uses up by its width
 * alone, so the runner can read `maxDepth` as what it says: recursion depth.
 *
 * jsonata 2.2's guard is one counter per evaluation (`environment.base.depth`):
 * every `evaluate()` adds one on entry and takes it off on return, and the
 * guard throws D1011 (`RUN_STACK`) once the counter passes `stack`. Evaluation
 * is async, and an object constructor evaluates its pairs (an array
 * constructor its items) with `Promise.all`: every pair's evaluation starts,
 * descends until its first `await` and stays pending, all at once. The one
 * counter therefore sums the pending frames of every pair: an object of 350
 * mapped fields reaches 500 without any recursion, which is how a 400-rule
 * mapping failed with RUN_STACK under the default limit.
 *
 * Everything else jsonata evaluates one child after the other (path steps,
 * items of a sequence, function arguments, block expressions, predicates,
 * higher-order functions), so without recursion the counter can never pass
 * the bound computed here over the AST:
 * - a node adds 1 to the largest bound of its children;
 * - an object or array constructor adds 1 to the SUM of its pairs' (items')
 *   bounds; a pair whose key is computed from data can form one group per
 *   distinct key, at most one per item grouped, so its bound counts
 *   `dynamicFanOut` times (the caller passes the input's count of values);
 * - a function call may run any lambda of the expression, so it adds the
 *   largest lambda body; bodies calling lambdas are widened round by round,
 *   at most once per lambda (a chain of calls without recursion visits each
 *   lambda once), so a recursive function gets a finite bound too.
 *
 * The runner sets `stack = maxDepth + allowance`: a mapping of any width runs,
 * and a recursion without end still stops within `maxDepth` levels past the
 * most the expression's shape could need. The allowance is capped so that
 * even then the pending frames (about 1.8 KB each) stay well inside the
 * default heap limit: a runaway recursion must end as RUN_STACK, not as
 * RUN_MEMORY. Why not the worker's own stack and its RangeError: jsonata's
 * frames are async continuations on the heap, so a jsonata recursion never
 * overflows the native stack; only deep expression nesting does (that
 * RangeError is classified as RUN_STACK in run-errors.ts already).
 */

/** The AST fields the bound reads; jsonata nodes carry many more. */
interface JsonataNode {
  type?: string;
  value?: unknown;
  lhs?: unknown;
  expressions?: unknown;
  group?: { lhs?: unknown };
  body?: unknown;
  [key: string]: unknown;
}

/**
 * Most frames the allowance may add: a runaway recursion stopped at
 * `maxDepth + 60,000` holds roughly 110 MB of pending frames, under the
 * default 256 MB heap limit, and 5,000 mapped fields with required checks
 * (about 8 frames each) stay below it.
 */
export const MAX_WIDTH_ALLOWANCE = 60_000;

/** Bound computations of one expression: the lambda bound and the lazily asked dynamic fan-out. */
interface BoundContext {
  lambdaBound: number;
  fanOut(): number;
}

function isNode(value: unknown): value is JsonataNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Largest bound of a child value: a node, or an array of nodes (or of pairs). */
function childBound(child: unknown, ctx: BoundContext): number {
  if (Array.isArray(child)) {
    let most = 0;
    for (const item of child) most = Math.max(most, childBound(item, ctx));
    return most;
  }
  return isNode(child) ? nodeBound(child, ctx) : 0;
}

/** Pairs `[key, value]` evaluated concurrently: keys one by one first, then every value at once. */
function pairsBound(pairs: unknown, ctx: BoundContext): number {
  if (!Array.isArray(pairs)) return 0;
  let keys = 0;
  let values = 0;
  for (const pair of pairs) {
    if (!Array.isArray(pair)) continue;
    const [key, value] = pair as [unknown, unknown];
    keys = Math.max(keys, childBound(key, ctx));
    const literal = isNode(key) && key.type === 'string';
    values += childBound(value, ctx) * (literal ? 1 : ctx.fanOut());
    if (values > MAX_WIDTH_ALLOWANCE) return values;
  }
  return Math.max(keys, values);
}

function itemsBound(items: unknown, ctx: BoundContext): number {
  if (!Array.isArray(items)) return 0;
  let sum = 0;
  for (const item of items) sum += childBound(item, ctx);
  return sum;
}

const CALLS = new Set(['function', 'partial', 'apply']);

function nodeBound(node: JsonataNode, ctx: BoundContext): number {
  let most = 0;
  const objectConstructor = node.type === 'unary' && node.value === '{';
  const arrayConstructor = node.type === 'unary' && node.value === '[';
  for (const key in node) {
    const child = node[key];
    if (typeof child !== 'object' || child === null) continue;
    if (key === 'group') most = Math.max(most, pairsBound((child as JsonataNode).lhs, ctx));
    else if (key === 'lhs' && objectConstructor) most = Math.max(most, pairsBound(child, ctx));
    else if (key === 'expressions' && arrayConstructor) most = Math.max(most, itemsBound(child, ctx));
    else most = Math.max(most, childBound(child, ctx));
  }
  if (typeof node.type !== 'string') return most; // a holder such as a sort term: no evaluate() of its own
  if (CALLS.has(node.type)) most = Math.max(most, ctx.lambdaBound);
  return 1 + Math.min(most, MAX_WIDTH_ALLOWANCE);
}

/** Every lambda body and transform (`|pattern|update|`, run when applied) of the AST. */
function collectLambdas(node: unknown, out: unknown[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectLambdas(item, out);
    return;
  }
  if (!isNode(node)) return;
  if (node.type === 'lambda') out.push(node.body);
  if (node.type === 'transform') out.push(node);
  for (const key in node) {
    const child = node[key];
    if (typeof child === 'object' && child !== null) collectLambdas(child, out);
  }
}

/**
 * Frames of jsonata's depth counter that `ast` may hold at once without any
 * recursion, capped at {@link MAX_WIDTH_ALLOWANCE}.
 * @param ast the expression's `jsonata(text).ast()`
 * @param dynamicFanOut groups a pair with a computed key may form (asked only when the AST has one)
 */
export function widthAllowance(ast: unknown, dynamicFanOut: () => number): number {
  let fanOut: number | undefined;
  const ctx: BoundContext = { lambdaBound: 0, fanOut: () => (fanOut ??= Math.max(1, dynamicFanOut())) };
  const lambdas: unknown[] = [];
  collectLambdas(ast, lambdas);
  for (let round = 0; round < lambdas.length; round += 1) {
    let widest = 0;
    for (const body of lambdas) widest = Math.max(widest, childBound(body, ctx));
    if (widest === ctx.lambdaBound || widest >= MAX_WIDTH_ALLOWANCE) {
      ctx.lambdaBound = widest;
      break;
    }
    ctx.lambdaBound = widest;
  }
  return Math.min(childBound(ast, ctx), MAX_WIDTH_ALLOWANCE);
}

/** Count of values in a JSON value (itself, array items, object members): a bound on the groups one pair can form from it. */
export function countValues(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    count += 1;
    if (Array.isArray(current)) for (const item of current) stack.push(item);
    else if (typeof current === 'object' && current !== null) for (const item of Object.values(current)) stack.push(item);
  }
  return count;
}

/** Allowances of recent expressions that group by no computed key (they do not depend on the input). */
const recent = new Map<string, number>();

/**
 * The `stack` option for running `text` with `maxDepth` levels of recursion:
 * `maxDepth` plus the expression's {@link widthAllowance}. A batch runs one
 * expression over many chunks, so allowances that do not depend on the input
 * are kept for the last few expressions.
 * @param ast the parsed expression's AST (asked only when not cached)
 */
export function stackLimit(text: string, ast: () => unknown, maxDepth: number, input: unknown): number {
  const cached = recent.get(text);
  if (cached !== undefined) return maxDepth + cached;
  let usesInput = false;
  const allowance = widthAllowance(ast(), () => {
    usesInput = true;
    return countValues(input);
  });
  if (!usesInput) {
    if (recent.size >= 8) recent.clear();
    recent.set(text, allowance);
  }
  return maxDepth + allowance;
}
