/**
 * What the compiled engine knows of the mapping document: the members of the
 * document, its rules, array contexts, predicates and each transform kind it
 * compiles. A document with any other member (added to the format after this
 * engine was written) runs through jsonata, so a new option is never
 * silently ignored.
 */
import type { MappingDocument } from '../document/document-schema';

const DOCUMENT = ['formatVersion', 'name', 'description', 'source', 'target', 'lookups', 'recordKey', 'arrays', 'rules', 'tests', 'masking', 'layout', 'parameters', 'recordLabel'];
const RULE = ['target', 'sources', 'transforms', 'required', 'default', 'notes'];
const ARRAY = ['target', 'source', 'filter', 'sort', 'groupBy', 'groupTransforms', 'recordKey', 'recordLabel', 'required'];
const SORT = ['field', 'descending', 'transforms'];
const LOOKUP = ['entries', 'file', 'keyColumn', 'valueColumn', 'rows', 'constants'];
const PREDICATE = ['field', 'op', 'value'];

/** Members of each transform kind the engine compiles (`kind` aside). */
const TRANSFORM: Record<string, string[]> = {
  copy: [],
  constant: ['value'],
  default: ['value'],
  concat: ['separator', 'keepEmpty'],
  split: ['separator', 'index'],
  trim: [],
  substring: ['start', 'length'],
  pad: ['width', 'char', 'side'],
  case: ['mode'],
  replace: ['pattern', 'replacement', 'regex', 'flags'],
  parseNumber: ['decimalSeparator', 'thousandsSeparator', 'onInvalid'],
  parseBoolean: ['trueValues', 'falseValues', 'onInvalid'],
  round: ['decimals', 'fixed'],
  formatNumber: ['picture', 'decimalSeparator', 'groupingSeparator'],
  check: ['test', 'min', 'max', 'exclusiveMin', 'exclusiveMax', 'pattern', 'values', 'onFail'],
  arithmetic: ['op', 'operand'],
  calculate: ['op'],
  date: ['from', 'to', 'timezone', 'pivotYear', 'onInvalid'],
  valueMap: ['entries', 'default', 'onUnknown'],
  lookup: ['table', 'column', 'default', 'onUnknown'],
  condition: ['when', 'then', 'else', 'reject'],
  aggregate: ['fn', 'field', 'separator', 'times', 'itemDecimals', 'decimalSeparator', 'thousandsSeparator', 'decimals', 'fixed'],
  pick: ['field', 'index'],
  filter: ['when'],
  sort: ['field', 'descending'],
};

/** The first member of `value` outside `known` (undefined members do not count). */
function extra(value: unknown, known: readonly string[]): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return Object.entries(value).find(([key, v]) => v !== undefined && !known.includes(key))?.[0];
}

/** Why `doc` has something the engine does not know, or undefined when it knows every member. */
export function unknownMember(doc: MappingDocument): string | undefined {
  const top = extra(doc, DOCUMENT);
  if (top) return `the document member ${top}`;
  for (const [name, table] of Object.entries(doc.lookups)) {
    const member = extra(table, LOOKUP);
    if (member) return `lookup table ${name}: member ${member}`;
  }
  for (const array of doc.arrays) {
    const member = extra(array, ARRAY) ?? extra(array.sort, SORT) ?? extra(array.filter, PREDICATE);
    if (member) return `${array.target}: array context member ${member}`;
    const transform = unknownTransform([...(array.sort?.transforms ?? []), ...(array.groupTransforms ?? [])]);
    if (transform) return `${array.target}: ${transform}`;
  }
  for (const rule of doc.rules) {
    const member = extra(rule, RULE);
    if (member) return `${rule.target}: rule member ${member}`;
    const transform = unknownTransform(rule.transforms);
    if (transform) return `${rule.target}: ${transform}`;
  }
  return undefined;
}

/** The first transform of `nodes` of a kind, or with a member, the engine does not know. */
function unknownTransform(nodes: readonly MappingDocument['rules'][number]['transforms'][number][]): string | undefined {
  for (const node of nodes) {
    const known = TRANSFORM[node.kind];
    if (!known) return `${node.kind} transform`;
    const predicate = 'when' in node ? extra(node.when, PREDICATE) : undefined;
    const param = extra(node, ['kind', ...known]) ?? predicate;
    if (param) return `${node.kind} transform member ${param}`;
  }
  return undefined;
}
