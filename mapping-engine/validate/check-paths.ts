/**
 * The paths a mapping document names, checked against its two sides: every
 * source path a rule or an array context reads (its source, and the filter,
 * sort, group and record keys read in its items; the document's record key)
 * must be a field of the source schema (or of the fields inferred from its
 * samples), and every target path
 * a rule or an array context writes must be a field of the target schema. A
 * typo (`shipTo.cty`) is a coded problem at the path's line and column in the
 * project file, with the nearest field as a "did you mean" suggestion. Paths
 * below an open object (`additionalProperties`, `xs:any`) or a field whose
 * recursive type was cut are not judged. Pure: `mapwright validate` loads the
 * sides and calls this.
 */
import { lineColumnAt, type CodedErrorData, type ErrorCode } from '../errors';
import type { MappingDocument } from '../document/document-schema';
import { absoluteSource, inputPath, isVariablePath, pathNames } from '../document/problems/problems';
import { locatePath } from '../document/locate-pointer';
import type { SchemaField } from '../schema/model';

/** The fields of one side, by their names joined with `.`. */
interface KnownFields {
  paths: Set<string>;
  /** Fields below which anything may appear (open objects, cut recursion). */
  open: Set<string>;
  /** Every path, for suggestions. */
  all: string[];
}

function collect(root: SchemaField): KnownFields {
  const known: KnownFields = { paths: new Set(), open: new Set(), all: [] };
  const stack: SchemaField[] = [root];
  while (stack.length > 0) {
    const field = stack.pop()!;
    const path = field.path.join('.');
    if (field.path.length > 0) {
      known.paths.add(path);
      known.all.push(path);
    }
    if (field.open === true || field.recursive === true) known.open.add(path);
    for (const child of field.children ?? []) stack.push(child);
  }
  return known;
}

function isKnown(known: KnownFields, names: readonly string[]): boolean {
  // Variables (`$param`, those of custom code) are bound by the mapping, not fields of the side.
  if (isVariablePath(names)) return true;
  if (known.paths.has(names.join('.'))) return true;
  for (let n = names.length - 1; n >= 0; n--) if (known.open.has(names.slice(0, n).join('.'))) return true;
  return false;
}

/** Levenshtein distance, stopping early past `limit` (paths are short; this runs once per unknown path). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const MAX_SUGGESTED_LENGTH = 200;

/** The known path nearest to `names`, when it is near enough to be a typo of it. */
export function nearestPath(known: readonly string[], names: readonly string[]): string | undefined {
  const wanted = names.join('.');
  // A path this long is no typo of a field; comparing it would cost its length squared per field.
  if (wanted.length > MAX_SUGGESTED_LENGTH) return undefined;
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  let best: { path: string; d: number } | undefined;
  for (const path of known) {
    const d = distance(wanted, path, best ? Math.min(best.d - 1, limit) : limit);
    if (d <= limit && (!best || d < best.d)) best = { path, d };
  }
  return best?.path;
}

/** Unknown paths reported with a place and a suggestion; past this, one line counts the rest (each place is a scan of the text). */
export const MAX_PATH_PROBLEMS = 50;

/** The sides' fields; a side left out (no schema, no samples) is not checked. */
export interface SideRoots {
  source?: SchemaField;
  target?: SchemaField;
}

/**
 * Problems with the paths of `doc` (its text `text`, stored at `file`), one per
 * unknown path: `MAP_UNKNOWN_SOURCE` or `MAP_UNKNOWN_TARGET` at the path's
 * line and column, `expected` naming the nearest field when there is one.
 */
