import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../errors';
import type { MappingDocument } from '../document/document-schema';
import { compileDocument } from './compile-document';
import { doc } from './compiler-test-helpers';
import { parseExpression } from './reverse/parse-expression';

/** The code of the error compiling `d` raises, or undefined. */
function compileCode(d: MappingDocument): unknown {
  try {
    compileDocument(d);
    return undefined;
  } catch (error) {
    return isMapwrightError(error) ? error.code : error;
  }
}

/** The jsonata error `expression` raises on `input`: its code and message. */
async function failure(expression: string, input: unknown): Promise<{ code?: string; message?: string } | undefined> {
  try {
    await jsonata(expression).evaluate(input);
    return undefined;
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

/** compile -> parse -> compile gives the same text and the same rules. */
function roundTrips(d: MappingDocument): void {
  const { expression } = compileDocument(d);
  const parsed = parseExpression(expression, d);
  expect(parsed.custom).toEqual([]);
  expect(parsed.document.rules).toEqual(d.rules);
  expect(compileDocument(parsed.document).expression).toBe(expression);
}

const ORDER = { name: '#1052', lines: [{ sku: 'A', qty: 2, status: 'ok' }, { sku: 'B', qty: 0, status: 'gift' }, { sku: 'C', qty: 1, status: 'ok' }] };

describe('$position: the element position as a source', () => {
  it('numbers the elements 1, 2, 3 and with a step 10, 20, 30', async () => {
    const d = doc({
      arrays: [{ target: 'lines', source: 'lines' }],
      rules: [
        { target: 'lines.position', sources: ['$position'], transforms: [{ kind: 'arithmetic', op: '*', operand: 10 }] },
        { target: 'lines.index', sources: ['$position'] },
        { target: 'lines.sku', sources: ['sku'] },
      ],
    });
    const { expression } = compileDocument(d);
    const out = (await jsonata(expression).evaluate(ORDER)) as { lines: Array<{ position: number; index: number }> };
    expect(out.lines.map((l) => l.position)).toEqual([10, 20, 30]);
    expect(out.lines.map((l) => l.index)).toEqual([1, 2, 3]);
    roundTrips(d);
  });

  it('counts the elements of the target after filter and sort', async () => {
    const d = doc({
      arrays: [{ target: 'lines', source: 'lines', filter: { field: 'status', op: '=', value: 'ok' }, sort: { field: 'sku', descending: true } }],
      rules: [
        { target: 'lines.position', sources: ['$position'] },
        { target: 'lines.sku', sources: ['sku'] },
      ],
    });
    const out = (await jsonata(compileDocument(d).expression).evaluate(ORDER)) as { lines: unknown[] };
    expect(out.lines).toEqual([{ position: 1, sku: 'C' }, { position: 2, sku: 'A' }]);
    roundTrips(d);
  });

  it('shares the position bound for record labels when the array neither filters nor sorts', async () => {
    const d = doc({
      recordKey: 'name',
      arrays: [{ target: 'lines', source: 'lines', recordKey: 'sku' }],
      rules: [
        { target: 'lines.position', sources: ['$position'] },
        { target: 'lines.note', sources: ['note'], required: 'error' },
      ],
    });
    const { expression } = compileDocument(d);
    expect(expression.match(/#\$index1/g)).toHaveLength(1);
    expect(await failure(expression, ORDER)).toMatchObject({ message: 'lines[].note is required (name "#1052", lines item 1: sku "A")' });
    roundTrips(d);
  });

  it('numbers the target elements while record labels count the source items, in a filtered and sorted array', async () => {
    const both = doc({
      recordKey: 'name',
      arrays: [{ target: 'lines', source: 'lines', filter: { field: 'status', op: '=', value: 'ok' }, sort: { field: 'sku', descending: true }, recordKey: 'sku' }],
      rules: [
        { target: 'lines.position', sources: ['$position'], transforms: [{ kind: 'arithmetic', op: '*', operand: 10 }] },
        { target: 'lines.sku', sources: ['sku'], required: 'error' },
        { target: 'lines.order', sources: ['../name'] },
      ],
    });
    const { expression } = compileDocument(both);
    expect(await jsonata(expression).evaluate(ORDER)).toEqual({ lines: [{ position: 10, sku: 'C', order: '#1052' }, { position: 20, sku: 'A', order: '#1052' }] });
    const input = { name: '#1052', lines: [{ sku: 'A', status: 'ok' }, { status: 'ok' }, { sku: 'B', status: 'gift' }] };
    expect(await failure(expression, input)).toMatchObject({ message: 'lines[].sku is required (name "#1052", lines item 2: sku missing)' });
    roundTrips(both);
  });

  it('is refused outside an array and in a grouped array', () => {
    expect(compileCode(doc({ rules: [{ target: 'n', sources: ['$position'] }] }))).toBe('COMPILE_INVALID');
    expect(compileCode(doc({ arrays: [{ target: 'g', source: 'lines', groupBy: 'status' }], rules: [{ target: 'g.n', sources: ['$position'] }] }))).toBe('COMPILE_INVALID');
  });
});

describe('required arrays: at least one element', () => {
  const d = doc({
    recordKey: 'name',
    arrays: [{ target: 'lines', source: 'lines', filter: { field: 'qty', op: '>', value: 0 }, required: 'error' }],
    rules: [
      { target: 'orderNumber', sources: ['name'] },
      { target: 'lines.sku', sources: ['sku'] },
    ],
  });
  const { expression } = compileDocument(d);

  it('rejects the record with the error of a missing required field', async () => {
    const missing = await failure(expression, { name: '#1052', lines: [] });
    expect(missing).toMatchObject({ code: 'D3137', message: 'lines is required (name "#1052")' });
    expect(await failure(expression, { name: '#1053' })).toMatchObject({ message: 'lines is required (name "#1053")' });
    // Every line filtered out is no line either.
    expect(await failure(expression, { name: '#1054', lines: [{ sku: 'A', qty: 0 }] })).toMatchObject({ message: 'lines is required (name "#1054")' });
  });

  it('keeps one element as an array', async () => {
    expect(await jsonata(expression).evaluate({ name: '#1', lines: [{ sku: 'A', qty: 1 }] })).toEqual({ orderNumber: '#1', lines: [{ sku: 'A' }] });
  });

  it('names the enclosing element when the array is nested', async () => {
    const nested = doc({
      arrays: [
        { target: 'orders', source: 'orders', recordKey: 'id' },
        { target: 'orders.lines', source: 'lines', required: 'error' },
      ],
      rules: [{ target: 'orders.lines.sku', sources: ['sku'] }],
    });
    const text = compileDocument(nested).expression;
    expect(await failure(text, { orders: [{ id: 'A', lines: [{ sku: 'x' }] }, { id: 'B', lines: [] }] })).toMatchObject({ message: 'orders[].lines is required (orders item 2: id "B")' });
    roundTrips(nested);
  });

  it('reads back unchanged', () => roundTrips(d));
});
