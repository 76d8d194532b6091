/** Compiles one rule: its sources, its transform chain and its required-field policy. */
import { MapwrightError } from '../errors';
import type { MappingRule } from '../document/document-schema';
import { numberCall } from '../transforms/number-text';
import { compileChain } from '../transforms/registry';
import { literal, quoteName } from '../transforms/jsonata-text';
import { tableSource } from './lookup-table';
import type { NodeOf } from '../transforms/transform-node';
import type { ChainEnd } from '../transforms/text-wraps';
import type { TransformContext } from '../transforms/types';
import type { RuleOwners } from './parse-owners';
import { positionVariable } from './record-label';
import { PARAM_SOURCE, parameterBinding } from './run-parameters';
import { sourceExpression } from './source-paths';

/** Variable a lookup table is bound to at the top of the expression. */
export function tableVariable(name: string): string {
  return `$table_${name}`;
}

/**
 * JSONata text of a source path; `$key` is the group key inside a grouped
 * array, `$items` the group's members, `$position` the element's 1-based position in the innermost array
 * (bound as `#$index<depth>` by the array, see compile-document.ts).
 */
export function compileSource(path: string, depth: number, field: string): string {
  if (path === '$key') return '$key';
  // The members of the enclosing group (bound by the grouped array, see compile-document.ts).
  if (path === '$items') return '$items';
  // A run parameter, bound once at the top (see run-parameters.ts).
  const param = PARAM_SOURCE.exec(path)?.[1];
  if (param !== undefined) return `$${parameterBinding(param)}`;
  // A column of a constants table, bound once at the top (see lookup-table.ts).
  const constant = tableSource(path);
  if (constant) return `${tableVariable(constant.table)}.${quoteName(constant.column)}`;
  if (path === '$position') {
    if (depth < 1) throw new MapwrightError('COMPILE_INVALID', `${field}: $position is the position of an array element, and this field is in no array`);
    return `(${positionVariable(depth)} + 1)`;
  }
  try {
    return sourceExpression(path, depth);
  } catch (error) {
    throw new MapwrightError('COMPILE_INVALID', `${field}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Where a rule is compiled, beyond its nesting and label. */
export interface RuleOptions {
  /** A `$record` naming the current record is in scope, so required-field and invalid-value errors pass it on. */
  record?: boolean;
  /** The variable each value map of the rule is bound to at the top (see `nameValueMaps`). */
  valueMapVariable?: (node: NodeOf<'valueMap'>) => string | undefined;
  /** The fields owning number text this rule reads too, so its errors name them (see parse-owners.ts). */
  owners?: RuleOwners;
  /** Wrap every text transform's input in `$text`, as earlier versions wrote it (the reverse compiler reads that text too). */
  keepTextWraps?: boolean;
}

/**
 * The rule's value when other fields own number text it reads: the reads
 * raise the owner's error (its label and record), the rest of the chain as
 * usual. Without owners, the chain over `input`.
 */
function ownedChain(rule: MappingRule, sources: string[], input: string, ctx: TransformContext, owners: RuleOwners | undefined, end: ChainEnd): string {
  if (owners?.kind === 'aggregate') return compileChain(rule.transforms, input, { ...ctx, itemOwners: owners.owners }, end);
  const first = rule.transforms[0];
  if (!owners || first?.kind !== 'parseNumber') return compileChain(rule.transforms, input, ctx, end);
  let parsed: string;
  if (owners.kind === 'sources') {
    // Each source read on its own, as $toNumber reads each value of the list.
    parsed = `[${sources.map((s, i) => numberCall(s, first, owners.owners[i] ? { ...ctx, field: owners.owners[i].label } : ctx)).join(', ')}]`;
  } else {
    // Element by element, so the error names the element the way the owner's array does.
    parsed = `(${owners.items}.${numberCall(owners.value, first, { ...ctx, field: owners.owner.label }, owners.owner.record)})`;
  }
  return compileChain(rule.transforms.slice(1), parsed, ctx, end);
}

/** JSONata text computing `rule`'s target value at array nesting `depth`; `label` names the field in messages. */
export function compileRule(rule: MappingRule, depth: number, label: string, options: RuleOptions = {}): string {
  const sources = rule.sources.map((s) => compileSource(s, depth, label));
  if (sources.length === 0 && rule.transforms.length === 0) {
    throw new MapwrightError('COMPILE_INVALID', `${label}: a rule needs a source field or a transform`);
  }
  // Several sources become one list, which concat, aggregates and custom expressions take as a whole.
  const input = sources.length === 0 ? '()' : sources.length === 1 ? sources[0]! : `[${sources.join(', ')}]`;
  const ctx = { field: label, tableVariable, valueMapVariable: options.valueMapVariable, sourceCount: sources.length, ...(options.record ? { record: true } : {}) };
  // Every policy reads "" as no value, except a bare value (omit without sources), so a chain ending in one can leave some `$text` out.
  const end: ChainEnd = { ignoresEmpty: rule.required !== 'omit' || rule.sources.length > 0, keepTextWraps: options.keepTextWraps };
  const value = ownedChain(rule, sources, input, ctx, options.owners, end);
  switch (rule.required) {
    case 'omit':
      // An empty value ("" or null: a blank CSV cell, empty XML text) leaves the field out, as a missing one does.
      return rule.sources.length > 0 ? `$omitEmpty(${value})` : value;
    case 'default':
      return `$orDefault(${value}, ${literal(rule.default ?? null)})`;
    case 'error':
      return `$required(${value}, ${literal(label)}${options.record ? ', $record' : ''})`;
  }
}

/**
 * The helpers the required policies call, bound once at the top so each
 * field stays on one short line; one line each, indented by the writer.
 * Missing, null and "" all count as no value: CSV cells and XML text are
 * empty strings rather than absent. The error names the field and, when
 * one is in scope, the record (see record-label.ts).
 */
export const POLICY_HELPERS: Record<'required' | 'orDefault' | 'requiredItems' | 'omitEmpty' | 'nonEmpty', string[]> = {
  required: [
    '$required := function($value, $field, $record) {',
    '  $exists($value) and $value != null and $value != "" ? $value : $error($field & " is required" & ($exists($record) ? " (" & $record & ")" : ""))',
    '};',
  ],
  omitEmpty: ['$omitEmpty := function($value) {', '  ($type($value) = "string" and $value = "") or $type($value) = "null" ? () : $value', '};'],
  // An object whose fields were all left out is left out too (`<CdtrAgt><FinInstnId/></CdtrAgt>` is not written).
  nonEmpty: ['$nonEmpty := function($object) {', '  $count($keys($object)) > 0 ? $object : ()', '};'],
  orDefault: ['$orDefault := function($value, $default) {', '  $exists($value) and $value != null and $value != "" ? $value : $default', '};'],
  // An array context that must not be empty raises what a missing required field raises, so hosts read both alike.
  requiredItems: [
    '$requiredItems := function($items, $field, $record) {',
    '  $count($items) > 0 ? $items : $error($field & " is required" & ($exists($record) ? " (" & $record & ")" : ""))',
    '};',
  ],
};
