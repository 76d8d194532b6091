/**
 * Guards against the few JSONata constructs whose cost explodes with the size
 * of the input: `$sort` with a comparator function (jsonata's merge sort calls
 * the lambda O(n log n) times, each call allocating frames), group-by object
 * constructors (`items{key: value}`, which builds one sequence per key) and
 * `$string` of the whole input (one huge string, on top of the parsed value).
 * Past a threshold they exhaust the worker's memory or time budget after a
 * long wait; failing first with `RUN_TOO_LARGE` says what to do instead.
 */
import jsonata from 'jsonata';
import type { RunErrorData } from './run-types';

/** Input sizes past which a risky construct is refused. */
export interface LargeInputLimits {
  /** Records (largest array) past which `$sort(x, function...)` is refused. */
  sortComparatorItems: number;
  /** Records (largest array) past which a group-by object constructor is refused. */
  groupByItems: number;
  /** Estimated JSON characters of the input past which `$string` of the whole input is refused. */
  stringifyChars: number;
}

/** Measured defaults: below them each construct finishes within the default worker limits. */
export const DEFAULT_LARGE_INPUT_LIMITS: Readonly<LargeInputLimits> = Object.freeze({
  sortComparatorItems: 20_000,
  groupByItems: 200_000,
  stringifyChars: 50 * 1024 * 1024,
});

/** A construct whose cost grows badly with the input, with its 1-based jsonata position. */
export interface RiskyConstruct {
  kind: 'sort-comparator' | 'group-by' | 'string-of-input';
  position?: number;
}

interface AstNode {
  type?: string;
  value?: unknown;
  position?: number;
  procedure?: AstNode;
  arguments?: AstNode[];
  steps?: AstNode[];
  body?: AstNode;
  group?: { lhs: AstNode[][]; position?: number };
  [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function calls(node: AstNode, name: string): boolean {
  return node.type === 'function' && node.procedure?.type === 'variable' && node.procedure.value === name;
}

/**
 * Walks the AST. `nested` is true once the focus has moved off the input root
 * (a later path step, a predicate, a lambda body), where `$` is an item, not the input.
 */
function walk(node: unknown, nested: boolean, out: RiskyConstruct[]): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, nested, out);
    return;
  }
  if (!isNode(node)) return;
  const args = node.arguments ?? [];
  if (calls(node, 'sort') && args.length >= 2) out.push({ kind: 'sort-comparator', position: node.position });
  if (calls(node, 'string')) {
    const arg = args[0];
    const root = arg?.type === 'variable' && arg.value === '$';
    const context = args.length === 0 || (arg?.type === 'variable' && arg.value === '');
    if (root || (context && !nested)) out.push({ kind: 'string-of-input', position: node.position });
  }
  if (node.group) out.push({ kind: 'group-by', position: node.group.position ?? node.position });
  for (const [key, child] of Object.entries(node)) {
    if (key === 'steps' && Array.isArray(child)) {
      child.forEach((step, i) => walk(step, nested || i > 0, out));
    } else if (key === 'body' || key === 'group' || key === 'stages' || key === 'predicate') {
      walk(child, true, out);
    } else if (key !== 'procedure' && typeof child === 'object') {
      walk(child, nested, out);
    }
  }
}

const constructCache = new Map<string, RiskyConstruct[]>();

/**
 * The risky constructs of `expression`, in AST order. An expression that does
 * not parse has none here: the run itself reports the syntax error.
 */
export function findRiskyConstructs(expression: string): RiskyConstruct[] {
  const cached = constructCache.get(expression);
  if (cached) return cached;
  let found: RiskyConstruct[];
  try {
    const out: RiskyConstruct[] = [];
    walk(jsonata(expression).ast(), false, out);
    found = out;
  } catch {
    found = [];
  }
  // A studio session compiles the same few expressions over and over; keep the cache small.
  if (constructCache.size > 50) constructCache.clear();
  constructCache.set(expression, found);
  return found;
}

/** The length of the largest array anywhere in `value` (the top-level array included); 0 without arrays. */
export function largestArrayLength(value: unknown): number {
  let largest = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      largest = Math.max(largest, current.length);
      for (const item of current) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (typeof current === 'object' && current !== null) {
      for (const item of Object.values(current)) if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return largest;
}

/**
 * A cheap estimate of the JSON length of `value`, counting up to `stopAt`
 * (it returns as soon as the estimate passes it, so a huge input costs little).
 */
export function estimateJsonChars(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= stopAt) {
    const current = stack.pop();
    if (typeof current === 'string') total += current.length + 2;
    else if (typeof current === 'number' || typeof current === 'boolean') total += String(current).length;
    else if (current === null || current === undefined) total += 4;
    else if (Array.isArray(current)) {
      total += 2 + current.length;
      for (const item of current) stack.push(item);
    } else if (typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        total += key.length + 4;
        stack.push(item);
      }
    }
  }
  return total;
}

function tooLarge(construct: RiskyConstruct, message: string, expected: string): RunErrorData {
  const error: RunErrorData = { code: 'RUN_TOO_LARGE', message, expected };
  if (construct.position !== undefined) error.position = construct.position;
  return error;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Checks `expression` against `input` before a run. Returns a `RUN_TOO_LARGE`
 * error naming the construct, the input's size and what to do instead when
 * a risky construct meets an input past its limit; undefined when the run may go ahead.
 */
export function checkLargeInput(expression: string, input: unknown, limits: Partial<LargeInputLimits> = {}): RunErrorData | undefined {
  const constructs = findRiskyConstructs(expression);
  if (constructs.length === 0) return undefined;
  const { sortComparatorItems, groupByItems, stringifyChars } = { ...DEFAULT_LARGE_INPUT_LIMITS, ...limits };
  let records: number | undefined;
  const recordCount = (): number => (records ??= largestArrayLength(input));
  for (const construct of constructs) {
    if (construct.kind === 'sort-comparator' && recordCount() > sortComparatorItems) {
      return tooLarge(
        construct,
        `$sort with a comparator function over ${count(recordCount())} records is refused (limit ${count(sortComparatorItems)}): it would exhaust the run's time or memory`,
        'a sort by field with ^(field) or ^(>field), or a per-record mapping run in batch mode',
      );
    }
    if (construct.kind === 'group-by' && recordCount() > groupByItems) {
      return tooLarge(
        construct,
        `grouping (an object constructor such as items{key: value}) over ${count(recordCount())} records is refused (limit ${count(groupByItems)})`,
        'a smaller input, or a per-record mapping without group-by run in batch mode',
      );
    }
    if (construct.kind === 'string-of-input') {
      const chars = estimateJsonChars(input, stringifyChars);
      if (chars > stringifyChars) {
        return tooLarge(
          construct,
          `$string of the whole input (more than ${count(stringifyChars)} characters of JSON) is refused: the text would exhaust the run's memory`,
          '$string of the fields you need, or a per-record mapping run in batch mode',
        );
      }
    }
  }
  return undefined;
}
