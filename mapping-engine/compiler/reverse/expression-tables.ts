/** Reads the lookup tables (`$table_name := {...};`) and value maps (`$statusMap := {...};`) bound at the top of a compiled expression. */
import type { Scalar } from '../../transforms/transform-node';
import type { FileTables } from '../lookup-table';
import type { AstNode } from './reverse-source';

/** The pairs of an object constructor `{...}`, or undefined when `node` is not one. */
function objectPairs(node: AstNode | undefined): AstNode[][] | undefined {
  return node?.type === 'unary' && node.value === '{' ? (node.lhs as AstNode[][] | undefined) : undefined;
}

/** The string pairs of an object constructor (a row: column -> value). */
function stringPairs(pairs: AstNode[][]): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [k, v] of pairs) {
    if (k?.type === 'string' && v?.type === 'string') entries[k.value as string] = v.value as string;
  }
  return entries;
}

/**
 * Contents of every `$table_<name>` bound in the expression's top block:
 * entries whose keys and values are strings (a code table, or a constants
 * table's one row), or rows of such entries by key (a table of rows).
 */
export function tablesFromAst(ast: AstNode): FileTables {
  const tables: FileTables = {};
  if (ast.type !== 'block') return tables;
  for (const e of ast.expressions ?? []) {
    const name = e.type === 'bind' ? /^table_(.+)$/.exec(String((e.lhs as AstNode | undefined)?.value)) : null;
    const pairs = objectPairs(e.rhs);
    if (!name || !pairs) continue;
    const rows = pairs.length > 0 && pairs.every(([k, v]) => k?.type === 'string' && objectPairs(v) !== undefined);
    tables[name[1]!] = rows ? Object.fromEntries(pairs.map(([k, v]) => [k!.value as string, stringPairs(objectPairs(v)!)])) : stringPairs(pairs);
  }
  return tables;
}

/** A literal's value when `node` is a JSON scalar (negative numbers may parse as unary minus). */
function scalarOf(node: AstNode | undefined): Scalar | undefined {
  if (node?.type === 'string' || node?.type === 'number' || node?.type === 'value') return node.value as Scalar;
  const inner = node?.type === 'unary' && node.value === '-' ? (node.expression as AstNode | undefined) : undefined;
  return inner?.type === 'number' ? -(inner.value as number) : undefined;
}

/**
 * Entries of every value map bound in the expression's top block
 * (`$statusMap := {...};`), keyed by variable name without `$`: a binding
 * other than a lookup table whose value is an object of scalar literals.
 */
export function valueMapsFromAst(ast: AstNode): Record<string, Record<string, Scalar>> {
  const maps: Record<string, Record<string, Scalar>> = {};
  if (ast.type !== 'block') return maps;
  for (const e of ast.expressions ?? []) {
    const name = e.type === 'bind' ? String((e.lhs as AstNode | undefined)?.value) : '';
    const pairs = e.rhs?.type === 'unary' && e.rhs.value === '{' ? (e.rhs.lhs as AstNode[][] | undefined) : undefined;
    if (!name || name.startsWith('table_') || !pairs) continue;
    const entries: Record<string, Scalar> = {};
    const complete = pairs.every(([k, v]) => {
      const value = scalarOf(v);
      if (k?.type !== 'string' || value === undefined) return false;
      entries[k.value as string] = value;
      return true;
    });
    if (complete) maps[name] = entries;
  }
  return maps;
}
