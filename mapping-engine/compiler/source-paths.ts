/**
 * JSONata text of a rule's source path. Plain paths are relative to the
 * current context (the record, or the element of the innermost array);
 * `/a.b` starts from the input root; each leading `../` steps out to the
 * context enclosing the current array; `.` is the context itself.
 */
import { pathExpression } from '../transforms/jsonata-text';

/** The variable holding the context at `depth` (depth 0, the root, is `$$`). */
export function contextVariable(depth: number): string {
  return depth === 0 ? '$$' : `$context${depth}`;
}

/** How far up a source path reaches: the number of leading `../`. */
export function levelsUp(path: string): number {
  let n = 0;
  while (path.startsWith('../', n * 3)) n++;
  return n;
}

/** JSONata text of `path` read at array nesting `depth`. */
export function sourceExpression(path: string, depth: number): string {
  if (path === '.') return '$';
  if (path.startsWith('/')) return `$$.${pathExpression(path.slice(1))}`;
  const up = levelsUp(path);
  if (up === 0) return pathExpression(path);
  if (up > depth) throw new Error(`source ${path} steps out of more arrays than enclose it`);
  return `${contextVariable(depth - up)}.${pathExpression(path.slice(up * 3))}`;
}
