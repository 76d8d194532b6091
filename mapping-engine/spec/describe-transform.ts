/**
 * Plain words for transforms, as a consultant reads them in a mapping spec:
 * "format date from dd.MM.yyyy to ISO 8601", "map via table countries".
 * The transform library has short descriptions of its own; these are phrased
 * as steps of a chain ("trim spaces, then split at ...") and spell out every
 * parameter that changes the result, so the spec can be checked without
 * reading JSONata.
 */
import { describeTransform } from '../transforms/registry';
import { MapwrightError } from '../errors';
import { jsonPointer } from '../document/load-document';
import { transformNodeSchema, type NodeOf, type Predicate, type Scalar, type TransformKind, type TransformNode } from '../transforms/transform-node';

type Describers = { [K in TransformKind]: (node: NodeOf<K>) => string };

/** A constant as the spec shows it: strings quoted, others as JSON. */
export function showScalar(value: Scalar | Scalar[] | undefined): string {
  if (value === undefined) return '(nothing)';
  if (Array.isArray(value)) return value.map((v) => showScalar(v)).join(', ');
  return JSON.stringify(value);
}

const DATE_FORMS: Record<string, string> = {
  iso: 'ISO 8601',
  'epoch-s': 'Unix time in seconds',
  'epoch-ms': 'Unix time in milliseconds',
};

function dateForm(pattern: string): string {
  return DATE_FORMS[pattern] ?? pattern;
}

const COMPARISONS: Record<Exclude<Predicate['op'], 'exists' | 'empty' | 'in'>, string> = {
  '=': 'is',
  '!=': 'is not',
  '<': 'is less than',
  '<=': 'is at most',
  '>': 'is greater than',
  '>=': 'is at least',
};

/** A predicate in words: `field "type" is "email"`, `the value is missing or empty`. */
export function describeCondition(p: Predicate): string {
  const who = p.field === undefined ? 'the value' : `field ${JSON.stringify(p.field)}`;
  if (p.op === 'exists') return `${who} is present`;
  if (p.op === 'empty') return `${who} is missing or empty`;
  if (p.op === 'in') return `${who} is one of ${showScalar(p.value)}`;
  return `${who} ${COMPARISONS[p.op]} ${showScalar(p.value)}`;
}

/** "part 2", "the last part", "part 2 from the end" for 0-based (negative from the end) indexes. */
function position(index: number, noun: string): string {
  if (index === -1) return `the last ${noun}`;
  if (index < 0) return `${noun} ${-index} from the end`;
  if (index === 0) return `the first ${noun}`;
  return `${noun} ${index + 1}`;
}

function unknownWords(onUnknown: 'default' | 'error' | 'keep', fallback: Scalar | undefined, what: string): string {
  if (onUnknown === 'error') return `an unknown ${what} is an error`;
  if (onUnknown === 'keep') return `an unknown ${what} is kept as it is`;
  return fallback === undefined ? `an unknown ${what} leaves the field out` : `an unknown ${what} becomes ${showScalar(fallback)}`;
}

const ARITHMETIC: Record<NodeOf<'arithmetic'>['op'], string> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply by',
  '/': 'divide by',
  '%': 'take the remainder after dividing by',
};

const CALCULATIONS: Record<NodeOf<'calculate'>['op'], string> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
};

/** Where a date is written: nothing for UTC, the source's own offset, a fixed offset or a named zone. */
function zoneWords(from: string, to: string, timezone: string | undefined): string {
  if (to === 'epoch-s' || to === 'epoch-ms') return '';
  // A pattern without a zone is read and written as the same wall-clock time; only an instant read from ISO text or epoch time is moved to UTC.
  if (timezone === undefined) return from === 'iso' || from.startsWith('epoch-') ? ' in UTC' : '';
  if (timezone === 'source') return " at the timestamp's own offset";
  if (/^[+-]\d{4}$/.test(timezone)) return ` in time zone ${timezone}`;
  return ` in time zone ${timezone} (with its daylight-saving rule)`;
}

