import { describe, expect, it } from 'vitest';
import type { TransformNode } from '../../transforms/transform-node';
import { compileDocument } from '../compile-document';
import { doc } from '../compiler-test-helpers';
import { parseExpression } from './parse-expression';

/** One chain per transform kind the reader rebuilds from the AST alone. */
const CHAINS: Record<string, TransformNode[]> = {
  copy: [],
  constant: [{ kind: 'constant', value: 'EUR' }],
  default: [{ kind: 'default', value: 0 }],
  concat: [{ kind: 'concat', separator: ' ' }],
  split: [{ kind: 'split', separator: '-', index: -1 }],
  splitAll: [{ kind: 'split', separator: ';' }],
  substring: [{ kind: 'substring', start: 2, length: 3 }],
  trim: [{ kind: 'trim' }, { kind: 'case', mode: 'lower' }],
  pad: [{ kind: 'pad', width: 6, char: '0', side: 'right' }],
  replaceRegex: [{ kind: 'replace', pattern: '^ACC-', replacement: 'C', regex: true, flags: 'i' }],
  replacePlain: [{ kind: 'replace', pattern: '.', replacement: ',', regex: false }],
  parseNumber: [{ kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.', onInvalid: 'error' }],
  parseNumberOmit: [{ kind: 'parseNumber', decimalSeparator: '.', thousandsSeparator: "'", onInvalid: 'omit' }],
  calculate: [{ kind: 'parseNumber', decimalSeparator: '.', thousandsSeparator: '', onInvalid: 'error' }, { kind: 'calculate', op: '*' }, { kind: 'round', decimals: 2 }],
  calculateThree: [{ kind: 'calculate', op: '-' }],
  concatKeep: [{ kind: 'concat', separator: ';', keepEmpty: true }],
  dateSource: [{ kind: 'date', from: 'iso', to: 'yyyyMMdd', timezone: 'source', pivotYear: 50, onInvalid: 'error' }],
  dateBerlin: [{ kind: 'date', from: 'iso', to: 'iso', timezone: 'Europe/Berlin', pivotYear: 50, onInvalid: 'omit' }],
  dateNegative: [{ kind: 'date', from: 'epoch-ms', to: 'dd.MM.yyyy HH:mm', timezone: '-0330', pivotYear: 50, onInvalid: 'error' }],
  formatNumber: [{ kind: 'formatNumber', picture: '#,##0.00', decimalSeparator: ',', groupingSeparator: '.' }],
  round: [{ kind: 'round', decimals: 2 }, { kind: 'arithmetic', op: '*', operand: 100 }],
  valueMap: [{ kind: 'valueMap', entries: { A: 'ACTIVE', X: null }, onUnknown: 'keep' }],
  lookup: [{ kind: 'lookup', table: 'codes', onUnknown: 'error' }],
  parseBoolean: [{ kind: 'parseBoolean', trueValues: ['ja'], falseValues: ['nein'], onInvalid: 'omit' }],
  aggregate: [{ kind: 'aggregate', fn: 'sum', separator: ', ' }],
  join: [{ kind: 'aggregate', fn: 'join', separator: '|' }],
  filterPick: [{ kind: 'filter', when: { field: 'type', op: 'in', value: ['a', 1] } }, { kind: 'pick', index: 0, field: 'value' }],
  filterEmpty: [{ kind: 'filter', when: { field: 'note', op: 'empty' } }, { kind: 'aggregate', fn: 'count', separator: ', ' }],
  sort: [{ kind: 'sort', descending: true }],
  dateTwoDigit: [{ kind: 'date', from: 'dd.MM.yy', to: 'yyyy-MM-dd', pivotYear: 30, onInvalid: 'omit' }],
  dateIso: [{ kind: 'date', from: 'iso', to: 'iso', timezone: '+0200', pivotYear: 50, onInvalid: 'error' }],
  dateEpoch: [{ kind: 'date', from: 'epoch-s', to: 'MM/dd/yyyy HH:mm', pivotYear: 50, onInvalid: 'error' }],
  dateToEpoch: [{ kind: 'date', from: 'yyyy-MM-dd[T]', to: 'epoch-ms', pivotYear: 50, onInvalid: 'error' }],
  condition: [{ kind: 'condition', when: { field: 'status', op: '>=', value: 3 }, then: 'high' }],
  conditionEmpty: [{ kind: 'condition', when: { op: 'empty' }, then: null, else: true }],
  custom: [{ kind: 'custom', expression: '$value & "-" & id' }],
  valueMapError: [{ kind: 'valueMap', entries: { A: 'ACTIVE' }, onUnknown: 'error' }],
  parseBooleanError: [{ kind: 'parseBoolean', trueValues: ['ja'], falseValues: ['nein'], onInvalid: 'error' }],
  // Money: exact sums to a number of fraction digits, written with all of them.
  sumExact: [{ kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.', onInvalid: 'error' }, { kind: 'aggregate', fn: 'sum', separator: ', ', decimals: 2, fixed: true }],
  sumLedger: [{ kind: 'aggregate', fn: 'sum', field: 'quantity', times: 'price', itemDecimals: 2, decimalSeparator: ',', thousandsSeparator: '.', separator: ', ', decimals: 2 }],
  averageExact: [{ kind: 'aggregate', fn: 'average', separator: ', ', decimals: 3 }],
  maxFixed: [{ kind: 'aggregate', fn: 'max', separator: ', ', decimals: 2, fixed: true }],
  sumItems: [{ kind: 'aggregate', fn: 'sum', field: 'quantity', times: 'price', itemDecimals: 2, separator: ', ' }],
  roundFixed: [{ kind: 'round', decimals: 2, fixed: true }],
  // Checks that reject the record or count a value as missing.
  checkLength: [{ kind: 'check', test: 'length', min: 1, max: 35, onFail: 'reject' }],
  checkPattern: [{ kind: 'check', test: 'pattern', pattern: '[A-Z]{3}', onFail: 'reject' }],
  checkRange: [{ kind: 'check', test: 'range', exclusiveMin: 0, max: 999999999.99, onFail: 'missing' }],
  checkOneOf: [{ kind: 'check', test: 'oneOf', values: ['EUR'], onFail: 'reject' }],
  checkIban: [{ kind: 'check', test: 'iban', onFail: 'reject' }],
  checkLuhn: [{ kind: 'check', test: 'luhn', onFail: 'missing' }],
  conditionReject: [{ kind: 'condition', when: { op: '<=', value: 0 }, reject: 'the amount is not positive' }],
  // A column of a row table's row.
  lookupRow: [{ kind: 'lookup', table: 'suppliers', column: 'IBAN Nr', default: '-', onUnknown: 'default' }],
};

function sources(name: string): string[] {
  if (name === 'constant') return [];
  if (name === 'calculateThree') return ['a', 'b', 'c'];
  return name.startsWith('concat') || name === 'calculate' ? ['first', 'last'] : [name === 'copy' ? '/order.id' : 'field'];
}

describe('reverse-parsing each transform kind without the original rules', () => {
  const original = doc({
    lookups: { codes: { entries: { a: 'b' } }, suppliers: { rows: { 'S-1': { name: 'Anna Weber e.K.', 'IBAN Nr': 'DE02120300000000202051' } } } },
    rules: Object.entries(CHAINS).map(([name, transforms], i) => ({
      target: `out.${name}`,
      sources: sources(name),
      transforms,
      ...(i % 3 === 0 ? { required: 'error' as const } : i % 3 === 1 ? { required: 'default' as const, default: 'n/a' } : {}),
    })),
  });
  const { expression } = compileDocument(original);
  // Same target tree, different rules: the reader must get every rule from the text.
  const blank = doc({ lookups: original.lookups, rules: original.rules.map((r) => ({ target: r.target, sources: ['x'], required: r.required, default: r.default })) });

  it.each(Object.keys(CHAINS))('%s', (name) => {
    const parsed = parseExpression(expression, blank);
    expect(parsed.custom).toEqual([]);
    expect(parsed.document.rules.find((r) => r.target === `out.${name}`)).toEqual(original.rules.find((r) => r.target === `out.${name}`));
  });

  it('compiles the parsed document back to the same text', () => {
    expect(compileDocument(parseExpression(expression, blank).document).expression).toBe(expression);
  });
});
