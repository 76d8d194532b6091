/**
 * Peelers for the transforms added with issue 12. concat and calculate are
 * read back by matching the AST of what a candidate node compiles to: their
 * parameters come from a small set (an operator, a flag), so they are easier
 * to recognise whole than to take apart step by step. Each candidate is
 * compiled on a placeholder input, parsed once (and cached), and matched
 * against the field's AST with the placeholder standing for any input;
 * positions and flags jsonata sets from the surrounding text are ignored.
 * parseNumber is one `$toNumber` call whose arguments are its parameters.
 * Like every peeler these only guess: reverse-rule.ts keeps a guess only
 * when the rebuilt rule compiles to exactly the field's text.
 */
import jsonata from 'jsonata';
import { compileTransform } from '../../transforms/registry';
import type { NodeOf, TransformNode } from '../../transforms/transform-node';
import { tableVariable } from '../compile-rule';
import { bound, call, num, str } from './ast-helpers';
import type { AstNode } from './reverse-source';
import type { Peeler } from './reverse-transform';

const INPUT = 'mapwrightTemplateInput';
/** Keys jsonata fills in from the text around a node, not from the node itself. */
const IGNORED = new Set(['position', 'tuple', 'seekingParent', 'ancestor', 'keepSingletonArray']);

const templates = new Map<string, AstNode>();

/** The AST `node` compiles to on the placeholder input, with `sourceCount` sources. */
function template(node: TransformNode, sourceCount: number): AstNode {
  const key = `${sourceCount}:${JSON.stringify(node)}`;
  let ast = templates.get(key);
  if (!ast) {
    ast = jsonata(compileTransform(node, `$${INPUT}`, { field: '', tableVariable, sourceCount })).ast() as AstNode;
    templates.set(key, ast);
  }
  return ast;
}

/** Whether `actual` has the shape of `pattern`; the placeholder's match is stored in `found.input`. */
function matches(pattern: unknown, actual: unknown, found: { input?: AstNode }): boolean {
  if (pattern instanceof RegExp || actual instanceof RegExp) return String(pattern) === String(actual);
  if (typeof pattern !== 'object' || pattern === null) return pattern === actual;
  if (typeof actual !== 'object' || actual === null) return false;
  const p = pattern as AstNode;
  if (p.type === 'variable' && p.value === INPUT) {
    if (found.input !== undefined) return matches(found.input, actual, {});
    found.input = actual as AstNode;
    return true;
  }
  if (Array.isArray(pattern) !== Array.isArray(actual)) return false;
  const keys = new Set([...Object.keys(pattern), ...Object.keys(actual)].filter((k) => !IGNORED.has(k)));
  for (const k of keys) {
    if (!matches((pattern as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], found)) return false;
  }
  return true;
}

/** The first of `candidates` whose template matches `n`, with the input it was applied to. */
function firstMatch(n: AstNode, candidates: Array<{ node: TransformNode; sourceCount?: number }>): ReturnType<Peeler> {
  for (const c of candidates) {
    const found: { input?: AstNode } = {};
    if (matches(template(c.node, c.sourceCount ?? 1), n, found) && found.input) return { node: c.node, input: found.input };
  }
  return undefined;
}

const DECIMALS = ['.', ','] as const;
const THOUSANDS = ['', ',', '.', ' ', "'"] as const;

/** `$toNumber(X, decimal, thousands, field | null, record?)`: parseNumber (see transforms/number-text.ts). */
export const parseNumberPeeler: Peeler = (n) => {
  const a = call(n, 'toNumber', 4) ?? call(n, 'toNumber', 5);
  const decimalSeparator = DECIMALS.find((d) => d === str(a?.[1]));
  const thousandsSeparator = THOUSANDS.find((t) => t === str(a?.[2]));
  if (!a || decimalSeparator === undefined || thousandsSeparator === undefined) return undefined;
  const onInvalid = a[3]?.type === 'value' && a[3].value === null ? 'omit' : 'error';
  return { node: { kind: 'parseNumber', decimalSeparator, thousandsSeparator, onInvalid }, input: a[0]! };
};

/** `$join($map(...), separator)`: concat, dropping or keeping empty values. */
export const concatPeeler: Peeler = (n) => {
  const a = call(n, 'join', 2);
  const separator = str(a?.[1]);
  if (separator === undefined || !call(a![0]!, 'map', 2)) return undefined;
  return firstMatch(n, [{ node: { kind: 'concat', separator } }, { node: { kind: 'concat', separator, keepEmpty: true } }]);
};

/** `($n := X; $count($n) = K ? $n[0] op $n[1] ... : ())`: calculate over K sources. */
export const calculatePeeler: Peeler = (n) => {
  const b = bound(n, 'n');
  const test = b?.[1][0]?.type === 'condition' ? b[1][0].condition : undefined;
  const count = num(test?.rhs);
  if (count === undefined || count < 2 || count > 64) return undefined;
  return firstMatch(
    n,
    (['+', '-', '*', '/'] as const).map((op) => ({ node: { kind: 'calculate', op } as NodeOf<'calculate'>, sourceCount: count })),
  );
};