const AGGREGATES: Record<NodeOf<'aggregate'>['fn'], string> = {
  sum: 'sum',
  count: 'count',
  min: 'smallest',
  max: 'largest',
  average: 'average',
  join: 'join',
};

const DESCRIBERS: Describers = {
  copy: () => 'copy unchanged',
  constant: (n) => `always ${showScalar(n.value)}`,
  default: (n) => `use ${showScalar(n.value)} when missing or empty`,
  concat: (n) => (n.keepEmpty ? `join the values with ${JSON.stringify(n.separator)}, keeping empty ones` : `join the non-empty values with ${JSON.stringify(n.separator)}`),
  split: (n) => `split at ${JSON.stringify(n.separator)}${n.index === undefined ? ' into a list' : ` and take ${position(n.index, 'part')}`}`,
  substring: (n) =>
    n.length === undefined ? `take the text from character ${n.start + 1}` : `take ${n.length} character${n.length === 1 ? '' : 's'} from character ${n.start + 1}`,
  trim: () => 'trim outer spaces and collapse repeated inner spaces',
  case: (n) => ({ upper: 'convert to upper case', lower: 'convert to lower case', title: 'convert to title case (each word capitalised)' })[n.mode],
  pad: (n) => `pad on the ${n.side} with ${JSON.stringify(n.char)} to ${n.width} character${n.width === 1 ? '' : 's'}`,
  replace: (n) =>
    n.regex
      ? `replace matches of the regular expression /${n.pattern}/${n.flags ?? ''} with ${JSON.stringify(n.replacement)}`
      : `replace every ${JSON.stringify(n.pattern)} with ${JSON.stringify(n.replacement)}`,
  parseNumber: (n) =>
    `read as a number with ${JSON.stringify(n.decimalSeparator)} as decimal separator${n.thousandsSeparator ? ` and ${JSON.stringify(n.thousandsSeparator)} between thousands` : ''}; ${n.onInvalid === 'omit' ? 'text that is not a number leaves the field out' : 'text that is not a number is an error'}`,
  formatNumber: (n) => {
    const seps = [n.decimalSeparator && `decimal separator ${JSON.stringify(n.decimalSeparator)}`, n.groupingSeparator && `grouping separator ${JSON.stringify(n.groupingSeparator)}`].filter(Boolean);
    return `format the number with the picture ${JSON.stringify(n.picture)}${seps.length ? ` (${seps.join(', ')})` : ''}`;
  },
  round: (n) => `round to ${n.decimals} decimal${n.decimals === 1 ? '' : 's'} (half to even)${n.fixed ? ', written with all of them' : ''}`,
  arithmetic: (n) => `${ARITHMETIC[n.op]} ${n.operand}`,
  calculate: (n) => `${CALCULATIONS[n.op]} the source values in order; no value when one is missing`,
  date: (n) => {
    const twoDigitYear = /yy/.test(n.from) && !/yyyy/.test(n.from) ? `; two-digit years below ${n.pivotYear} are 20xx, others 19xx` : '';
    const zone = zoneWords(n.from, n.to, n.timezone);
    const invalid = n.onInvalid === 'omit' ? 'an invalid date leaves the field out' : 'an invalid date is an error';
    return `format date from ${dateForm(n.from)} to ${dateForm(n.to)}${zone}${twoDigitYear}; ${invalid}`;
  },
  valueMap: (n) => {
    const entries = Object.entries(n.entries).map(([k, v]) => `${JSON.stringify(k)} → ${showScalar(v)}`);
    return `map codes ${entries.length ? entries.join(', ') : '(no entries)'}; ${unknownWords(n.onUnknown, n.default, 'code')}`;
  },
  lookup: (n) => `${n.column === undefined ? `map via table ${n.table}` : `look up the row in table ${n.table} and take its column "${n.column}"`}; ${unknownWords(n.onUnknown, n.default, 'key')}`,
  condition: (n) =>
    n.reject !== undefined ? `if ${describeCondition(n.when)} then reject the record (${n.reject})` :
    `if ${describeCondition(n.when)} then ${n.then === undefined ? 'keep the value' : showScalar(n.then)}, otherwise ${n.else === undefined ? 'keep the value' : showScalar(n.else)}`,
  parseBoolean: (n) =>
    `read as yes/no: ${n.trueValues.map((v) => JSON.stringify(v)).join(', ')} mean true, ${n.falseValues.map((v) => JSON.stringify(v)).join(', ')} mean false (any case); ${n.onInvalid === 'omit' ? 'anything else leaves the field out' : 'anything else is an error'}`,
  aggregate: (n) => {
    const field = n.field === undefined ? undefined : `field ${JSON.stringify(n.field)}${n.times === undefined ? '' : ` times field ${JSON.stringify(n.times)}`}`;
    const of = field === undefined ? 'the items' : `${field} of the items`;
    if (n.fn === 'count') return `count ${of}`;
    if (n.fn === 'join') return `join ${of} with ${JSON.stringify(n.separator)}`;
    const read = n.decimalSeparator === undefined && n.thousandsSeparator === undefined ? '' : `, amounts in text read with ${JSON.stringify(n.decimalSeparator ?? '.')} as decimal separator${n.thousandsSeparator ? ` and ${JSON.stringify(n.thousandsSeparator)} between thousands` : ''} (text that is not a number is an error)`;
    const rounded = n.itemDecimals === undefined ? '' : `, each item rounded to ${n.itemDecimals} decimal${n.itemDecimals === 1 ? '' : 's'} (half to even) first`;
    const exact = n.decimals === undefined ? '' : `, exact to ${n.decimals} decimal${n.decimals === 1 ? '' : 's'} (scaled integers)${n.fixed ? ', written with all of them' : ''}`;
    return `take the ${AGGREGATES[n.fn]} of ${of}${rounded}${read}${exact}`;
  },
  pick: (n) => {
    const item = n.index === undefined ? undefined : `take ${position(n.index, 'item')} of the list`;
    const field = n.field === undefined ? undefined : `field ${JSON.stringify(n.field)}`;
    if (item && field) return `${item}, ${field} of it`;
    return item ?? `take ${field ?? 'the value'} of each item`;
  },
  filter: (n) => `keep only the items where ${describeCondition(n.when)}`,
  sort: (n) => `sort by ${n.field === undefined ? 'value' : `field ${JSON.stringify(n.field)}`}, ${n.descending ? 'largest' : 'smallest'} first`,
  check: (n) => describeTransform(n).replace(/^Must be/, 'check: must be').replace(/\.$/, ''),
  custom: (n) => `custom JSONata: ${n.expression.replace(/\s+/g, ' ').trim()}`,
};

