/**
 * The rows of the rules view (and the target tree of the canvas): every
 * field of the target schema, merged with the rule targets and array
 * contexts the schema does not list (a document mapped before its schema was
 * chosen, or a hand-written target). Each row's `path` is written exactly as
 * a rule's `target` must be (canonical document path), so a view can pass it
 * straight to an edit.
 */
import type { ArrayContext, MappingDocument, MappingRule } from '../document-schema';
import type { FieldType, SchemaField } from '../../schema/model';
import { splitPath } from '../../transforms/jsonata-text';
import { quoteName } from '../../transforms/jsonata-text';
import { scopeProblem, type Scope } from './edit-paths';

/** Whether a target field is mapped. */
export type FieldStatus = 'mapped' | 'unmapped' | 'error';

/** One target field. */
export interface TargetFieldRow {
  /** The rule target for this field (`address.city`, ``Invoice.`cbc:ID` ``). */
  path: string;
  name: string;
  /** 0 for a top-level field. */
  depth: number;
  type: FieldType;
  required: boolean;
  repeating: boolean;
  /** The field has fields inside it (an object or an array of objects). */
  container: boolean;
  /** The target schema lists the field (false for rule targets and contexts it does not know). */
  inSchema: boolean;
  /** The array context driving this array, when there is one. */
  arrayContext?: ArrayContext;
  rule?: MappingRule;
  ruleIndex?: number;
  /** Rules on fields inside this one. */
  mappedInside: number;
  /** `mapped` when the field or a field inside it has a rule; `error` when its rule cannot compile as it stands. */
  status: FieldStatus;
  /** Why the status is `error`. */
  problem?: string;
}

/** Options of {@link targetFieldRows}. */
export interface TargetRowOptions {
  /** Problems found elsewhere (a compile or test failure), by rule target; they make the row an error. */
  problems?: Readonly<Record<string, string>>;
}

interface Node {
  name: string;
  names: string[];
  field?: SchemaField;
  context?: ArrayContext;
  rule?: MappingRule;
  ruleIndex?: number;
  children: Node[];
  byName: Map<string, Node>;
}

function node(name: string, names: string[], field?: SchemaField): Node {
  return { name, names, field, children: [], byName: new Map() };
}

function fromSchema(field: SchemaField, names: string[]): Node {
  const n = node(field.name, names, field);
  for (const child of field.children ?? []) {
    const c = fromSchema(child, [...names, child.name]);
    n.children.push(c);
    n.byName.set(child.name, c);
  }
  return n;
}

function nodeAt(root: Node, names: readonly string[]): Node {
  let current = root;
  names.forEach((name, i) => {
    let next = current.byName.get(name);
    if (!next) {
      next = node(name, names.slice(0, i + 1));
      current.children.push(next);
      current.byName.set(name, next);
    }
    current = next;
  });
  return current;
}

function splitOrUndefined(path: string): string[] | undefined {
  try {
    return splitPath(path);
  } catch {
    return undefined;
  }
}

/** Why the rule at `n` cannot compile as it stands, or undefined. */
function ruleProblem(doc: MappingDocument, n: Node, rule: MappingRule, scope: Scope, mappedInside: number, unrolled: string | undefined): string | undefined {
  if (rule.sources.length === 0 && rule.transforms.length === 0) return 'a rule needs a source field or a transform';
  if (mappedInside > 0) return `${rule.target} has its own rule and also fields inside it`;
  if (n.context) return `${rule.target} is an array context: map the fields inside it`;
  for (const source of rule.sources) {
    const problem = scopeProblem(source, scope);
    if (problem !== undefined) return problem;
  }
  for (const t of rule.transforms) if (t.kind === 'lookup' && !Object.hasOwn(doc.lookups, t.table)) return `no lookup table named ${t.table}`;
  if (unrolled !== undefined) return `${unrolled} repeats in the target: add an array context for it`;
  return undefined;
}

/**
 * Every target field, depth first in schema order, with rule targets and
 * array contexts the schema lacks placed among their siblings. Without a
 * schema (`targetTree` undefined) the rows are the fields the rules and
 * contexts name. O(fields + rules x array contexts).
 */
export function targetFieldRows(doc: MappingDocument, targetTree?: SchemaField, options: TargetRowOptions = {}): TargetFieldRow[] {
  const root = targetTree ? fromSchema(targetTree, []) : node('', []);
  for (const context of doc.arrays) {
    if (context.target === '.') continue;
    const names = splitOrUndefined(context.target);
    if (names) nodeAt(root, names).context ??= context;
  }
  doc.rules.forEach((rule, i) => {
    const names = splitOrUndefined(rule.target);
    if (!names) return;
    const n = nodeAt(root, names);
    if (n.rule === undefined) Object.assign(n, { rule, ruleIndex: i });
  });
  const rootContext = doc.arrays.find((a) => a.target === '.');
  const rows: TargetFieldRow[] = [];

  // Returns the number of rules at or inside `n`. `unrolled` is the nearest repeating field above without a
  // context; `scope` the contexts above, tracked on the way down so no rule's scope is searched for.
  const visit = (n: Node, parentPath: string, scope: Scope, unrolled: string | undefined): number => {
    const path = parentPath ? `${parentPath}.${quoteName(n.name)}` : quoteName(n.name);
    const at = rows.length;
    const repeating = n.field?.repeating ?? n.context !== undefined;
    const row: TargetFieldRow = {
      path,
      name: n.name,
      depth: n.names.length - 1,
      type: n.field?.type ?? (n.children.length > 0 ? 'object' : 'any'),
      required: n.field?.required ?? false,
      repeating,
      container: n.children.length > 0,
      inSchema: n.field !== undefined,
      mappedInside: 0,
      status: n.rule ? 'mapped' : 'unmapped',
    };
    if (n.context) row.arrayContext = n.context;
    if (n.rule) Object.assign(row, { rule: n.rule, ruleIndex: n.ruleIndex });
    rows.push(row);
    const inner = repeating && !n.context ? path : unrolled;
    const innerScope = n.context ? { contexts: [...scope.contexts, n.context], depth: scope.depth + 1, grouped: n.context.groupBy !== undefined } : scope;
    for (const child of n.children) row.mappedInside += visit(child, path, innerScope, inner);
    if (row.mappedInside > 0) row.status = 'mapped';
    if (n.rule) {
      const problem = options.problems?.[n.rule.target] ?? ruleProblem(doc, n, n.rule, scope, row.mappedInside, unrolled);
      if (problem !== undefined) Object.assign(rows[at]!, { status: 'error', problem });
    }
    return row.mappedInside + (n.rule ? 1 : 0);
  };
  const rootUnrolled = targetTree?.repeating && !rootContext ? 'the output (a list of records)' : undefined;
  const rootScope: Scope = rootContext ? { contexts: [rootContext], depth: 1, grouped: rootContext.groupBy !== undefined } : { contexts: [], depth: 0, grouped: false };
  for (const child of root.children) visit(child, '', rootScope, rootUnrolled);
  return rows;
}
