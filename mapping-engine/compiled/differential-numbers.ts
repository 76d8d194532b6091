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
