/**
 * Mapping documents and records for the compiled engine's differential test:
 * between them they use every rule kind, transform parameter, array context
 * option and required policy the compiled engine covers, so the shape fuzzer
 * meets each of them. Test support only.
 */
import type { MappingDocumentInput } from '../document/document-schema';

/** Seed records: an order-like shape with nested objects, arrays of objects and arrays of text. */
export const DIFFERENTIAL_RECORDS: unknown[] = [
  {
    id: 'ACC-1',
    name: '  Ada   Lovelace ',
    code: 'A',
    amount: 2.675,
    qty: 3,
    day: '2024-02-29',
    dmy: '31.12.1999',
    stamp: '2024-06-30 23:59:59.999',
    tags: ['vip', 'b2b'],
    customer: { id: 'C-7', country: 'de', name: 'Ada' },
    lines: [
      { sku: 'X-1', amount: 10.5, qty: 2, type: 'item' },
      { sku: 'X-2', amount: 0.125, qty: 1, type: 'fee' },
      { sku: 'X-3', amount: 1e21, qty: 7, type: 'item' },
    ],
    contacts: [
      { type: 'phone', value: '+49 30 1234' },
      { type: 'email', value: 'ada@example.org' },
    ],
  },
  {
    id: 'ACC-22',
    name: 'Grace Hopper',
    code: 'I',
    amount: 733.3199999999999,
    qty: 0,
    day: '1999-12-31',
    dmy: '01.01.2000',
    stamp: '2000-01-01 00:00:00.000',
    tags: ['x'],
    customer: { id: 'C-8', country: 'FR' },
    lines: [{ sku: 'Y-1', amount: 2.5, qty: 4, type: 'item' }],
    contacts: { type: 'email', value: 'g@example.org' },
  },
  { id: 'ACC-3', name: 'Zoë 😀', code: 'Q', amount: -2.5, qty: 1, day: '2023-02-28', dmy: '28.02.2023', stamp: '2023-02-28 12:00:00.000', tags: [], customer: { id: 'C-9', country: 'XX' }, lines: [], contacts: [] },
];

const base = { formatVersion: 1 as const, source: { format: 'jsonl' as const }, target: { format: 'jsonl' as const } };

