/**
 * The rows of the rules view: every target field (from the target schema or
 * sample) with its rule, plus the rules whose target the schema does not
 * list. Each row says whether the field is mapped, unmapped or in error.
 */
import type { ArrayContext, MappingDocument, MappingRule } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { FieldError, SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import { namesKey, pathKeyOf, treeFields } from './field-tree';

/** What a row stands for. */
export type RowKind = 'field' | 'object' | 'array';

/** Where a row stands. */
export type RowStatus = 'mapped' | 'unmapped' | 'error' | 'group';

/** One row of the rules view. */
export interface TargetRow {
  /** The target path as rules and array contexts write it. */
  path: string;
  /** Names from the root (for indentation and type-ahead on the last name). */
  name: string;
  depth: number;
  kind: RowKind;
  /** The field's type as the schema says (`string`, `number`, `object`...); empty when not in the schema. */
  type: string;
  repeating: boolean;
  /** The schema requires the field. */
  required: boolean;
  rule?: MappingRule;
  /** The array context whose target this row is. */
  context?: ArrayContext;
  status: RowStatus;
  /** Why the row is in error. */
  problem?: string;
  /** The rule's target is not in the target schema. */
  extra: boolean;
}

/** Run errors by target key; a field error names `contacts[].channel`, a rule `contacts.channel`. */
function errorsByField(fieldErrors: readonly FieldError[] | undefined, compileError: CodedErrorData | undefined): Map<string, string> {
  const byField = new Map<string, string>();
  for (const error of fieldErrors ?? []) {
    if (error.field) byField.set(pathKeyOf(error.field.replace(/\[\]/g, '')), error.message);
  }
  // A transform the compiler refuses names its field first ("customerSince: date transform: ...").
  const named = compileError?.message.match(/^([^\s:]+):/);
  if (compileError && named?.[1]) byField.set(pathKeyOf(named[1].replace(/\[\]/g, '')), compileError.message);
  return byField;
}

/** The rows for `doc` over the target's schema rows (none: the rules alone). */
export function targetRows(
  doc: MappingDocument,
  schemaRows: readonly SchemaFieldRow[] | undefined,
  fieldErrors?: readonly FieldError[],
  compileError?: CodedErrorData,
): TargetRow[] {
  const rules = new Map(doc.rules.map((rule) => [pathKeyOf(rule.target), rule]));
  const contexts = new Map(doc.arrays.map((context) => [pathKeyOf(context.target), context]));
  const errors = errorsByField(fieldErrors, compileError);
  const seen = new Set<string>();
  const rows: TargetRow[] = [];

  const statusOf = (key: string, kind: RowKind, rule: MappingRule | undefined, context: ArrayContext | undefined): { status: RowStatus; problem?: string } => {
    const problem = errors.get(key);
    if (problem) return { status: 'error', problem };
    if (rule || (kind === 'array' && context)) return { status: 'mapped' };
    return { status: kind === 'object' ? 'group' : 'unmapped' };
  };

  for (const field of treeFields(schemaRows ?? [])) {
    const key = namesKey(field.names);
    seen.add(key);
    const kind: RowKind = field.row.hasChildren ? (field.row.repeating ? 'array' : 'object') : 'field';
    const rule = rules.get(key);
    const context = contexts.get(key);
    rows.push({
      path: field.path,
      name: field.row.name,
      depth: field.row.depth,
      kind,
      type: field.row.type,
      repeating: field.row.repeating,
      required: field.row.required,
      ...(rule ? { rule } : {}),
      ...(context ? { context } : {}),
      ...statusOf(key, kind, rule, context),
      extra: false,
    });
  }
  for (const rule of doc.rules) {
    const key = pathKeyOf(rule.target);
    if (seen.has(key)) continue;
    seen.add(key);
    const names = key.split('\u0000');
    rows.push({ path: rule.target, name: names[names.length - 1] ?? rule.target, depth: 0, kind: 'field', type: '', repeating: false, required: false, rule, ...statusOf(key, 'field', rule, undefined), extra: true });
  }
  return rows;
}

/**
 * Counts of field rows for the panel's summary line when the engine's coverage is unknown (no target
 * schema). Required-unmapped fields are counted only by the engine's `targetCoverage`, one definition.
 */
export function rowCounts(rows: readonly TargetRow[]): { mapped: number; unmapped: number; error: number } {
  let mapped = 0;
  let unmapped = 0;
  let error = 0;
  for (const row of rows) {
    if (row.kind !== 'field') continue;
    if (row.status === 'mapped') mapped++;
    else if (row.status === 'error') error++;
    else if (row.status === 'unmapped') unmapped++;
  }
  return { mapped, unmapped, error };
}

/**
 * Type-ahead: the first row after `from` (wrapping) whose name or path
 * starts with `prefix`, case-insensitive; then one whose path contains it.
 */
export function findRow(rows: readonly TargetRow[], prefix: string, from: number): number | undefined {
  const wanted = prefix.toLowerCase();
  if (!wanted) return undefined;
  const order = rows.map((_, i) => (from + i) % rows.length);
  const starts = order.find((i) => rows[i]!.name.toLowerCase().startsWith(wanted) || rows[i]!.path.toLowerCase().startsWith(wanted));
  return starts ?? order.find((i) => rows[i]!.path.toLowerCase().includes(wanted));
}

/**
 * Where a new rule for the row at `path` goes in the document's rule list:
 * before the rule of the next row (in the target schema's order) that has
 * one, so the compiled expression lists the fields in the schema's order.
 * The end of the list when no later row is mapped.
 */
export function ruleInsertIndex(rows: readonly TargetRow[], rules: readonly MappingRule[], path: string): number {
  const at = rows.findIndex((r) => r.path === path);
  for (const row of rows.slice(at + 1)) {
    if (!row.rule) continue;
    const index = rules.indexOf(row.rule);
    if (index >= 0) return index;
  }
  return rules.length;
}
