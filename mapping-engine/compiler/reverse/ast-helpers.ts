/** Small readers of jsonata AST nodes shared by the transform peelers. */
import type { AstNode } from './reverse-source';

/** The arguments of a call to `$name` with `arity` arguments (and no index after it), else undefined. */
export function call(node: AstNode, name: string, arity: number): AstNode[] | undefined {
  if (node.type !== 'function' || node.predicate !== undefined || node.procedure?.type !== 'variable' || node.procedure.value !== name) return undefined;
  return node.arguments?.length === arity ? node.arguments : undefined;
}

/** A number literal's value. */
export function num(node: AstNode | undefined): number | undefined {
  return node?.type === 'number' && typeof node.value === 'number' ? node.value : undefined;
}

/** A string literal's value. */
export function str(node: AstNode | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** `$present(X)` -> X (see transforms/present-value.ts). */
export function unPresent(node: AstNode | undefined): AstNode | undefined {
  return node ? call(node, 'present', 1)?.[0] : undefined;
}

/** `$text(X)` -> X: how text transforms read their input (see transforms/present-value.ts). */
export function unPresentText(node: AstNode | undefined): AstNode | undefined {
  return node ? call(node, 'text', 1)?.[0] : undefined;
}

/**
 * The input of a text transform: `$text(X)` -> X, or a call read as it is
 * (`$trim(...)` inside `$split($trim($text(name)), " ")`: where `$text` would
 * change nothing, see transforms/text-wraps.ts). Whether the compiler leaves
 * `$text` out at that place is checked by recompiling.
 */
export function textInput(node: AstNode | undefined): AstNode | undefined {
  return unPresentText(node) ?? (node?.type === 'function' ? node : undefined);
}

/** `($v := X; ...)` -> [X, the rest of the block's expressions]. */
export function bound(node: AstNode, name: string): [AstNode, AstNode[]] | undefined {
  const [first, ...rest] = node.type === 'block' ? (node.expressions ?? []) : [];
  if (first?.type !== 'bind' || (first.lhs as AstNode | undefined)?.value !== name || !first.rhs) return undefined;
  return [first.rhs, rest];
}

/**
 * `($r := X; $abs($r) < 1e15 ? $number($string($r)) : $r)` -> X: a result
 * taken as the decimal it stands for (transforms/money.ts `exactResult`).
 * Only the shape is checked; the caller recompiles to confirm.
 */
export function unExact(node: AstNode | undefined): AstNode | undefined {
  const b = node && bound(node, 'r');
  return b && b[1].length === 1 && b[1][0]?.type === 'condition' ? b[0] : undefined;
}

/** A JSON scalar literal's value (string, number, true/false/null). */
export function scalar(node: AstNode | undefined): string | number | boolean | null | undefined {
  if (node?.type === 'string' || node?.type === 'number' || node?.type === 'value') return node.value as string | number | boolean | null;
  return undefined;
}

/** The single expression inside `( ... )`, or the node itself. */
export function unwrap(node: AstNode | undefined): AstNode | undefined {
  return node?.type === 'block' && node.expressions?.length === 1 ? node.expressions[0] : node;
}

/** The string items of a `[...]` list literal. */
export function stringList(node: AstNode | undefined): string[] | undefined {
  if (node?.type !== 'unary' || node.value !== '[') return undefined;
  const items = (node.expressions ?? []).map(str);
  return items.every((s): s is string => s !== undefined) ? items : undefined;
}