export function checkDocumentPaths(doc: MappingDocument, text: string, file: string, sides: SideRoots): CodedErrorData[] {
  const source = sides.source ? collect(sides.source) : undefined;
  const target = sides.target ? collect(sides.target) : undefined;
  const problems: CodedErrorData[] = [];
  let more = 0;
  let moreCode: ErrorCode = 'MAP_UNKNOWN_SOURCE';
  const report = (code: ErrorCode, pointer: PropertyKey[], what: string, names: readonly string[], known: KnownFields) => {
    if (problems.length >= MAX_PATH_PROBLEMS) {
      if (more++ === 0) moreCode = code;
      return;
    }
    const suggestion = nearestPath(known.all, names);
    const side = code === 'MAP_UNKNOWN_SOURCE' ? 'source' : 'target';
    problems.push({
      code,
      message: `${what}: the ${side} has no field ${names.join('.')}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
      file,
      ...lineColumnAt(text, locatePath(text, pointer)),
      expected: suggestion ?? `a field of the ${side}`,
    });
  };
  doc.rules.forEach((rule, i) => {
    const targetNames = pathNames(rule.target);
    if (!targetNames) return;
    if (target && targetNames.length > 0 && !isKnown(target, targetNames)) report('MAP_UNKNOWN_TARGET', ['rules', i, 'target'], `rule ${rule.target}`, targetNames, target);
    rule.sources.forEach((path, j) => {
      const absolute = source ? absoluteSource(doc, targetNames, path) : undefined;
      // A group's members (`$items`) are the grouped items: their fields are checked as those items' fields.
      const names = absolute && inputPath(absolute);
      if (source && names && names.length > 0 && !isKnown(source, names)) report('MAP_UNKNOWN_SOURCE', ['rules', i, 'sources', j], `rule ${rule.target} reads ${path}`, names, source);
    });
  });
  doc.arrays.forEach((context, i) => {
    const targetNames = context.target === '.' ? [] : pathNames(context.target);
    if (!targetNames) return;
    if (target && targetNames.length > 0 && !isKnown(target, targetNames)) report('MAP_UNKNOWN_TARGET', ['arrays', i, 'target'], `array ${context.target}`, targetNames, target);
    // The context's own source is read in the scope enclosing the array, as a field beside it (as problems.ts reads it).
    const absolute = !source ? undefined : context.target === '.' ? pathNames(context.source.replace(/^\//, '')) : absoluteSource(doc, [...targetNames.slice(0, -1), '\u0000'], context.source);
    const names = absolute && inputPath(absolute);
    if (source && names && names.length > 0 && !isKnown(source, names)) report('MAP_UNKNOWN_SOURCE', ['arrays', i, 'source'], `array ${context.target} reads ${context.source}`, names, source);
  });
  // The keys read in each item of an array, and the document's record key: a typo there filters, sorts, groups or names
  // by nothing at run time, without any error.
  const keys: Array<{ pointer: PropertyKey[]; path: string | undefined; what: string; absolute: (path: string) => string[] | undefined }> = [
    // The document's key is read in the input as it is (in each record of a list input), not in a root array's items.
    { pointer: ['recordKey'], path: doc.recordKey, what: 'the document names its record by', absolute: pathNames },
  ];
  doc.arrays.forEach((context, i) => {
    const names = context.target === '.' ? [] : pathNames(context.target);
    const absolute = (path: string) => (names ? absoluteSource(doc, [...names, '\u0000'], path) : undefined);
    const of = `array ${context.target}`;
    keys.push({ pointer: ['arrays', i, 'filter', 'field'], path: context.filter?.field, what: `${of} filters on`, absolute });
    keys.push({ pointer: ['arrays', i, 'sort', 'field'], path: context.sort?.field, what: `${of} sorts by`, absolute });
    keys.push({ pointer: ['arrays', i, 'groupBy'], path: context.groupBy, what: `${of} groups by`, absolute });
    keys.push({ pointer: ['arrays', i, 'recordKey'], path: context.recordKey, what: `${of} names its items by`, absolute });
  });
  for (const { pointer, path, what, absolute } of keys) {
    if (!source || path === undefined) continue;
    const read = absolute(path);
    const names = read && inputPath(read);
    if (names && names.length > 0 && !isKnown(source, names)) report('MAP_UNKNOWN_SOURCE', pointer, `${what} ${path}`, names, source);
  }
  if (more > 0) problems.push({ code: moreCode, message: `and ${more} more source or target paths the sides do not have`, file, expected: 'fields of the source and target' });
  return problems;
}
