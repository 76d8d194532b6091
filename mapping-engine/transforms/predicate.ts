/** Compiles a {@link Predicate} (filters, conditions, array contexts) to JSONata. */
import { literal, pathExpression } from './jsonata-text';
import type { Predicate } from './transform-node';

/** JSONata boolean text testing `subject` (JSONata text) with `p`; `p.field` is read from the subject. */
export function compilePredicate(p: Predicate, subject: string): string {
  const target = p.field === undefined ? subject : subject === '$' ? pathExpression(p.field) : `${subject}.${pathExpression(p.field)}`;
  const value = p.value;
  switch (p.op) {
    case 'exists':
      return `$exists(${target})`;
    case 'empty':
      return `(${target} = null or ${target} = "" or $not($exists(${target})))`;
    case 'in':
      return `${target} in [${(Array.isArray(value) ? value : [value ?? null]).map(literal).join(', ')}]`;
    default:
      if (Array.isArray(value)) throw new Error(`operator ${p.op} takes one value, not a list`);
      return `${target} ${p.op} ${literal(value ?? null)}`;
  }
}

/** Plain words for a predicate. */
export function describePredicate(p: Predicate): string {
  const who = p.field ? `field "${p.field}"` : 'the value';
  if (p.op === 'exists') return `${who} is present`;
  if (p.op === 'empty') return `${who} is missing or empty`;
  return `${who} ${p.op} ${JSON.stringify(p.value)}`;
}
