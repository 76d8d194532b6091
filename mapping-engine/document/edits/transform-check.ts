/**
 * Checks a transform node the way the compiler will: its parameters against
 * the zod schema, then a trial compile (a bad regex, date pattern or custom
 * JSONata is refused here, not when the whole mapping compiles), then the
 * lookup table it names.
 */
import { lookupColumnProblem } from '../../compiler/table-checks';
import type { TableDeclaration } from '../../compiler/lookup-table';
import { transformNodeSchema, type TransformNode } from '../../transforms/transform-node';
import { compileTransform } from '../../transforms/registry';
import { toDatePicture } from '../../transforms/date-pattern';
import { refuse, issueText } from './edit-error';

/** Per-parameter messages (`''` for the node as a whole); empty when the parameters are valid. */
export type ParamProblems = Record<string, string>;

const NAMED_DATES = new Set(['iso', 'epoch-s', 'epoch-ms']);

/** Which parameter a compile failure of `node` is about, for inline messages. */
function failingParam(node: TransformNode): string {
  switch (node.kind) {
    case 'replace':
      return 'pattern';
    case 'custom':
      return 'expression';
    case 'condition':
    case 'filter':
      return 'when';
    case 'date':
      for (const param of ['from', 'to'] as const) {
        if (NAMED_DATES.has(node[param])) continue;
        try {
          toDatePicture(node[param]);
        } catch {
          return param;
        }
      }
      return '';
    default:
      return '';
  }
}

/** JSONata text standing for a rule's input: the compiled form depends only on how many sources it has. */
function inputFor(sourceCount: number): string {
  if (sourceCount === 0) return '()';
  if (sourceCount === 1) return '$s1';
  return `[${Array.from({ length: sourceCount }, (_, i) => `$s${i + 1}`).join(', ')}]`;
}

/** Compiles `node` as it would be in a rule with `sourceCount` sources; returns the failure message, or undefined. */
function compileProblem(node: TransformNode, field: string, sourceCount = 1): string | undefined {
  // Built as a variable so a context field older builds lack (sourceCount) is passed without a type error.
  const ctx = { field, tableVariable: (name: string) => `$table_${name}`, sourceCount };
  try {
    compileTransform(node, inputFor(sourceCount), ctx);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Validates the parameters of a transform of `kind` (as a form holds them,
 * without `kind`) and returns one message per failing parameter. Pure and
 * cheap enough to run on every keystroke of a parameter form.
 */
export function validateTransformParams(kind: string, params: Record<string, unknown>, sourceCount?: number): ParamProblems {
  const result = transformNodeSchema.safeParse({ ...params, kind });
  const problems: ParamProblems = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.length > 0 ? String(issue.path[0]) : '';
      if (key === 'kind') problems[''] = `unknown transform kind "${kind}"`;
      else if (issue.code === 'unrecognized_keys') for (const k of issue.keys) problems[k] ??= 'not a parameter of this transform';
      else problems[key] ??= issue.message;
    }
    return problems;
  }
  const problem = compileProblem(result.data, kind, sourceCount ?? 2);
  if (problem !== undefined) problems[failingParam(result.data)] = problem;
  return problems;
}

/**
 * A transform node ready to store (defaults applied) or a refusal naming
 * `where` (such as "rule customerSince transform 2"); `lookups` are the
 * table names the document defines. Whether it compiles is checked with the
 * whole chain of its rule ({@link checkChain}), since some transforms depend
 * on the rule's sources.
 */
export function checkTransform(input: unknown, where: string, lookups: Readonly<Record<string, unknown>>): TransformNode {
  const result = transformNodeSchema.safeParse(input);
  if (!result.success) refuse(`${where}: ${issueText(result.error)}`, where);
  const node = result.data;
  if (node.kind === 'lookup' && !Object.hasOwn(lookups, node.table)) refuse(`${where}: no lookup table named ${node.table}`, `${where}: an existing lookup table`);
  // A row table needs a column it has, a code table none (see compiler/table-checks.ts).
  const table = node.kind === 'lookup' ? lookups[node.table] : undefined;
  const problem = node.kind === 'lookup' && table !== null && typeof table === 'object' ? lookupColumnProblem(table as TableDeclaration, node.table, node.column) : undefined;
  if (problem) refuse(`${where}: ${problem}`, `${where}: a column of table ${node.kind === 'lookup' ? node.table : ''}`);
  return node;
}

/** Refuses a rule whose transform chain does not compile with its sources (a bad regex, date pattern or custom JSONata). */
export function checkChain(rule: { target: string; sources: readonly string[]; transforms: readonly TransformNode[] }): void {
  rule.transforms.forEach((node, j) => {
    const problem = compileProblem(node, rule.target, rule.sources.length);
    if (problem !== undefined) refuse(`rule ${rule.target} transform ${j + 1}: ${problem}`, `rule ${rule.target} transform ${j + 1}`);
  });
}
