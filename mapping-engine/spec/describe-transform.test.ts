import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../errors';
import { TRANSFORMS } from '../transforms/registry';
import { describeChain, describeCondition, describeTransformNode } from './describe-transform';

/** One node per kind with the words the spec must show for it. */
const CASES: Array<[string, Record<string, unknown>, string]> = [
  ['copy', { kind: 'copy' }, 'copy unchanged'],
  ['constant', { kind: 'constant', value: 'B2B' }, 'always "B2B"'],
  ['default', { kind: 'default', value: 'EUR' }, 'use "EUR" when missing or empty'],
  ['concat', { kind: 'concat', separator: ', ' }, 'join the non-empty values with ", "'],
  ['split', { kind: 'split', separator: ' ', index: -1 }, 'split at " " and take the last part'],
  ['substring', { kind: 'substring', start: 2, length: 3 }, 'take 3 characters from character 3'],
  ['trim', { kind: 'trim' }, 'trim outer spaces and collapse repeated inner spaces'],
  ['case', { kind: 'case', mode: 'title' }, 'convert to title case (each word capitalised)'],
  ['pad', { kind: 'pad', width: 6, char: '0' }, 'pad on the left with "0" to 6 characters'],
  ['replace', { kind: 'replace', pattern: '^ACC-', replacement: 'C', regex: true, flags: 'i' }, 'replace matches of the regular expression /^ACC-/i with "C"'],
  ['parseNumber', { kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.' }, 'read as a number with "," as decimal separator and "." between thousands; text that is not a number is an error'],
  ['formatNumber', { kind: 'formatNumber', picture: '#,##0.00' }, 'format the number with the picture "#,##0.00"'],
  ['round', { kind: 'round', decimals: 2 }, 'round to 2 decimals (half to even)'],
  ['arithmetic', { kind: 'arithmetic', op: '/', operand: 100 }, 'divide by 100'],
  ['date', { kind: 'date', from: 'dd.MM.yyyy', to: 'iso' }, 'format date from dd.MM.yyyy to ISO 8601; an invalid date is an error'],
  ['calculate', { kind: 'calculate', op: '*' }, 'multiply the source values in order; no value when one is missing'],
  ['valueMap', { kind: 'valueMap', entries: { A: 'ACTIVE' }, onUnknown: 'error' }, 'map codes "A" → "ACTIVE"; an unknown code is an error'],
  ['lookup', { kind: 'lookup', table: 'Status', default: 'UNKNOWN' }, 'map via table Status; an unknown key becomes "UNKNOWN"'],
  ['condition', { kind: 'condition', when: { op: 'empty' }, then: 'n/a' }, 'if the value is missing or empty then "n/a", otherwise keep the value'],
  ['check', { kind: 'check', test: 'length', min: 1, max: 35 }, 'check: must be 1 to 35 characters long; otherwise the record is rejected'],
  ['parseBoolean', { kind: 'parseBoolean', trueValues: ['J'], falseValues: ['N'], onInvalid: 'omit' }, 'read as yes/no: "J" mean true, "N" mean false (any case); anything else leaves the field out'],
  ['aggregate', { kind: 'aggregate', fn: 'sum', field: 'amount' }, 'take the sum of field "amount" of the items'],
  ['pick', { kind: 'pick', index: 1, field: 'value' }, 'take item 2 of the list, field "value" of it'],
  ['filter', { kind: 'filter', when: { field: 'type', op: 'in', value: ['a', 'b'] } }, 'keep only the items where field "type" is one of "a", "b"'],
  ['sort', { kind: 'sort', field: 'date', descending: true }, 'sort by field "date", largest first'],
  ['custom', { kind: 'custom', expression: '$value *\n  2' }, 'custom JSONata: $value * 2'],
];

describe('describeTransformNode', () => {
  it('has a case for every kind of the transform library', () => {
    expect(CASES.map(([kind]) => kind).sort()).toEqual(Object.keys(TRANSFORMS).sort());
  });

  it.each(CASES)('%s', (_kind, node, words) => {
    expect(describeTransformNode(node)).toBe(words);
  });

  it('spells out the parameters that change the result', () => {
    expect(describeTransformNode({ kind: 'date', from: 'epoch-s', to: 'dd.MM.yy', timezone: '+0100', onInvalid: 'omit' })).toBe(
      'format date from Unix time in seconds to dd.MM.yy in time zone +0100; an invalid date leaves the field out',
    );
    expect(describeTransformNode({ kind: 'date', from: 'dd.MM.yy', to: 'epoch-ms', pivotYear: 30 })).toContain('two-digit years below 30 are 20xx');
    expect(describeTransformNode({ kind: 'date', from: 'iso', to: 'yyyyMMdd' })).toBe('format date from ISO 8601 to yyyyMMdd in UTC; an invalid date is an error');
    expect(describeTransformNode({ kind: 'date', from: 'iso', to: 'yyyyMMdd', timezone: 'source' })).toBe("format date from ISO 8601 to yyyyMMdd at the timestamp's own offset; an invalid date is an error");
    expect(describeTransformNode({ kind: 'date', from: 'iso', to: 'iso', timezone: 'Europe/Berlin' })).toContain('in time zone Europe/Berlin (with its daylight-saving rule)');
    expect(describeTransformNode({ kind: 'concat', separator: ';', keepEmpty: true })).toBe('join the values with ";", keeping empty ones');
    expect(describeTransformNode({ kind: 'parseNumber', onInvalid: 'omit' })).toBe('read as a number with "." as decimal separator; text that is not a number leaves the field out');
    expect(describeTransformNode({ kind: 'aggregate', fn: 'sum', field: 'quantity', times: 'price', itemDecimals: 2, decimalSeparator: ',' })).toBe(
      'take the sum of field "quantity" times field "price" of the items, each item rounded to 2 decimals (half to even) first, amounts in text read with "," as decimal separator (text that is not a number is an error)',
    );
    expect(describeTransformNode({ kind: 'split', separator: ';' })).toBe('split at ";" into a list');
    expect(describeTransformNode({ kind: 'split', separator: ';', index: -3 })).toBe('split at ";" and take part 3 from the end');
    expect(describeTransformNode({ kind: 'substring', start: 0 })).toBe('take the text from character 1');
    expect(describeTransformNode({ kind: 'replace', pattern: '.', replacement: '' })).toBe('replace every "." with ""');
    expect(describeTransformNode({ kind: 'valueMap', entries: { '1': true }, onUnknown: 'keep' })).toBe('map codes "1" → true; an unknown code is kept as it is');
    expect(describeTransformNode({ kind: 'lookup', table: 'countries' })).toBe('map via table countries; an unknown key leaves the field out');
    expect(describeTransformNode({ kind: 'lookup', table: 'suppliers', column: 'iban', onUnknown: 'error' })).toBe('look up the row in table suppliers and take its column "iban"; an unknown key is an error');
    expect(describeTransformNode({ kind: 'aggregate', fn: 'count' })).toBe('count the items');
    expect(describeTransformNode({ kind: 'aggregate', fn: 'join' })).toBe('join the items with ", "');
    expect(describeTransformNode({ kind: 'pick', field: 'id' })).toBe('take field "id" of each item');
    expect(describeTransformNode({ kind: 'arithmetic', op: '%', operand: 7 })).toBe('take the remainder after dividing by 7');
    expect(describeTransformNode({ kind: 'formatNumber', picture: '0,00', decimalSeparator: ',', groupingSeparator: '.' })).toBe(
      'format the number with the picture "0,00" (decimal separator ",", grouping separator ".")',
    );
  });

  it.each([
    ['an unknown kind', { kind: 'teleport' }],
    ['a missing parameter', { kind: 'pad' }],
    ['a parameter out of range', { kind: 'pad', width: 5000 }],
    ['a parameter of the wrong type', { kind: 'round', decimals: 'two' }],
    ['an unknown parameter', { kind: 'trim', side: 'left' }],
    ['not an object', 'trim'],
    ['null', null],
  ])('rejects %s with TRANSFORM_INVALID naming the field', (_what, node) => {
    let error: unknown;
    try {
      describeTransformNode(node, 'address.city');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MapwrightError);
    expect((error as MapwrightError).code).toBe('TRANSFORM_INVALID');
    expect((error as MapwrightError).message).toContain('address.city');
  });
});

describe('describeChain', () => {
  it('joins the steps in order with "then"', () => {
    expect(describeChain([{ kind: 'trim' }, { kind: 'case', mode: 'upper' }], 1)).toBe('trim outer spaces and collapse repeated inner spaces, then convert to upper case');
  });

  it('says what an empty chain does with one source and with several', () => {
    expect(describeChain([], 1)).toBe('copy unchanged');
    expect(describeChain([], 2)).toBe('the source values as a list');
  });
});

describe('describeCondition', () => {
  it.each([
    [{ op: '=', value: 'x' }, 'the value is "x"'],
    [{ field: 'qty', op: '>=', value: 10 }, 'field "qty" is at least 10'],
    [{ field: 'qty', op: '<', value: 1 }, 'field "qty" is less than 1'],
    [{ op: '!=', value: null }, 'the value is not null'],
    [{ field: 'email', op: 'exists' }, 'field "email" is present'],
  ] as const)('%j', (predicate, words) => {
    expect(describeCondition(predicate)).toBe(words);
  });
});
