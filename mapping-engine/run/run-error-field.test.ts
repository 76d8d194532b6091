import { describe, expect, it } from 'vitest';
import { compileDocument } from '../compiler/compile-document';
import { doc, failedRun as failure } from '../compiler/compiler-test-helpers';
import { fieldOfRunError } from './mapping-run';
import { observeRunError } from './test-expectations';


describe('a run error belongs to the field whose expression failed', () => {
  it('places a regex that matches empty text in custom code on its own field, not on a sum beside it', async () => {
    const d = doc({
      rules: [
        { target: 'GrpHdr.CtrlSum', sources: ['rows.amount'], transforms: [{ kind: 'parseNumber' }, { kind: 'aggregate', fn: 'sum' }] },
        { target: 'GrpHdr.MsgId', sources: ['id'], transforms: [{ kind: 'custom', expression: '$replace($value, /a*/, "")' }] },
      ],
    });
    const error = await failure(d, { id: 'x', rows: [{ amount: '1' }] });
    const prepared = { compiled: compileDocument(d), document: d };
    expect(error.code).toBe('RUN_EVALUATION');
    expect(fieldOfRunError(error, prepared)).toBe('GrpHdr.MsgId');
    expect(observeRunError(error, prepared)).toEqual({ field: 'GrpHdr.MsgId', code: 'RUN_EVALUATION' });
  });

  it('reads a helper-raised error by its label: a bad amount is the line field it belongs to', async () => {
    const d = doc({
      arrays: [{ target: 'lines', source: 'items' }],
      rules: [
        { target: 'total', sources: ['items.price'], transforms: [{ kind: 'parseNumber' }, { kind: 'aggregate', fn: 'sum' }] },
        { target: 'lines.price', sources: ['price'], transforms: [{ kind: 'parseNumber' }] },
      ],
    });
    const error = await failure(d, { items: [{ price: '1.50' }, { price: '1,50' }] });
    expect(observeRunError(error, { compiled: compileDocument(d), document: d })).toEqual({ field: 'lines[].price', code: 'MAP_INVALID_VALUE' });
    expect(error.message).toContain('(lines item 2)');
  });
});