/**
 * Plain words for one transform node. The node is validated first, so a node
 * from an unchecked source (an edit in progress, a hand-written file) gets a
 * coded error instead of a crash.
 * @param field - the target field, named in the error
 * @throws MapwrightError `TRANSFORM_INVALID` when the node is not a valid transform
 */
export function describeTransformNode(node: unknown, field?: string): string {
  const parsed = transformNodeSchema.safeParse(node);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = jsonPointer(issue.path);
    const kind = typeof node === 'object' && node !== null && 'kind' in node ? String((node as { kind: unknown }).kind) : 'unknown';
    throw new MapwrightError('TRANSFORM_INVALID', `${field ? `${field}: ` : ''}${kind} transform: ${where} ${issue.message}`, { expected: where });
  }
  const valid = parsed.data;
  return (DESCRIBERS[valid.kind] as (n: TransformNode) => string)(valid);
}

/**
 * Plain words for a chain applied left to right, joined with "then"; an empty
 * chain copies its source unchanged (or passes several sources on as a list).
 */
export function describeChain(nodes: readonly unknown[], sourceCount: number, field?: string): string {
  if (nodes.length === 0) return sourceCount > 1 ? 'the source values as a list' : 'copy unchanged';
  return nodes.map((n) => describeTransformNode(n, field)).join(', then ');
}
