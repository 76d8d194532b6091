/**
 * The Problems panel's list, computed from the document and what the
 * studio knows about it: the compile error, the runtime errors of the
 * latest preview (by target field), the target-schema violations of its
 * output, the required target fields nothing maps, and the rules (and array
 * contexts) whose source paths the source schema or samples do not have.
 * A missing required field that no rule maps is listed once, as unmapped,
 * not again as the output's MAP_REQUIRED_MISSING violation.
 * Each problem names the rule target it concerns, so a view can jump to the
 * rule, plus a coverage count for the status bar. Pure and synchronous.
 */
import type { MappingDocument } from '../document-schema';
import { quoteName, splitPath } from '../../transforms/jsonata-text';

/** A field of one side as the studio lists it (`lines[].price`, flattened depth first). */
export interface SideField {
  path: string;
  required: boolean;
  /** The field has fields inside it. */
  container: boolean;
}

/** What went wrong where (codes from mapping-engine/errors.ts or the validator). */
export interface ProblemInputs {
  compileError?: { code: string; message: string; line?: number; column?: number };
  fieldErrors?: readonly { field?: string; code: string; message: string }[];
  violations?: readonly { path: string; code: string; message: string }[];
  /** The target's fields; unknown (no schema or sample read yet): no unmapped-field check. */
  targetFields?: readonly SideField[];
  /** The source's fields; unknown: no source-path check. */
  sourceFields?: readonly SideField[];
}

/** Kinds of problem, in the order the panel lists them. */
export type ProblemKind = 'compile' | 'runtime' | 'violation' | 'unmapped' | 'source';

/** One entry of the Problems panel. */
export interface Problem {
  kind: ProblemKind;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** The rule target (or target field) it concerns, spelled as rules spell it; absent when it cannot be told. */
  target?: string;
  /** Line (1-based) in the document text or expression, when the error says so. */
  line?: number;
}

/** The status bar's coverage. */
export interface Coverage {
  /** Target leaf fields with a rule (on them or on an object above them). */
  mapped: number;
  unmapped: number;
  /** Required target fields nothing maps. */
  requiredUnmapped: number;
}

/** Names of a path (`contacts[].value`, `contacts[2].value`, `[].InvoiceNo`, `` `a.b`.c ``), without array marks; undefined when malformed. */
export function pathNames(path: string): string[] | undefined {
  // A CSV's or a top-level array's fields are listed as `[].name`: the input's own array mark leaves a leading dot.
  const plain = path.replace(/\[\d*\]/g, '').replace(/^\./, '');
  if (plain === '' || plain === '$' || plain === '.') return [];
  try {
    return splitPath(plain);
  } catch {
    return undefined;
  }
}

/** The rules' spelling of `names`. */
function targetOf(names: readonly string[]): string {
  return names.map(quoteName).join('.');
}

function key(names: readonly string[]): string {
  return JSON.stringify(names);
}

/**
 * Whether `names` starts at or passes through a variable (`$param`, a JSONata variable bound
 * inside custom code): the mapping binds it, so it is no field of the source and is not judged
 * against the source's fields.
 */
export function isVariablePath(names: readonly string[]): boolean {
  return names.some((name) => name.startsWith('$'));
}

/**
 * The place in the input `names` stands for: a group's members (`$items`) are items of the list
 * the group was made from, so `$items` steps drop out (`$items.Betrag` inside a group of rows is
 * the rows' `Betrag`); undefined for a path through any other variable ({@link isVariablePath}).
 */
export function inputPath(names: readonly string[]): string[] | undefined {
  const plain = names.filter((name) => name !== '$items');
  return isVariablePath(plain) ? undefined : plain;
}

function isPrefix(prefix: readonly string[], names: readonly string[]): boolean {
  return prefix.length <= names.length && prefix.every((n, i) => names[i] === n);
}

/**
 * The absolute source names a source path of a rule at `targetNames` reads:
 * relative paths are read inside the innermost array context above the
 * target, `../` steps out of one, `/` starts at the root. Undefined for
 * `$key`, `$position`, `.` and a path that steps out too far.
 */