/** Synthetic documents over {@link DIFFERENTIAL_RECORDS}, each with a root array context over the records. */
export const DIFFERENTIAL_DOCUMENTS: MappingDocumentInput[] = [
  {
    ...base,
    name: 'text and values',
    lookups: { countries: { entries: { DE: 'Germany', FR: 'France', constructor: 'Object' } } },
    arrays: [{ target: '.', source: '.' }],
    rules: [
      { target: 'id', sources: ['id'] },
      { target: 'trimmed', sources: ['name'], transforms: [{ kind: 'trim' }] },
      { target: 'upper', sources: ['name'], transforms: [{ kind: 'case', mode: 'upper' }] },
      { target: 'lower', sources: ['customer.name'], transforms: [{ kind: 'case', mode: 'lower' }] },
      { target: 'replaced', sources: ['id'], transforms: [{ kind: 'replace', pattern: '^ACC-', replacement: 'C', regex: true }] },
      { target: 'replacedI', sources: ['name'], transforms: [{ kind: 'replace', pattern: 'a+', replacement: '_', regex: true, flags: 'i' }] },
      { target: 'replacedText', sources: ['id'], transforms: [{ kind: 'replace', pattern: '-', replacement: '$' }] },
      { target: 'first', sources: ['name'], transforms: [{ kind: 'trim' }, { kind: 'split', separator: ' ', index: 0 }] },
      { target: 'last', sources: ['name'], transforms: [{ kind: 'split', separator: ' ', index: -1 }] },
      { target: 'parts', sources: ['id'], transforms: [{ kind: 'split', separator: '-' }] },
      { target: 'status', sources: ['code'], transforms: [{ kind: 'valueMap', entries: { A: 'ACTIVE', I: 'INACTIVE', 2.5: 'num' }, default: 'OTHER' }] },
      { target: 'statusKeep', sources: ['code'], transforms: [{ kind: 'valueMap', entries: { A: 1, I: null }, onUnknown: 'keep' }] },
      { target: 'statusError', sources: ['code'], transforms: [{ kind: 'valueMap', entries: { A: 'a', I: 'i', Q: 'q' }, onUnknown: 'error' }] },
      { target: 'country', sources: ['customer.country'], transforms: [{ kind: 'case', mode: 'upper' }, { kind: 'lookup', table: 'countries' }] },
      { target: 'countryOr', sources: ['customer.country'], transforms: [{ kind: 'lookup', table: 'countries', default: '??' }] },
      { target: 'constant', transforms: [{ kind: 'constant', value: 'fixed' }] },
      { target: 'defaulted', sources: ['customer.name'], transforms: [{ kind: 'default', value: 'nobody' }] },
      { target: 'labels', sources: ['tags'] },
      { target: 'customer', sources: ['customer'] },
      { target: 'must', sources: ['customer.id'], required: 'error' },
      { target: 'orDefault', sources: ['customer.name'], required: 'default', default: 0 },
    ],
  },
  {
    ...base,
    name: 'numbers and dates',
    arrays: [{ target: '.', source: '.' }],
    rules: [
      { target: 'round0', sources: ['amount'], transforms: [{ kind: 'round', decimals: 0 }] },
      { target: 'round2', sources: ['amount'], transforms: [{ kind: 'round', decimals: 2 }] },
      { target: 'plus', sources: ['amount'], transforms: [{ kind: 'arithmetic', op: '+', operand: 0.1 }] },
      { target: 'times', sources: ['qty'], transforms: [{ kind: 'arithmetic', op: '*', operand: 1.1 }, { kind: 'round', decimals: 1 }] },
      { target: 'div', sources: ['qty'], transforms: [{ kind: 'arithmetic', op: '/', operand: 3 }] },
      { target: 'mod', sources: ['qty'], transforms: [{ kind: 'arithmetic', op: '%', operand: 2 }] },
      { target: 'minus', sources: ['amount'], transforms: [{ kind: 'arithmetic', op: '-', operand: 1 }] },
      { target: 'day', sources: ['day'], transforms: [{ kind: 'date', from: 'yyyy-MM-dd', to: 'dd.MM.yyyy' }] },
      { target: 'dayOmit', sources: ['day'], transforms: [{ kind: 'date', from: 'yyyy-MM-dd', to: 'yyyyMMdd', onInvalid: 'omit' }] },
      { target: 'dmy', sources: ['dmy'], transforms: [{ kind: 'date', from: 'dd.MM.yyyy', to: 'iso' }] },
      { target: 'epoch', sources: ['dmy'], transforms: [{ kind: 'date', from: 'dd.MM.yyyy', to: 'epoch-s', onInvalid: 'omit' }] },
      { target: 'stamp', sources: ['stamp'], transforms: [{ kind: 'date', from: 'yyyy-MM-dd HH:mm:ss.SSS', to: 'dd.MM.yyyy HH:mm', onInvalid: 'omit' }] },
      { target: 'big', sources: ['qty'], transforms: [{ kind: 'condition', when: { op: '>', value: 2 }, then: 'big', else: 'small' }] },
      { target: 'isA', sources: ['code'], transforms: [{ kind: 'condition', when: { op: '=', value: 'A' }, then: true }] },
      { target: 'notA', sources: ['code'], transforms: [{ kind: 'condition', when: { op: '!=', value: 'A' }, else: 'was A' }] },
      { target: 'inList', sources: ['code'], transforms: [{ kind: 'condition', when: { op: 'in', value: ['A', 'I', 2.5] }, then: 'known', else: 'unknown' }] },
      { target: 'empty', sources: ['customer'], transforms: [{ kind: 'condition', when: { field: 'name', op: 'empty' }, then: 'anonymous' }] },
      { target: 'has', sources: ['customer'], transforms: [{ kind: 'condition', when: { field: 'name', op: 'exists' }, then: 'named', else: 'unnamed' }] },
      { target: 'atMost', sources: ['name'], transforms: [{ kind: 'condition', when: { op: '<=', value: 'M' }, then: 'A-M', else: 'N-Z' }] },
    ],
  },
  {
    ...base,
    name: 'arrays',
    arrays: [
      { target: '.', source: '.', filter: { field: 'qty', op: '>=', value: 0 } },
      { target: 'lines', source: 'lines', filter: { field: 'type', op: '=', value: 'item' }, sort: { field: 'amount', descending: true } },
      { target: 'contacts', source: 'contacts', sort: { field: 'type' } },
    ],
    rules: [
      { target: 'id', sources: ['id'], required: 'error' },
      { target: 'total', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'sum', field: 'amount' }] },
      { target: 'count', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'count' }] },
      { target: 'countField', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'count', field: 'sku' }] },
      { target: 'max', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'max', field: 'qty' }] },
      { target: 'min', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'min', field: 'qty' }] },
      { target: 'avg', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'average', field: 'amount' }] },
      { target: 'skus', sources: ['lines'], transforms: [{ kind: 'aggregate', fn: 'join', field: 'sku', separator: '|' }] },
      { target: 'tagList', sources: ['tags'], transforms: [{ kind: 'aggregate', fn: 'join' }] },
      { target: 'tagCount', sources: ['tags'], transforms: [{ kind: 'aggregate', fn: 'count' }] },
      { target: 'email', sources: ['contacts'], transforms: [{ kind: 'filter', when: { field: 'type', op: '=', value: 'email' } }, { kind: 'pick', index: 0, field: 'value' }] },
      { target: 'lastContact', sources: ['contacts'], transforms: [{ kind: 'pick', index: -1 }] },
      { target: 'firstSku', sources: ['lines'], transforms: [{ kind: 'pick', field: 'sku' }] },
      { target: 'items', sources: ['lines'], transforms: [{ kind: 'filter', when: { field: 'type', op: 'in', value: ['item'] } }] },
      { target: 'lines.sku', sources: ['sku'], required: 'error' },
      { target: 'lines.amount', sources: ['amount'], transforms: [{ kind: 'round', decimals: 1 }] },
      { target: 'lines.account', sources: ['../id'] },
      { target: 'lines.country', sources: ['../customer.country'], transforms: [{ kind: 'case', mode: 'upper' }] },
      { target: 'contacts.channel', sources: ['type'], transforms: [{ kind: 'valueMap', entries: { email: 'EMAIL', phone: 'PHONE' }, default: 'OTHER' }], required: 'error' },
      { target: 'contacts.value', sources: ['value'] },
    ],
  },
  {
    ...base,
    name: 'one payload with a required list',
    source: { format: 'json' },
    target: { format: 'json' },
    arrays: [{ target: 'order.lines', source: 'lines', required: 'error' }],
    rules: [
      { target: 'order.id', sources: ['id'] },
      { target: 'order.customer.id', sources: ['customer.id'], required: 'default', default: 'none' },
      { target: 'order.customer.all', sources: ['customer'] },
      { target: 'order.lines.sku', sources: ['sku'] },
      { target: 'order.lines.root', sources: ['/id'] },
      { target: 'order.lines.self', sources: ['.'] },
    ],
  },
];
