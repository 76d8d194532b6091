/** Compiles one rule: its sources, its transform chain and its required-field policy. */
import { MapwrightError } from '../errors';
import type { MappingRule } from '../document/document-schema';
import { compileChain } from '../transforms/registry';
import { literal } from '../transforms/jsonata-text';
import { sourceExpression } from './source-paths';

/** Variable a lookup table is bound to at the top of the expression. */
export function tableVariable(name: string): string {
  return `$table_${name}`;
}

/** JSONata text of a source path; `$key` is the group key inside a grouped array. */
export function compileSource(path: string, depth: number, field: string): string {
  if (path === '$key') return '$key';
  try {
    return sourceExpression(path, depth);
  } catch (error) {
    throw new MapwrightError('COMPILE_INVALID', `${field}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** JSONata text computing `rule`'s target value at array nesting `depth`; `label` names the field in messages. */
export function compileRule(rule: MappingRule, depth: number, label: string): string {
  const sources = rule.sources.map((s) => compileSource(s, depth, label));
  if (sources.length === 0 && rule.transforms.length === 0) {
    throw new MapwrightError('COMPILE_INVALID', `${label}: a rule needs a source field or a transform`);
  }
  // Several sources become one list, which concat, aggregates and custom expressions take as a whole.
  const input = sources.length === 0 ? '()' : sources.length === 1 ? sources[0]! : `[${sources.join(', ')}]`;
  const value = compileChain(rule.transforms, input, { field: label, tableVariable });
  switch (rule.required) {
    case 'omit':
      return value;
    case 'default':
      return `$orDefault(${value}, ${literal(rule.default ?? null)})`;
    case 'error':
      return `$required(${value}, ${literal(label)})`;
  }
}

/**
 * The helpers the required policies call, bound once at the top so each
 * field stays on one short line. Missing, null and "" all count as no value:
 * CSV cells and XML text are empty strings rather than absent.
 */
export const POLICY_HELPERS: Record<'required' | 'orDefault', string> = {
  required: '$required := function($value, $field) { $exists($value) and $value != null and $value != "" ? $value : $error("Required target field " & $field & " has no value") };',
  orDefault: '$orDefault := function($value, $default) { $exists($value) and $value != null and $value != "" ? $value : $default };',
};
