/**
 * Reads a predicate (filters) back from the AST of `compilePredicate(p, '$')`
 * and peels the filter (`X[predicate]`) and condition transforms off a value.
 */
import { quoteName } from '../../transforms/jsonata-text';
import type { Predicate, Scalar } from '../../transforms/transform-node';
import { bound, call, scalar } from './ast-helpers';
import type { AstNode } from './reverse-source';
import type { Peeler } from './reverse-transform';

/** The field a predicate tests: undefined for the subject itself, else a plain path; null when neither. */
function subject(node: AstNode | undefined, variable: string): string | undefined | null {
  if (node?.type === 'variable' && node.value === variable) return undefined;
  let steps = node?.type === 'path' ? node.steps : undefined;
  // A named subject (`$v`) comes first in the path: `$v.status`.
  if (variable !== '') {
    if (steps?.[0]?.type !== 'variable' || steps[0].value !== variable || steps[0].stages !== undefined) return null;
    steps = steps.slice(1);
  }
  if (!steps?.length || !steps.every((s) => s.type === 'name' && s.stages === undefined && s.predicate === undefined)) return null;
  return steps.map((s) => quoteName(s.value as string)).join('.');
}

function withField(field: string | undefined, rest: Omit<Predicate, 'field'>): Predicate {
  return field === undefined ? rest : { field, ...rest };
}

/** The predicate `expr` tests `$variable` with (`''` for `$`), or undefined outside the compiled shapes. */
export function predicateFromAst(expr: AstNode, variable = ''): Predicate | undefined {
  const exists = call(expr, 'exists', 1);
  if (exists) {
    const field = subject(exists[0], variable);
    return field === null ? undefined : withField(field, { op: 'exists' });
  }
  if (expr.type === 'block' && expr.expressions?.length === 1) {
    // `(f = null or f = "" or $not($exists(f)))`; the two other tests are checked by recompiling.
    const or = expr.expressions[0]!;
    const not = or.type === 'binary' && or.value === 'or' ? call(or.rhs as AstNode, 'not', 1)?.[0] : undefined;
    const inner = not && call(not, 'exists', 1)?.[0];
    const field = subject(inner, variable);
    return inner && field !== null ? withField(field, { op: 'empty' }) : undefined;
  }
  if (expr.type !== 'binary') return undefined;
  const field = subject(expr.lhs as AstNode, variable);
  if (field === null) return undefined;
  const op = String(expr.value);
  if (op === 'in') {
    const items = expr.rhs?.type === 'unary' && expr.rhs.value === '[' ? (expr.rhs.expressions ?? []).map(scalar) : undefined;
    return items?.every((v): v is Scalar => v !== undefined) ? withField(field, { op: 'in', value: items }) : undefined;
  }
  const value = scalar(expr.rhs);
  if (!['=', '!=', '<', '<=', '>', '>='].includes(op) || value === undefined) return undefined;
  return withField(field, { op: op as '=', value });
}

/** `($v := X; predicate ? then : else)`, where a kept branch is `$v`. */
export const conditionPeeler: Peeler = (n) => {
  const b = bound(n, 'v');
  const cond = b?.[1].length === 1 ? b[1][0] : undefined;
  const when = cond?.type === 'condition' && cond.condition ? predicateFromAst(cond.condition, 'v') : undefined;
  const branch = (node: AstNode | undefined) => (node?.type === 'variable' && node.value === 'v' ? undefined : scalar(node));
  if (!b || !cond || !when) return undefined;
  const [then, otherwise] = [branch(cond.then), branch(cond.else)];
  return { node: { kind: 'condition', when, ...(then === undefined ? {} : { then }), ...(otherwise === undefined ? {} : { else: otherwise }) }, input: b[0] };
};

/** `X[predicate]`: the filter stage sits on the last step of X's path. */
export const filterPeeler: Peeler = (n) => {
  const steps = n.type === 'path' ? n.steps : undefined;
  const last = steps?.[steps.length - 1];
  const stages = last?.stages as Array<{ type: string; expr?: AstNode }> | undefined;
  if (!steps || !last || stages?.length !== 1 || stages[0]!.type !== 'filter' || !stages[0]!.expr) return undefined;
  const when = predicateFromAst(stages[0]!.expr);
  if (!when) return undefined;
  const input: AstNode = { ...n, steps: [...steps.slice(0, -1), { ...last, stages: undefined }] };
  return { node: { kind: 'filter', when }, input };
};