export function absoluteSource(doc: MappingDocument, targetNames: readonly string[], source: string): string[] | undefined {
  if (source === '$key' || source === '$position' || source === '$items' || source === '.') return undefined;
  if (source.startsWith('/')) return pathNames(source.slice(1));
  const scopes = contextScopes(doc, targetNames);
  let up = 0;
  while (source.startsWith('../', up * 3)) up++;
  const base = scopes[scopes.length - 1 - up];
  const rest = pathNames(source.slice(up * 3));
  return base && rest ? [...base, ...rest] : undefined;
}

/** The source names of the item a rule at `targetNames` reads its relative paths in (empty at the root). */
export function sourceScope(doc: MappingDocument, targetNames: readonly string[]): string[] {
  return contextScopes(doc, targetNames).at(-1) ?? [];
}

/** Source names of the scopes enclosing `targetNames`: the root, then each array context above it (outermost first). */
function contextScopes(doc: MappingDocument, targetNames: readonly string[]): string[][] {
  const scopes: string[][] = [[]];
  const root = doc.arrays.find((a) => a.target === '.');
  if (root) {
    const names = pathNames(root.source);
    if (names) scopes.push(names);
  }
  const enclosing = doc.arrays
    .map((context) => ({ context, names: context.target === '.' ? undefined : pathNames(context.target) }))
    .filter((c): c is { context: typeof c.context; names: string[] } => c.names !== undefined && c.names.length < targetNames.length + 1 && isPrefix(c.names, targetNames))
    .sort((a, b) => a.names.length - b.names.length);
  for (const { context } of enclosing) {
    const source = context.source;
    let up = 0;
    while (source.startsWith('../', up * 3)) up++;
    const base = source.startsWith('/') ? [] : scopes[scopes.length - 1 - up];
    const rest = pathNames(source.startsWith('/') ? source.slice(1) : source.slice(up * 3));
    scopes.push(base && rest ? [...base, ...rest] : []);
  }
  return scopes;
}

/** Problems with the source paths the rules and array contexts read. */
function sourceProblems(doc: MappingDocument, sourceFields: readonly SideField[]): Problem[] {
  const known = new Set(sourceFields.flatMap((f) => {
    const names = pathNames(f.path);
    return names ? [key(names)] : [];
  }));
  const out: Problem[] = [];
  const check = (target: string, targetNames: string[], source: string, what: string) => {
    const absolute = absoluteSource(doc, targetNames, source);
    const names = absolute && inputPath(absolute);
    if (names === undefined || names.length === 0 || known.has(key(names))) return;
    out.push({ kind: 'source', severity: 'warning', code: 'MAP_UNKNOWN_SOURCE', target, message: `${what} reads ${source}, which the source schema and samples do not have` });
  };
  for (const rule of doc.rules) {
    const names = pathNames(rule.target);
    if (!names) continue;
    for (const source of rule.sources) check(rule.target, names, source, rule.target);
  }
  for (const context of doc.arrays) {
    const names = context.target === '.' ? [] : pathNames(context.target);
    // The context's own source is read in the scope enclosing the array: as a field beside it.
    if (names) check(context.target, [...names.slice(0, -1), '\u0000'], context.source, `array ${context.target}`);
  }
  return out;
}

/**
 * The coverage of the target and the required target fields nothing maps: the one definition every
 * view counts by (the Problems panel, the status bar, the rules table's summary). A leaf is mapped
 * when a rule sits on it or on an object above it. A required field is "required unmapped" when no
 * rule covers it and the output must have it: every object above it is required or has a mapped field
 * inside (a required field of an optional object nothing fills is not missing, the object is left out),
 * and a required object nothing inside is mapped counts once, not once per field inside it.
 */
