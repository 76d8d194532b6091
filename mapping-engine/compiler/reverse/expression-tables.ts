/** Reads the lookup tables bound at the top of a compiled expression (`$table_name := {...};`). */
import type { AstNode } from './reverse-source';

/** Entries of every `$table_<name>` bound in the expression's top block whose keys and values are strings. */
export function tablesFromAst(ast: AstNode): Record<string, Record<string, string>> {
  const tables: Record<string, Record<string, string>> = {};
  if (ast.type !== 'block') return tables;
  for (const e of ast.expressions ?? []) {
    const name = e.type === 'bind' ? /^table_(.+)$/.exec(String((e.lhs as AstNode | undefined)?.value)) : null;
    const pairs = e.rhs?.type === 'unary' && e.rhs.value === '{' ? (e.rhs.lhs as AstNode[][] | undefined) : undefined;
    if (!name || !pairs) continue;
    const entries: Record<string, string> = {};
    for (const [k, v] of pairs) {
      if (k?.type === 'string' && v?.type === 'string') entries[k.value as string] = v.value as string;
    }
    tables[name[1]!] = entries;
  }
  return tables;
}
