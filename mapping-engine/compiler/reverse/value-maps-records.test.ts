import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compile-document';
import { doc } from '../compiler-test-helpers';
import { parseExpression } from './parse-expression';

const base = doc({
  recordKey: 'batch',
  lookups: { units: { entries: { ea: 'EA' } } },
  arrays: [
    { target: 'orders', source: 'orders', recordKey: 'number', filter: { field: 'open', op: '=', value: true } },
    { target: 'orders.lines', source: 'lines', recordKey: '../number' },
    { target: 'totals', source: 'lines', groupBy: 'currency' },
  ],
  rules: [
    { target: 'status', sources: ['status'], transforms: [{ kind: 'valueMap', entries: { A: 'ACTIVE', I: 'INACTIVE' }, default: 'NEW' }], required: 'error' },
    { target: 'orders.number', sources: ['number'], required: 'error' },
    { target: 'orders.lines.sku', sources: ['sku'], transforms: [{ kind: 'trim' }], required: 'error' },
    { target: 'orders.lines.unit', sources: ['unit'], transforms: [{ kind: 'lookup', table: 'units', onUnknown: 'keep' }, { kind: 'valueMap', entries: { EA: 'each' }, onUnknown: 'keep' }] },
    { target: 'totals.currency', sources: ['$key'], required: 'error' },
  ],
});
const { expression } = compileDocument(base);

describe('reverse parsing value maps and records', () => {
  it('is stable with value maps at the top and $record in every array', () => {
    const parsed = parseExpression(expression, base);
    expect(parsed.custom).toEqual([]);
    expect(parsed.document.rules).toEqual(base.rules);
    expect(compileDocument(parsed.document).expression).toBe(expression);
  });

  it('reads edited entries of a value map at the top back into its rule', () => {
    const edited = expression.replace('"I": "INACTIVE"\n', '"I": "INACTIVE",\n    "X": null\n');
    expect(edited).not.toBe(expression);
    const parsed = parseExpression(edited, base);
    expect(parsed.custom).toEqual([]);
    expect(parsed.document.rules[0]!.transforms).toEqual([{ kind: 'valueMap', entries: { A: 'ACTIVE', I: 'INACTIVE', X: null }, default: 'NEW', onUnknown: 'default' }]);
    expect(compileDocument(parsed.document).expression).toBe(edited);
  });

  it('reads a field edited to use another map, and keeps a field whose map was deleted verbatim', () => {
    const swapped = expression.replace('$lookup($statusMap, $k)) ? $lookup($statusMap, $k)', '$lookup($unitMap, $k)) ? $lookup($unitMap, $k)');
    const parsed = parseExpression(swapped, base);
    expect(parsed.document.rules[0]!.transforms).toEqual([{ kind: 'valueMap', entries: { EA: 'each' }, default: 'NEW', onUnknown: 'default' }]);
    const deleted = expression.replace(/\n {2}\$statusMap := \{[^}]*\};/, '');
    expect(parseExpression(deleted, base).custom).toEqual(['status']);
  });

  it('refuses a map at the top that is no longer plain values', () => {
    expect(() => parseExpression(expression.replace('"A": "ACTIVE"', '"A": $uppercase("active")'), base)).toThrow(expect.objectContaining({ code: 'COMPILE_UNSUPPORTED' }));
  });

  it('reads a hand-written required field back only with the $record in scope', () => {
    const field = '$required($trim($text(sku)), "orders[].lines[].sku", $record)';
    expect(expression).toContain(field);
    const withRecord = parseExpression(expression.replace(field, '$required(code, "orders[].lines[].sku", $record)'), base);
    expect(withRecord.document.rules[2]).toEqual({ target: 'orders.lines.sku', sources: ['code'], transforms: [], required: 'error' });
    const without = parseExpression(expression.replace(field, '$required(code, "orders[].lines[].sku")'), base);
    expect(without.custom).toEqual(['orders.lines.sku']);
  });
});
