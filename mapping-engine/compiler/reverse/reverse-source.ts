/**
 * Reads a rule's source paths back from the JSONata AST of the compiler's
 * source text (see ../source-paths.ts): plain paths, `$$.` for the input
 * root, `$contextN.` for an enclosing array, `$` for the context, `$key`,
 * and `($indexN + 1)` for `$position`.
 */
import { quoteName } from '../../transforms/jsonata-text';

/** A jsonata AST node, as far as the reverse parser looks at it. */
export interface AstNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: AstNode[];
  stages?: unknown[];
  predicate?: unknown[];
  group?: unknown;
  arguments?: AstNode[];
  procedure?: AstNode;
  expressions?: AstNode[];
  lhs?: AstNode | AstNode[][];
  rhs?: AstNode;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  [key: string]: unknown;
}

/** True when a step carries filters, sorts or other extras the compiler never emits on a source. */
function plainStep(step: AstNode): boolean {
  return step.stages === undefined && step.predicate === undefined && step.group === undefined && step.type === 'name' && typeof step.value === 'string';
}

function names(steps: AstNode[]): string | undefined {
  if (steps.length === 0 || !steps.every(plainStep)) return undefined;
  return steps.map((s) => quoteName(s.value as string)).join('.');
}

/** `($index<depth> + 1)`: the element's position (see compileSource). */
function isPosition(node: AstNode, depth: number): boolean {
  const sum = node.type === 'block' && node.expressions?.length === 1 ? node.expressions[0] : undefined;
  const index = sum?.type === 'binary' && sum.value === '+' ? (sum.lhs as AstNode | undefined) : undefined;
  return index?.type === 'variable' && index.value === `index${depth}` && sum?.rhs?.type === 'number' && sum.rhs.value === 1;
}

/**
 * The stored source path `node` reads at array nesting `depth`, or
 * undefined when it is not one the compiler would write.
 */
export function sourceFromAst(node: AstNode, depth: number): string | undefined {
  if (node.type === 'variable' && node.value === '') return '.';
  if (node.type === 'variable' && node.value === 'key') return '$key';
  if (node.type === 'variable' && node.value === 'items') return '$items';
  // A run parameter, bound at the top as `$param_<name>` (see run-parameters.ts).
  if (node.type === 'variable' && typeof node.value === 'string' && /^param_[A-Za-z][A-Za-z0-9_]*$/.test(node.value)) return `$param.${node.value.slice('param_'.length)}`;
  if (isPosition(node, depth)) return '$position';
  if (node.type === 'name') return names([node]);
  if (node.type !== 'path' || !node.steps) return undefined;
  const [first, ...rest] = node.steps;
  if (!first) return undefined;
  if (first.type === 'variable' && first.stages === undefined && first.predicate === undefined) {
    const tail = names(rest);
    if (tail === undefined) return undefined;
    if (first.value === '$') return `/${tail}`;
    // A column of a constants table, bound at the top as `$table_<name>` (see ../lookup-table.ts).
    const table = /^table_([A-Za-z][A-Za-z0-9_]*)$/.exec(String(first.value))?.[1];
    if (table !== undefined) return rest.length === 1 ? `$table.${table}.${tail}` : undefined;
    const m = /^context(\d+)$/.exec(String(first.value));
    if (!m) return undefined;
    const up = depth - Number(m[1]);
    return up > 0 ? `${'../'.repeat(up)}${tail}` : undefined;
  }
  return names(node.steps);
}
