/**
 * Lineage of one output value: which rule made it, through which transforms
 * and array contexts, and which source values it read. Pure: it reads the
 * document (and, when given, the input the preview mapped, to say which
 * element of a source array an output element came from). Output paths are
 * spelled as the preview and the test differences spell them
 * (`contacts[1].value`, `` `Order Date` ``).
 *
 * Which source element made output element i: the same index when the
 * context neither filters, sorts nor groups; for a sort, the element at
 * place i of the stably sorted source array; with a filter or grouping the
 * element cannot be told without evaluating, and it is left open.
 *
 * XML repeats an element only when there are several: a name that follows
 * an array context's target without an index (`Invoice.InvoiceLine.ID`)
 * is read as that array's element 0.
 */
import type { ArrayContext, MappingDocument, MappingRule } from '../document/document-schema';
import { quoteName, splitPath } from '../transforms/jsonata-text';

/** One array context on the way to the value. */
export interface LineageContext {
  /** The context's target array, as the document names it. */
  target: string;
  /** The source array it iterates, as the document names it. */
  source: string;
  /** Index of the element in the output array. */
  outputIndex: number;
  /** Index of the element in the source array that made it; undefined when it cannot be told. */
  sourceIndex?: number;
  /** The source array's path in the input (`contacts`), when it resolves. */
  sourceArrayPath?: string;
}

/** One source a rule reads. */
export interface LineageSource {
  /** As the rule names it (`billing.city`, `../accountId`, `$position`). */
  source: string;
  /** Path in the input with element indices (`contacts[1].value`); undefined for `$key`/`$position` or an undecided element. */
  inputPath?: string;
  /** The value there, when the input was given and the path resolves. */
  value?: unknown;
}

/** Where an output value came from. */
export interface Lineage {
  outputPath: string;
  /** The target field without element indices, as rules name it. */
  targetPath: string;
  ruleIndex?: number;
  rule?: MappingRule;
  contexts: LineageContext[];
  sources: LineageSource[];
}

type Segment = { name: string } | { index: number };

/** Splits an output path into names and element indices. @throws Error on a malformed path */
export function outputPathSegments(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '.') i++;
    else if (ch === '[') {
      const end = path.indexOf(']', i);
      const index = Number(path.slice(i + 1, end));
      if (end < 0 || !Number.isInteger(index)) throw new Error(`bad element index in "${path}"`);
      out.push({ index });
      i = end + 1;
    } else if (ch === '`') {
      let name = '';
      let j = i + 1;
      for (;;) {
        if (j >= path.length) throw new Error(`unclosed backtick in "${path}"`);
        if (path[j] === '`' && path[j + 1] === '`') {
          name += '`';
          j += 2;
        } else if (path[j] === '`') break;
        else name += path[j++];
      }
      out.push({ name });
      i = j + 1;
    } else {
      const match = /^[^.[`]+/.exec(path.slice(i))![0];
      out.push({ name: match });
      i += match.length;
    }
  }
  return out;
}

function join(parent: string, names: readonly string[]): string {
  return names.reduce((path, name) => (path === '' ? quoteName(name) : `${path}.${quoteName(name)}`), parent);
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** A place in the input: its shown path and its steps. */
interface Scope {
  path: string;
  steps: (string | number)[];
}

function relative(scopes: readonly Scope[], source: string): Scope | undefined {
  if (source === '.') return scopes[scopes.length - 1];
  if (source.startsWith('/')) return extend({ path: '', steps: [] }, source.slice(1));
  let up = 0;
  while (source.startsWith('../', up * 3)) up++;
  const base = scopes[scopes.length - 1 - up];
  return base && extend(base, source.slice(up * 3));
}

function extend(scope: Scope, path: string): Scope | undefined {
  try {
    const names = splitPath(path);
    return { path: join(scope.path, names), steps: [...scope.steps, ...names] };
  } catch {
    return undefined;
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = a === undefined || a === null ? '' : String(a as string);
  const y = b === undefined || b === null ? '' : String(b as string);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Which source element made output element `outputIndex` of `context` (see the module comment). */
export function sourceElementIndex(context: ArrayContext, items: unknown, outputIndex: number): number | undefined {
  if (context.filter !== undefined || context.groupBy !== undefined) return undefined;
  if (!context.sort) return outputIndex;
  if (!Array.isArray(items)) return undefined;
  const sort = context.sort;
  let field: string[];
  try {
    field = splitPath(sort.field);
  } catch {
    return undefined;
  }
  const order = items.map((item, i) => ({ i, key: valueAt(item, field) }));
  order.sort((a, b) => (sort.descending ? -compare(a.key, b.key) : compare(a.key, b.key)) || a.i - b.i);
  return order[outputIndex]?.i;
}

/** `segments` with index 0 after every array context's target that a name follows directly (see the module comment). */
function withLoneElements(doc: MappingDocument, segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  const names: string[] = [];
  segments.forEach((segment, i) => {
    out.push(segment);
    if (!('name' in segment)) return;
    names.push(segment.name);
    const next = segments[i + 1];
    if (next && 'name' in next && doc.arrays.some((a) => a.target === join('', names))) out.push({ index: 0 });
  });
  return out;
}

/**
 * The lineage of the output value at `outputPath` of `doc`; `input` (the
 * mapped input's value) lets it name source elements and values.
 * @throws Error when `outputPath` is malformed
 */
export function lineageOf(doc: MappingDocument, outputPath: string, input?: unknown): Lineage {
  const segments = withLoneElements(doc, outputPathSegments(outputPath));
  const names: string[] = [];
  const contexts: LineageContext[] = [];
  const rootContext = doc.arrays.find((a) => a.target === '.');
  const scopes: (Scope | undefined)[] = [{ path: '', steps: [] }];
  for (const segment of segments) {
    if ('name' in segment) {
      names.push(segment.name);
      continue;
    }
    const target = names.length === 0 ? '.' : join('', names);
    const context = names.length === 0 ? rootContext : doc.arrays.find((a) => a.target === target);
    if (!context) continue;
    const scope = scopes[scopes.length - 1];
    const array = scope && relative(scopes.filter((s): s is Scope => s !== undefined), context.source);
    const sourceIndex = sourceElementIndex(context, array && input !== undefined ? valueAt(input, array.steps) : undefined, segment.index);
    contexts.push({ target: context.target, source: context.source, outputIndex: segment.index, ...(sourceIndex !== undefined ? { sourceIndex } : {}), ...(array ? { sourceArrayPath: array.path } : {}) });
    scopes.push(array && sourceIndex !== undefined ? { path: `${array.path}[${sourceIndex}]`, steps: [...array.steps, sourceIndex] } : undefined);
  }
  const targetPath = join('', names);
  const ruleIndex = doc.rules.findIndex((r) => r.target === targetPath);
  const rule = ruleIndex >= 0 ? doc.rules[ruleIndex] : undefined;
  const known = scopes.every((s) => s !== undefined) ? (scopes as Scope[]) : undefined;
  const sources: LineageSource[] = (rule?.sources ?? []).map((source) => {
    if (source === '$key' || source === '$position' || !known) return { source };
    const place = relative(known, source);
    if (!place) return { source };
    const value = input === undefined ? undefined : valueAt(input, place.steps);
    return { source, inputPath: place.path, ...(value !== undefined ? { value } : {}) };
  });
  return { outputPath, targetPath, ...(rule ? { ruleIndex, rule } : {}), contexts, sources };
}
