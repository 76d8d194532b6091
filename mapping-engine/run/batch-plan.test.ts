import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileDocument } from '../compiler/compile-document';
import { doc } from '../compiler/compiler-test-helpers';
import { loadDocument } from '../document/load-document';
import type { MappingDocumentInput } from '../document/document-schema';
import type { JsonValue } from '../payload/types';
import { writePayload } from '../payload/write-payload';
import { createBatchOutputWriter } from './batch-output';
import { chunkItems, mergeChunkOutputs, planBatch, shiftViolation, type PerRecordPlan } from './batch-plan';

const csvRows = (parts: Partial<MappingDocumentInput> = {}) =>
  doc({
    source: { format: 'csv' },
    target: { format: 'csv' },
    arrays: [{ target: '.', source: '.', filter: { field: 'keep', op: '=', value: 'y' } }],
    rules: [
      { target: 'id', sources: ['id'] },
      { target: 'name', sources: ['first', 'last'], transforms: [{ kind: 'concat', separator: ' ' }] },
    ],
    ...parts,
  });

function perRecord(plan: ReturnType<typeof planBatch>): PerRecordPlan {
  if (!plan.perRecord) throw new Error(`not per record: ${plan.reason}`);
  return plan;
}

describe('planBatch', () => {
  it('plans a root array over the records, filter included, with the item columns in document order', () => {
    expect(planBatch(csvRows())).toEqual({ perRecord: true, arrayPath: [], columns: ['id', 'name'] });
  });

  it('plans JSON Lines to a JSON object whose one array holds the items, nested arrays included', () => {
    const plan = planBatch(
      doc({
        source: { format: 'jsonl' },
        arrays: [{ target: 'orders', source: '.' }, { target: 'orders.lines', source: 'items' }],
        rules: [{ target: 'orders.id', sources: ['id'] }, { target: 'orders.lines.sku', sources: ['sku'] }, { target: 'orders.lines.order', sources: ['../id'] }],
      }),
    );
    expect(plan).toEqual({ perRecord: true, arrayPath: ['orders'], columns: ['id', 'lines'] });
  });

  it.each<[string, Partial<MappingDocumentInput>]>([
    ['a JSON source', { source: { format: 'json' } }],
    ['an XML target whose items are the whole output', { target: { format: 'xml' } }],
    ['a sorted root array', { arrays: [{ target: '.', source: '.', sort: { field: 'id' } }] }],
    ['a grouped root array', { arrays: [{ target: '.', source: '.', groupBy: 'id' }] }],
    ['a root array over something else', { arrays: [{ target: '.', source: 'rows' }] }],
    ['no array context', { arrays: [] }],
    ['a / source', { rules: [{ target: 'id', sources: ['/id'] }] }],
    ['a ../ source up to the input', { rules: [{ target: 'id', sources: ['../id'] }] }],
    ['$$ in a custom expression', { rules: [{ target: 'n', sources: ['id'], transforms: [{ kind: 'custom', expression: '$count($$)' }] }] }],
  ])('refuses %s with a reason', (_name, parts) => {
    const plan = planBatch(csvRows(parts));
    expect(plan.perRecord).toBe(false);
    expect(plan.perRecord ? '' : plan.reason).not.toBe('');
  });

  it('refuses fields outside the item array, and a CSV output whose items are nested', () => {
    const header = { source: { format: 'csv' as const }, target: { format: 'json' as const }, arrays: [{ target: 'lines', source: '.' }] };
    expect(planBatch(doc({ ...header, rules: [{ target: 'lines.id', sources: ['id'] }, { target: 'total', sources: ['x'] }] })).perRecord).toBe(false);
    expect(planBatch(doc({ ...header, target: { format: 'csv' }, rules: [{ target: 'lines.id', sources: ['id'] }] })).perRecord).toBe(false);
  });

  it('refuses record positions and a required record array, which chunks would judge on their own', () => {
    expect(planBatch(csvRows({ rules: [{ target: 'line', sources: ['$position'] }] })).perRecord).toBe(false);
    expect(planBatch(csvRows({ arrays: [{ target: '.', source: '.', required: 'error' }] })).perRecord).toBe(false);
    // Positions inside one record's own nested array stay within the record.
    const nested = doc({ source: { format: 'jsonl' }, target: { format: 'json' }, arrays: [{ target: 'orders', source: '.' }, { target: 'orders.lines', source: 'lines' }], rules: [{ target: 'orders.lines.no', sources: ['$position'] }] });
    expect(planBatch(nested).perRecord).toBe(true);
  });

  it('plans an XML output whose items sit below the root element', () => {
    const xml = doc({ source: { format: 'jsonl' }, target: { format: 'xml' }, arrays: [{ target: 'Orders.Order', source: '.' }], rules: [{ target: 'Orders.Order.id', sources: ['id'] }] });
    expect(planBatch(xml)).toEqual({ perRecord: true, arrayPath: ['Orders', 'Order'], columns: ['id'] });
    expect(planBatch({ ...xml, arrays: [{ target: 'Order', source: '.' }], rules: [{ ...xml.rules[0]!, target: 'Order.id' }] }).perRecord).toBe(false);
  });

  it('refuses the invoice sample, whose header fields read the first row of the whole file', () => {
    const file = 'samples/invoice-csv-to-xml/invoice-csv-to-xml.mapwright.json';
    expect(planBatch(loadDocument(readFileSync(file, 'utf8'), file).document).perRecord).toBe(false);
  });
});

