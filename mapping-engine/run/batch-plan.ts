/**
 * Decides whether a mapping can run in batch mode: per record, so that a
 * large CSV or JSON Lines input can be mapped in chunks of records and the
 * chunk outputs simply concatenated. That holds when the output is one item
 * per input record: an array context maps the input's records (source `.`)
 * to the root of the output ("." or the one array the whole target lives
 * in), without sort or group-by (they need all records at once; a filter
 * works record by record), and nothing reads the input as a whole (`/`
 * sources, `../` up to the root, `$$` in a custom expression). An XML output
 * is one document, so its items must sit below the root element.
 */
import type { ArrayContext, MappingDocument } from '../document/document-schema';
import { levelsUp } from '../compiler/source-paths';
import type { JsonValue } from '../payload/types';
import { splitPath } from '../transforms/jsonata-text';
import { formatFieldPath } from '../validate/field-path';
import type { OutputViolation } from '../validate/validation-types';

/** A mapping that runs per record. */
export interface PerRecordPlan {
  perRecord: true;
  /** Names from the output root to the array of items; `[]` when the output is the array itself. */
  arrayPath: string[];
  /** Member names of an item in document order: the columns of a CSV output. */
  columns: string[];
}

/** Whether and how a document runs per record; `reason` says why not. */
export type BatchPlan = PerRecordPlan | { perRecord: false; reason: string };

function no(reason: string): BatchPlan {
  return { perRecord: false, reason };
}

const segmentsOf = (target: string): string[] => (target === '.' ? [] : splitPath(target));

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length < path.length && prefix.every((name, i) => name === path[i]);
}

/** Why reading `source` at nesting `depth` (>= 1) needs more than the current record, or undefined. */
function wholeInputReason(source: string, depth: number, where: string): string | undefined {
  if (source.startsWith('/')) return `${where} reads ${source} from the whole input`;
  if (levelsUp(source) >= depth) return `${where} reads ${source}, which steps out of the record to the whole input`;
  return undefined;
}

/**
 * Plans batch mode for `doc`: per record, with the path of the item array
 * and the item columns, or not, with the reason in words.
 */
export function planBatch(doc: MappingDocument): BatchPlan {
  const { source, target } = doc;
  if (source.format !== 'csv' && source.format !== 'jsonl') return no(`the source is ${source.format}; only CSV and JSON Lines inputs are read record by record`);
  const root = doc.arrays.find((a) => a.target === '.') ?? doc.arrays.find((a) => a.source === '.' && !doc.arrays.some((b) => isPrefix(segmentsOf(b.target), segmentsOf(a.target))));
  if (!root || root.source !== '.') return no('no array context maps the input records (source ".") to the output');
  if (root.sort) return no(`the array ${root.target} is sorted, which needs all records at once`);
  if (root.groupBy) return no(`the array ${root.target} is grouped, which needs all records at once`);
  // Both would be judged per chunk: a chunk with every record filtered out is no empty input, and positions would restart.
  if (root.required === 'error') return no(`the array ${root.target} must not be empty, which needs all records at once`);
  const arrayPath = segmentsOf(root.target);
  if (target.format === 'xml' && arrayPath.length < 2) return no('an XML output is one document: its items must sit in an element below the root element, such as Orders.Order');
  if (arrayPath.length > 0 && target.format !== 'json' && target.format !== 'xml') return no(`a ${target.format} output is the list of items itself; here the items sit in ${root.target}`);
  const arrays: Array<{ context: ArrayContext; path: string[] }> = doc.arrays.map((context) => ({ context, path: segmentsOf(context.target) }));
  // Nesting depth of a field or array at `path`: the record's array plus every array enclosing it.
  const depthOf = (path: string[]): number => 1 + arrays.filter((a) => a.context !== root && isPrefix(a.path, path)).length;
  for (const { context, path } of arrays) {
    if (context === root) continue;
    if (!isPrefix(arrayPath, path) && arrayPath.length > 0) return no(`the array ${context.target} lies outside ${root.target}, so the output is more than one item per record`);
    const reason = context.source === '$key' ? undefined : wholeInputReason(context.source, depthOf(path), `the array ${context.target}`);
    if (reason) return no(reason);
  }
  const columns: string[] = [];
  for (const rule of doc.rules) {
    const path = splitPath(rule.target);
    if (!isPrefix(arrayPath, path) && arrayPath.length > 0) return no(`the field ${rule.target} lies outside ${root.target}, so the output is more than one item per record`);
    for (const s of rule.sources) {
      if (s === '$position' && depthOf(path) === 1) return no(`the field ${rule.target} numbers the records ($position), which needs all records at once`);
      const reason = s === '$key' || s === '$position' ? undefined : wholeInputReason(s, depthOf(path), `the field ${rule.target}`);
      if (reason) return no(reason);
    }
    if (rule.transforms.some((t) => t.kind === 'custom' && t.expression.includes('$$'))) return no(`the field ${rule.target} uses $$ (the whole input) in a custom expression`);
    const column = path[arrayPath.length];
    if (column !== undefined && !columns.includes(column)) columns.push(column);
  }
  return { perRecord: true, arrayPath, columns };
}

/** The items of one chunk's output (the array at the plan's path; none when the path holds nothing). */
export function chunkItems(plan: PerRecordPlan, output: unknown): JsonValue[] {
  let current: unknown = output;
  for (const name of plan.arrayPath) {
    current = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>)[name] : undefined;
  }
  if (current === undefined || current === null) return [];
  return Array.isArray(current) ? (current as JsonValue[]) : [current as JsonValue];
}

/** The whole output of a batch run from its chunk outputs, in order: the items concatenated at the plan's path. */
export function mergeChunkOutputs(plan: PerRecordPlan, outputs: readonly unknown[]): JsonValue {
  let merged: JsonValue = outputs.flatMap((output) => chunkItems(plan, output));
  for (const name of [...plan.arrayPath].reverse()) merged = { [name]: merged };
  return merged;
}

/**
 * A violation found in one chunk's output, with its item index moved to the
 * item's place in the whole output (`[3].total` of the chunk starting at
 * item 2000 is `[2003].total`).
 */
export function shiftViolation(plan: PerRecordPlan, violation: OutputViolation, offset: number): OutputViolation {
  const prefix = formatFieldPath(plan.arrayPath);
  if (!violation.path.startsWith(`${prefix}[`)) return violation;
  const rest = violation.path.slice(prefix.length);
  const match = /^\[(\d+)\]/.exec(rest);
  if (!match) return violation;
  return { ...violation, path: `${prefix}[${Number(match[1]) + offset}]${rest.slice(match[0].length)}` };
}
