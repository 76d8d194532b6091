/**
 * The hand-written words of the transform palette: a label, a category, a
 * one-line description and a valid starting node per kind, plus hints for
 * parameters whose schema alone makes a poor form. A kind missing here still
 * appears in the palette, with words derived from its name.
 */
import type { ParamField } from './transform-palette';

/** Palette groups, in display order. */
export const PALETTE_CATEGORIES = ['text', 'number', 'date', 'value', 'list', 'advanced'] as const;
/** A palette group. */
export type PaletteCategory = (typeof PALETTE_CATEGORIES)[number];

interface KindInfo {
  label: string;
  category: PaletteCategory;
  description: string;
  keywords?: string[];
  /** Parameters a freshly inserted node needs to be valid. */
  initial?: Record<string, unknown>;
}

/** Words per transform kind. */
export const PALETTE_INFO: Partial<Record<string, KindInfo>> = {
  copy: { label: 'Copy', category: 'value', description: 'The value unchanged.' },
  constant: { label: 'Constant', category: 'value', description: 'Always the same value.', keywords: ['fixed', 'literal'], initial: { value: '' } },
  default: { label: 'Default', category: 'value', description: 'A value when the input is missing, null or empty.', keywords: ['fallback'], initial: { value: '' } },
  concat: { label: 'Concatenate', category: 'text', description: 'Joins the values of several sources.', keywords: ['join', 'combine'] },
  split: { label: 'Split', category: 'text', description: 'Splits text at a separator; picks one part.', initial: { separator: ' ' } },
  substring: { label: 'Substring', category: 'text', description: 'Part of the text, by position.', keywords: ['slice', 'part'], initial: { start: 0 } },
  trim: { label: 'Trim', category: 'text', description: 'Removes outer and repeated inner spaces.', keywords: ['whitespace'] },
  case: { label: 'Change case', category: 'text', description: 'Upper, lower or title case.', keywords: ['upper', 'lower', 'title'], initial: { mode: 'upper' } },
  pad: { label: 'Pad', category: 'text', description: 'Pads text to a width.', keywords: ['zero', 'fill'], initial: { width: 10 } },
  replace: { label: 'Replace', category: 'text', description: 'Replaces text, plain or by regular expression.', keywords: ['regex', 'substitute'], initial: { pattern: ' ', replacement: '' } },
  parseNumber: { label: 'Parse number', category: 'number', description: 'Text to a number, with its separators.', keywords: ['decimal', 'comma'] },
  formatNumber: { label: 'Format number', category: 'number', description: 'A number to text with a picture such as 0.00.', keywords: ['picture'], initial: { picture: '0.00' } },
  round: { label: 'Round', category: 'number', description: 'Rounds half to even to some decimals.' },
  arithmetic: { label: 'Arithmetic', category: 'number', description: 'Adds, subtracts, multiplies or divides by a constant.', keywords: ['add', 'multiply', 'divide'], initial: { op: '*', operand: 1 } },
  calculate: { label: 'Calculate', category: 'number', description: 'Combines the values of several sources arithmetically.', keywords: ['add', 'multiply'], initial: { op: '*' } },
  date: { label: 'Date', category: 'date', description: 'Converts a date between patterns, ISO and epoch.', keywords: ['time', 'format', 'reformat'], initial: { from: 'iso', to: 'yyyy-MM-dd' } },
  valueMap: { label: 'Value map', category: 'value', description: 'Maps codes to values; unknown codes get a default.', keywords: ['code', 'translate', 'enum'], initial: { entries: {} } },
  lookup: { label: 'Lookup table', category: 'value', description: 'Looks the value up in one of the lookup tables.', keywords: ['table', 'csv'], initial: { table: 'table' } },
  condition: { label: 'Condition', category: 'value', description: 'If/else on a test of the value.', keywords: ['if', 'else', 'when'], initial: { when: { op: 'exists' } } },
  check: { label: 'Check (reject)', category: 'value', description: 'Length, pattern, range, one of a list, IBAN or Luhn check digits; a failing value rejects the record or counts as missing.', keywords: ['validate', 'reject', 'iban', 'luhn', 'pattern', 'range', 'length'], initial: { test: 'length', max: 35 } },
  parseBoolean: { label: 'Parse yes/no', category: 'value', description: 'Yes/no text to true or false.', keywords: ['boolean', 'true', 'false'] },
  aggregate: { label: 'Aggregate', category: 'list', description: 'Sum, count, min, max, average or join over a list.', keywords: ['sum', 'count', 'total'], initial: { fn: 'sum' } },
  pick: { label: 'Pick item', category: 'list', description: 'One item of a list and/or a field of it.', keywords: ['first', 'index'], initial: { index: 0 } },
  filter: { label: 'Filter', category: 'list', description: 'Keeps the list items that pass a test.', keywords: ['where'], initial: { when: { op: 'exists' } } },
  sort: { label: 'Sort', category: 'list', description: 'Sorts list items by value or field.', keywords: ['order'] },
  custom: { label: 'Custom JSONata', category: 'advanced', description: 'Any JSONata expression; the value is $value.', keywords: ['expression', 'jsonata'], initial: { expression: '$value' } },
};

const DATE_FORMS = ['iso', 'epoch-s', 'epoch-ms', 'yyyy-MM-dd', 'dd.MM.yyyy', 'MM/dd/yyyy', 'yyyyMMdd', 'dd.MM.yyyy HH:mm', 'yyyy-MM-dd HH:mm:ss'];
const DATE_HELP = 'iso, epoch-s, epoch-ms, or a pattern of yyyy yy MM dd HH mm ss SSS';

/** Form hints by `kind.param`, merged over what the schema gives. */
export const PARAM_HINTS: Partial<Record<string, Partial<ParamField>>> = {
  'date.from': { label: 'Read as', suggestions: DATE_FORMS, help: DATE_HELP },
  'date.to': { label: 'Write as', suggestions: DATE_FORMS, help: DATE_HELP },
  'date.timezone': { type: 'string', help: '+HHMM, "source" or an IANA name such as Europe/Berlin; UTC when empty' },
  'date.pivotYear': { help: 'A two-digit year below this is 20yy, else 19yy' },
  'lookup.table': { type: 'lookupTable' },
  'lookup.column': { type: 'lookupColumn', label: 'Column', help: 'Of a table of rows: which column of the found row' },
  'replace.regex': { label: 'Regular expression' },
  'replace.flags': { help: 'i (ignore case), m (multi-line)' },
  'custom.expression': { help: 'JSONata; $value is the input, $ the record' },
  'formatNumber.picture': { help: 'A JSONata number picture such as 0.00 or #,##0.00' },
  // "On unknown: default" read as a tautology next to the Default field: say what each choice does.
  'valueMap.default': { help: 'Written for a code the map does not list, when On unknown is "default"' },
  'valueMap.onUnknown': { help: 'default: write the Default (none: leave the field out); error: stop the record; keep: write the code as it is' },
};