describe('chunked evaluation', () => {
  const records = Array.from({ length: 7 }, (_, i) => ({ id: String(i), first: `F${i}`, last: `L${i}`, keep: i % 3 === 0 ? 'n' : 'y' }));

  it('gives, chunk by chunk and merged, exactly what one run over all records gives', async () => {
    const document = csvRows();
    const expression = compileDocument(document).expression;
    const plan = perRecord(planBatch(document));
    const whole = (await jsonata(expression).evaluate(records)) as JsonValue;
    // Chunks of 1 record are the edge case: jsonata would unwrap a one-item sequence.
    for (const size of [1, 2, 3, 7]) {
      const outputs: unknown[] = [];
      for (let i = 0; i < records.length; i += size) outputs.push(await jsonata(expression).evaluate(records.slice(i, i + size)));
      expect(mergeChunkOutputs(plan, outputs)).toEqual(whole);
    }
  });

  it('merges items at a nested path', () => {
    const plan: PerRecordPlan = { perRecord: true, arrayPath: ['a', 'orders'], columns: [] };
    expect(mergeChunkOutputs(plan, [{ a: { orders: [1, 2] } }, undefined, { a: { orders: [3] } }])).toEqual({ a: { orders: [1, 2, 3] } });
    expect(chunkItems(plan, { a: {} })).toEqual([]);
  });

  it('moves violation indexes to the place of the item in the whole output', () => {
    const plan: PerRecordPlan = { perRecord: true, arrayPath: ['orders'], columns: [] };
    expect(shiftViolation(plan, { path: 'orders[3].total', code: 'MAP_TYPE', message: 'x' }, 2000).path).toBe('orders[2003].total');
    expect(shiftViolation({ ...plan, arrayPath: [] }, { path: '[0]', code: 'MAP_TYPE', message: 'x' }, 5).path).toBe('[5]');
    expect(shiftViolation(plan, { path: 'orders', code: 'MAP_REPEAT', message: 'x' }, 5).path).toBe('orders');
  });
});

describe('createBatchOutputWriter', () => {
  const items: JsonValue[] = [{ id: '1', name: 'A; B' }, { id: '2', name: '=cmd' }, { id: '3', name: 'C' }];

  function streamed(plan: PerRecordPlan, format: 'json' | 'jsonl' | 'csv' | 'xml', chunks: JsonValue[][], options = {}): string {
    const writer = createBatchOutputWriter(plan, format, options);
    return writer.start() + chunks.map((chunk) => writer.items(chunk)).join('') + writer.end();
  }

  it.each(['json', 'jsonl', 'csv'] as const)('writes %s in pieces exactly as writePayload writes the whole', (format) => {
    const plan: PerRecordPlan = { perRecord: true, arrayPath: [], columns: ['id', 'name'] };
    expect(streamed(plan, format, [items.slice(0, 2), [], items.slice(2)])).toBe(writePayload(items, format));
    expect(streamed(plan, format, [[]])).toBe(format === 'csv' ? 'id,name\n' : writePayload([], format));
  });

  it('writes JSON with the items nested at their path, empty or not', () => {
    const plan: PerRecordPlan = { perRecord: true, arrayPath: ['data', 'rows'], columns: [] };
    expect(streamed(plan, 'json', [items.slice(0, 1), items.slice(1)])).toBe(writePayload({ data: { rows: items } }, 'json'));
    expect(streamed(plan, 'json', [])).toBe(writePayload({ data: { rows: [] } }, 'json'));
  });

  it('writes XML in pieces exactly as writePayload writes the whole, with the schema order', () => {
    const plan: PerRecordPlan = { perRecord: true, arrayPath: ['Orders', 'Order'], columns: [] };
    const orders: JsonValue[] = [{ id: '1', note: { '@lang': 'en', '#text': 'a < b' } }, { id: '2' }, { id: '3' }];
    expect(streamed(plan, 'xml', [orders.slice(0, 1), [], orders.slice(1)])).toBe(writePayload({ Orders: { Order: orders } }, 'xml'));
    expect(streamed(plan, 'xml', [])).toBe(writePayload({ Orders: { Order: [] } }, 'xml'));
  });

  it('refuses to join XML chunks whose root element differs', () => {
    const plan: PerRecordPlan = { perRecord: true, arrayPath: ['Orders', 'Order'], columns: [] };
    const writer = createBatchOutputWriter(plan, 'xml');
    // A null item is written xsi:nil="true", which declares the xsi namespace on the root element.
    expect(() => writer.items([{ id: '1' }, null])).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('keeps the CSV dialect of the input', () => {
    const plan: PerRecordPlan = { perRecord: true, arrayPath: [], columns: ['id', 'name'] };
    const csvMeta = { delimiter: ';', lineEnding: '\r\n' as const, quoteChar: '"', headers: ['x'], originalHeaders: ['x'], bom: true, encoding: 'utf-8' };
    expect(streamed(plan, 'csv', [items.slice(0, 1), items.slice(1)], { csvMeta })).toBe('\ufeffid;name\r\n1;"A; B"\r\n2;"\'=cmd"\r\n3;C\r\n');
  });
});