export function targetCoverage(doc: MappingDocument, targetFields: readonly SideField[]): { coverage: Coverage; requiredUnmapped: string[] } {
  const rules = doc.rules.flatMap((r) => {
    const names = pathNames(r.target);
    return names ? [names] : [];
  });
  const fields = targetFields.flatMap((f) => {
    const names = pathNames(f.path);
    return names && names.length > 0 ? [{ ...f, names }] : [];
  });
  const requiredByKey = new Map(fields.map((f) => [key(f.names), f.required]));
  const mappedAt = (names: string[]) => rules.some((r) => isPrefix(r, names));
  const mappedInside = (names: string[]) => rules.some((r) => isPrefix(names, r));
  const missing: string[][] = [];
  const coverage: Coverage = { mapped: 0, unmapped: 0, requiredUnmapped: 0 };
  for (const field of fields) {
    const covered = mappedAt(field.names) || (field.container && mappedInside(field.names));
    if (!field.container) {
      if (mappedAt(field.names)) coverage.mapped++;
      else coverage.unmapped++;
    }
    if (covered || !field.required) continue;
    const parentsDemand = field.names.slice(0, -1).every((_, i) => {
      const above = field.names.slice(0, i + 1);
      return requiredByKey.get(key(above)) === true || mappedInside(above);
    });
    const parentReported = field.names.length > 1 && missing.some((m) => isPrefix(m, field.names));
    if (!parentsDemand || parentReported) continue;
    missing.push(field.names);
  }
  coverage.requiredUnmapped = missing.length;
  return { coverage, requiredUnmapped: missing.map(targetOf) };
}

/** Required target fields nothing maps ({@link targetCoverage}), one problem each. */
function unmapped(doc: MappingDocument, targetFields: readonly SideField[]): { problems: Problem[]; coverage: Coverage } {
  const { coverage, requiredUnmapped } = targetCoverage(doc, targetFields);
  const problems = requiredUnmapped.map((target): Problem => ({ kind: 'unmapped', severity: 'warning', code: 'MAP_REQUIRED_UNMAPPED', target, message: `${target} is required by the target schema but no rule maps it` }));
  return { problems, coverage };
}

/**
 * Whether `violation` only repeats an unmapped-field problem: the output lacks a required field
 * (MAP_REQUIRED_MISSING) at or inside a field no rule maps. The unmapped problem says why and what
 * to do, so the fact is listed once (every record's copy of it too).
 */
function repeatsUnmapped(violation: { path: string; code: string }, unmappedNames: readonly string[][]): boolean {
  if (violation.code !== 'MAP_REQUIRED_MISSING') return false;
  const names = pathNames(violation.path);
  return names !== undefined && names.length > 0 && unmappedNames.some((u) => isPrefix(u, names));
}

/** Every problem of `doc` (see the module comment) and its coverage (undefined without target fields). */
export function documentProblems(doc: MappingDocument, inputs: ProblemInputs): { problems: Problem[]; coverage?: Coverage } {
  const problems: Problem[] = [];
  const ruleTargets = new Set(doc.rules.map((r) => key(pathNames(r.target) ?? [])));
  const targetFor = (path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    const names = pathNames(path);
    if (!names || names.length === 0) return undefined;
    // A violation deep inside a value the rule produced belongs to the nearest rule above it.
    for (let n = names.length; n > 0; n--) if (ruleTargets.has(key(names.slice(0, n)))) return targetOf(names.slice(0, n));
    return targetOf(names);
  };
  if (inputs.compileError) {
    const e = inputs.compileError;
    const named = /^([^\s:]+):/.exec(e.message)?.[1];
    const target = named !== undefined && ruleTargets.has(key(pathNames(named) ?? ['\u0000'])) ? targetFor(named) : undefined;
    problems.push({ kind: 'compile', severity: 'error', code: e.code, message: e.message, ...(target ? { target } : {}), ...(e.line !== undefined ? { line: e.line } : {}) });
  }
  for (const e of inputs.fieldErrors ?? []) {
    const target = targetFor(e.field);
    problems.push({ kind: 'runtime', severity: 'error', code: e.code, message: e.message, ...(target ? { target } : {}) });
  }
  const found = inputs.targetFields ? unmapped(doc, inputs.targetFields) : undefined;
  const unmappedNames = (found?.problems ?? []).flatMap((p) => (p.target !== undefined ? [pathNames(p.target) ?? []] : []));
  for (const v of inputs.violations ?? []) {
    if (repeatsUnmapped(v, unmappedNames)) continue;
    const target = targetFor(v.path);
    problems.push({ kind: 'violation', severity: 'error', code: v.code, message: `${v.path || '(root)'}: ${v.message}`, ...(target ? { target } : {}) });
  }
  const coverage = found?.coverage;
  if (found) problems.push(...found.problems);
  if (inputs.sourceFields && inputs.sourceFields.length > 0) problems.push(...sourceProblems(doc, inputs.sourceFields));
  return { problems, ...(coverage ? { coverage } : {}) };
}
