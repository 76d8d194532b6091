/**
 * What a transform reads when its source has no value. A missing field, a
 * JSON `null` and empty text (a blank CSV cell, empty XML text) all count as
 * no value, as the required policies count them (compiler/compile-rule.ts).
 * jsonata's own functions disagree: `$string(null)` is the text "null",
 * `$trim(null)` and `null * 2` fail with an uncoded message, and `$sum` fails
 * on a list holding a null. So transforms that compute from their input read
 * it through `$present`, which turns null and "" into no value (and drops
 * them from a list); no value then passes through and the rule's policy
 * decides (default, omit or MAP_REQUIRED_MISSING). Text transforms read it
 * through `$text`, the same as text: `$trim($text(name))`.
 */
import type { TransformNode } from './transform-node';
import type { TransformContext } from './types';

/**
 * `$present($v)`: `$v` without null and "" (a list keeps its other items,
 * and an empty list stays one: sorted it is still `[]`);
 * `$text($v)`: a value as text, null and "" giving no value. One line each,
 * bound once at the top like the other helpers; the writer indents them.
 */
export const PRESENT_HELPER: readonly string[] = [
  '$present := function($v) {$type($v) = "array" ? ($count($v) = 0 ? $v : $v[$type($) != "null" and $ != ""]) : $type($v) = "null" or $v = "" ? () : $v};',
  '$text := function($v) {$type($v) = "null" or $v = "" ? () : $string($v)};',
];

/** JSONata text of `input` (JSONata text) with null and "" as no value. */
export function presentCall(input: string): string {
  return `$present(${input})`;
}

/**
 * JSONata text of `input` as text, null and "" giving no value (not the text
 * "null"); `input` itself where the chain showed `$text` changes nothing
 * there (`ctx.bareText`, see text-wraps.ts).
 */
export function presentText(input: string, ctx?: Pick<TransformContext, 'bareText'>): string {
  return ctx?.bareText ? input : `$text(${input})`;
}

/** Kinds whose compiled text reads the input through `$present` (see their compilers). */
const READS_PRESENT = new Set<TransformNode['kind']>(['split', 'substring', 'trim', 'case', 'pad', 'replace', 'formatNumber', 'round', 'arithmetic', 'calculate', 'date', 'aggregate']);

/** Whether a yes/no parse reads null and "" as no value: unless its lists give empty text (or "null") a meaning, as `"" means false` does. */
export function parseBooleanReadsPresent(node: { trueValues: readonly string[]; falseValues: readonly string[] }): boolean {
  return ![...node.trueValues, ...node.falseValues].some((v) => v.trim() === '' || v.trim().toLowerCase() === 'null');
}

/** Whether `node` calls the `$present` or `$text` helper, so the expression binds them. */
export function usesPresentHelper(node: TransformNode): boolean {
  if (node.kind === 'sort') return node.field === undefined;
  if (node.kind === 'parseBoolean') return parseBooleanReadsPresent(node);
  return READS_PRESENT.has(node.kind);
}
