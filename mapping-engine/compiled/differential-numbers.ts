/**
 * Differential documents (see differential-documents.ts) writing and summing
 * numbers: `$formatNumber` pictures of every family the engine reads (plain,
 * text around the number, percent, per-mille, exponent, a negative
 * sub-picture, uneven groups) and exact amounts. Test support only.
 */
import type { MappingDocumentInput } from '../document/document-schema';

const base = { formatVersion: 1 as const, source: { format: 'jsonl' as const }, target: { format: 'jsonl' as const } };

/** Number text and exact amounts over the seed records. */
export const NUMBER_DOCUMENTS: MappingDocumentInput[] = [
  {
    ...base,
    name: 'number text and exact amounts',
    arrays: [{ target: '.', source: '.' }],
    rules: [
      { target: 'id', sources: ['id'] },
      { target: 'grouped', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '#,##0.00' }] },
      { target: 'comma', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '#.##0,00', decimalSeparator: ',', groupingSeparator: '.' }] },
      { target: 'optional', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '0.0##' }] },
      { target: 'hash', sources: ['qty'], transforms: [{ kind: 'formatNumber', picture: '#' }] },
      { target: 'fraction', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '#.00' }] },
      { target: 'euro', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '#.##0,00 EUR', decimalSeparator: ',', groupingSeparator: '.' }] },
      { target: 'percent', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '0.0#%' }] },
      { target: 'perMille', sources: ['qty'], transforms: [{ kind: 'formatNumber', picture: '#,##0‰' }] },
      { target: 'scientific', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '0.00e00' }] },
      { target: 'signed', sources: ['amount'], transforms: [{ kind: 'formatNumber', picture: '#,##0.00;(#,##0.00)' }] },
      { target: 'indian', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'amount' }, { kind: 'formatNumber', picture: '#,##,##0.###' }] },
      { target: 'fixed', sources: ['amount'], transforms: [{ kind: 'round', decimals: 2, fixed: true }] },
      { target: 'sum', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'amount', decimals: 2, fixed: true }] },
      { target: 'average', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'average', field: 'amount', decimals: 2 }] },
      { target: 'smallest', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'min', field: 'amount', decimals: 1 }] },
      { target: 'ledger', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'amount', times: 'qty', itemDecimals: 2 }] },
      { target: 'ledgerExact', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'qty', times: 'amount', itemDecimals: 2, decimals: 2, fixed: true }] },
      { target: 'prices', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'max', field: 'price', decimalSeparator: ',', thousandsSeparator: '.' }] },
      { target: 'priceTotal', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'price', times: 'qty', decimalSeparator: ',', thousandsSeparator: '.', decimals: 2 }] },
    ],
  },
];

/** Records of products near rounding ties (money.ts exactResult): 0.7 x 0.05, 3 x 1.005, 7 x 1.005, credit lines, 16 digits, 1e21. */
export const PRODUCT_RECORDS: unknown[] = [
  {
    id: 'T-1',
    amount: 1.005,
    qty: 7,
    lines: [
      { amount: 0.05, qty: 0.7, price: '0,05' },
      { amount: 1.005, qty: 3, price: '1,005' },
      { amount: -1.005, qty: 7, price: '-1,005' },
      { amount: 0.035, qty: -3, price: '0,035' },
      { amount: 12.333, qty: 0.5, price: '12,333' },
      { amount: 2.675, qty: 1.5, price: '2,675' },
    ],
  },
  { id: 'T-2', amount: 0.05, qty: 0.7, lines: [{ amount: 3.015, qty: 1, price: '3,015' }, { amount: 0.125, qty: 0.2, price: '0,125' }] },
  { id: 'T-3', amount: 3.045, qty: 3, lines: [{ amount: 1234567890123457, qty: 1, price: '2,675' }] },
  { id: 'T-4', amount: -2.675, qty: 2, lines: [{ amount: 1e21, qty: 1.005, price: '1.000,005' }, { amount: 999999999999.995, qty: 1, price: '0,5' }] },
  { id: 'T-5', amount: 123456.785, qty: 0.25, lines: [] },
  { id: 'T-6', amount: 1.015, qty: 1, lines: [{ amount: 1000000.005, qty: 1000000, price: '1,015' }, { amount: 12.345, qty: 12, price: '12,345' }] },
];

/** Products, quotients, sums and differences of two amounts (by a constant too), rounded or not, per record, per line and over the lines. */
export const PRODUCT_DOCUMENT: MappingDocumentInput = {
  ...base,
  name: 'products and quotients near rounding ties',
  arrays: [
    { target: '.', source: '.' },
    { target: 'lines', source: 'lines' },
  ],
  rules: [
    { target: 'id', sources: ['id'] },
    { target: 'times', sources: ['qty', 'amount'], transforms: [{ kind: 'calculate', op: '*' }] },
    { target: 'timesRounded', sources: ['qty', 'amount'], transforms: [{ kind: 'calculate', op: '*' }, { kind: 'round', decimals: 2, fixed: true }] },
    { target: 'divided', sources: ['amount', 'qty'], transforms: [{ kind: 'calculate', op: '/' }, { kind: 'round', decimals: 2 }] },
    { target: 'plus', sources: ['amount', 'qty'], transforms: [{ kind: 'calculate', op: '+' }, { kind: 'round', decimals: 2 }] },
    { target: 'minus', sources: ['amount', 'qty'], transforms: [{ kind: 'calculate', op: '-' }] },
    { target: 'byThree', sources: ['amount'], transforms: [{ kind: 'arithmetic', op: '*', operand: 3 }, { kind: 'round', decimals: 2 }] },
    { target: 'halved', sources: ['amount'], transforms: [{ kind: 'arithmetic', op: '/', operand: 2 }, { kind: 'round', decimals: 2 }] },
    { target: 'rest', sources: ['amount'], transforms: [{ kind: 'arithmetic', op: '%', operand: 1 }] },
    { target: 'less', sources: ['amount'], transforms: [{ kind: 'arithmetic', op: '-', operand: 1 }, { kind: 'round', decimals: 2 }] },
    { target: 'more', sources: ['amount'], transforms: [{ kind: 'arithmetic', op: '+', operand: -1000000 }] },
    { target: 'lines.less', sources: ['amount', 'qty'], transforms: [{ kind: 'calculate', op: '-' }, { kind: 'round', decimals: 2 }] },
    { target: 'lines.amount', sources: ['qty', 'amount'], transforms: [{ kind: 'calculate', op: '*' }, { kind: 'round', decimals: 2 }] },
    { target: 'lines.price', sources: ['qty', 'price'], transforms: [{ kind: 'parseNumber', decimalSeparator: ',', thousandsSeparator: '.' }, { kind: 'calculate', op: '*' }, { kind: 'round', decimals: 3 }] },
    { target: 'total', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'qty', times: 'amount', itemDecimals: 2, decimals: 2 }] },
    { target: 'totalCents', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'qty', times: 'amount', decimals: 2 }] },
    { target: 'totalRaw', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'qty', times: 'amount' }] },
    { target: 'totalWhole', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'amount', decimals: 0 }] },
    { target: 'priceAverage', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'average', field: 'price', times: 'qty', decimalSeparator: ',', thousandsSeparator: '.', decimals: 2 }] },
  ],
};
