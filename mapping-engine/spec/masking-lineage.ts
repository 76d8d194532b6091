/**
 * Lineage for the spec's data-protection section: which places of the input a
 * rule's value is made from. A target field carries personal data when any of
 * them holds masked data, so the reading is generous where it cannot be exact
 * (custom code is searched for the paths it mentions, from the root, from the
 * rule's item and from each source it is given as `$value`; a whole record
 * read is every field inside it) and exact only where a transform says so (an
 * aggregate or a pick reads its item field; a constant or a count reads no
 * value at all).
 */
import type { MappingDocument, MappingRule } from '../document/document-schema';
import { absoluteSource, inputPath, pathNames, sourceScope } from '../document/problems/problems';

/** What a rule reads: whole-input names (everything under each one), and the custom code that may mention more. */
export interface RuleReads {
  /** Names from the input's root; a rule reads every field at or below each. */
  paths: string[][];
  /** Custom expressions of the rule, searched for the paths they mention. */
  code: string[];
  /** With custom code: the sources it is given as `$value`, of which it reads what it mentions (or all, when it uses `$value` whole). */
  inputs: string[][];
  /** The names of the array item the rule's relative paths start at (empty at the root). */
  scope: string[];
}

/**
 * A group's members (`$items`) are items of the list the group was made from, so
 * `$items.x` is the field `x` of those items; other variables (`$param`) are no part of the input.
 * An element's `#text` is the element, as masking reports it.
 */
function inputNames(names: readonly string[]): string[] | undefined {
  const plain = inputPath(names);
  return plain?.[plain.length - 1] === '#text' ? plain.slice(0, -1) : plain;
}

/** Whether the chain's value no longer depends on the source's value (a constant, a count, a test choosing between constants). */
function dropsValue(rule: MappingRule): boolean {
  return rule.transforms.some((t) => t.kind === 'constant' || (t.kind === 'aggregate' && t.fn === 'count') || (t.kind === 'condition' && t.then !== undefined && t.else !== undefined && t.reject === undefined));
}

/** The fields of each item a chain reads in place of the whole list (`aggregate` field and `times`, `pick` field). */
function itemFields(rule: MappingRule): string[][] | undefined {
  const fields: string[][] = [];
  for (const t of rule.transforms) {
    if (t.kind === 'aggregate' && t.field !== undefined) fields.push(...[t.field, t.times].flatMap((f) => (f === undefined ? [] : [pathNames(f) ?? []])));
    if (t.kind === 'pick' && t.field !== undefined) fields.push(pathNames(t.field) ?? []);
  }
  return fields.length > 0 ? fields : undefined;
}

/** The field a group key (`$key`) is computed from, for a rule at `targetNames`: the innermost enclosing group's `groupBy`, read in its items. */
function groupKeyField(doc: MappingDocument, targetNames: readonly string[]): string[] | undefined {
  const group = doc.arrays
    .map((context) => ({ context, names: context.target === '.' ? [] : pathNames(context.target) }))
    .filter(({ context, names }) => context.groupBy !== undefined && names !== undefined && names.length < targetNames.length && names.every((n, i) => targetNames[i] === n))
    .sort((a, b) => b.names!.length - a.names!.length)[0];
  const field = group?.context.groupBy === undefined ? undefined : pathNames(group.context.groupBy);
  // A rule directly inside the group reads its relative paths in the group's items.
  return group && field ? [...sourceScope(doc, [...group.names!, '\u0000']), ...field] : undefined;
}

/** What `rule` of `doc` reads (see {@link RuleReads}). */
export function ruleReads(doc: MappingDocument, rule: MappingRule): RuleReads {
  const targetNames = pathNames(rule.target) ?? [];
  const scope = inputNames(sourceScope(doc, targetNames)) ?? [];
  const code = rule.transforms.flatMap((t) => (t.kind === 'custom' ? [t.expression] : []));
  if (dropsValue(rule) && code.length === 0) return { paths: [], code, scope, inputs: [] };
  const fields = itemFields(rule);
  const paths = rule.sources.flatMap((source) => {
    const base = source === '.' || source === '$items' ? scope : source === '$key' ? groupKeyField(doc, targetNames) : absoluteSource(doc, targetNames, source);
    if (base === undefined) return [];
    return (fields ? fields.map((f) => [...base, ...f]) : [base]).flatMap((names) => {
      const plain = inputNames(names);
      return plain ? [plain] : [];
    });
  });
  // Custom code is given its sources as `$value`: what it reads of a record is what it names.
  return code.length > 0 ? { paths: [], code, scope, inputs: paths } : { paths, code, scope, inputs: [] };
}

/** `$value` used as a whole (`$string($value)`, `$value[0]`), not only as the start of a path into it (`$value.price`). */
const WHOLE_VALUE = /\$value(?![\w.]|\s*\.)/;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `names` as JSONata may spell it: each name bare or in backticks, dots with optional spaces. */
function spelled(names: readonly string[]): string {
  return names.map((n) => `(?:${escape(n)}|\`${escape(n)}\`)`).join('\\s*\\.\\s*');
}

/**
 * Whether JSONata text `code` mentions the field `names` or a record holding it, as a path from the
 * root (`order.note`, `$$.order.note`) or from the rule's item or a source (`note`, `$.note`, `$value.note`). A mention of a
 * record used as a whole (`$string(order.customer)`) counts; a path going on past it (`order.customer.id`) does not.
 */
export function mentions(code: string, names: readonly string[], scope: readonly string[]): boolean {
  const forms = [names];
  if (scope.length > 0 && scope.length < names.length && scope.every((n, i) => names[i] === n)) forms.push(names.slice(scope.length));
  // Not part of a longer name or of a path that started elsewhere, unless that start is `$`, `$$` or `$value`.
  const before = '(?:^|[^\\w$.`]|\\$(?:\\$|value)?\\s*\\.\\s*)';
  return forms.some((form) =>
    form.some((_, i) => {
      const prefix = form.slice(0, i + 1);
      const after = i === form.length - 1 ? '(?![\\w`])' : '(?![\\w`]|\\s*\\.)';
      return new RegExp(`${before}${spelled(prefix)}${after}`, 'u').test(code);
    }),
  );
}

const isPrefix = (prefix: readonly string[], names: readonly string[]): boolean => prefix.length <= names.length && prefix.every((n, i) => names[i] === n);

/** Whether `reads` takes in the field `names` (a path at or above it, or custom code mentioning it). */
export function readsField(reads: RuleReads, names: readonly string[]): boolean {
  if (reads.paths.some((p) => isPrefix(p, names))) return true;
  return reads.code.some(
    (code) =>
      mentions(code, names, reads.scope) ||
      reads.inputs.some((input) => isPrefix(input, names) && (input.length === names.length || WHOLE_VALUE.test(code) || mentions(code, names, input))),
  );
}
