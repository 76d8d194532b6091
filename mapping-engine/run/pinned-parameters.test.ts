import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { doc } from '../compiler/compiler-test-helpers';
import { compileDocument } from '../compiler/compile-document';
import { parameterBindings } from '../compiler/run-parameters';
import { pinParameters } from './pinned-parameters';

const DOC = doc({
  parameters: {
    MsgId: { type: 'string', default: 'SEPA-1' },
    CreDtTm: { type: 'datetime', now: true },
    Day: { type: 'date', now: true },
    Limit: { type: 'number', default: 5 },
  },
  rules: [
    { target: 'msg', sources: ['$param.MsgId'] },
    { target: 'created', sources: ['$param.CreDtTm'] },
    { target: 'day', sources: ['$param.Day'] },
    { target: 'limit', sources: ['$param.Limit'] },
  ],
});

describe('pinParameters', () => {
  it('fixes the values a run sets and the run time for defaults of now, so the mapping needs no bindings', async () => {
    const prepared = { document: DOC, compiled: compileDocument(DOC) };
    const bindings = parameterBindings(DOC.parameters!, { MsgId: 'SEPA-7', Limit: '9' });
    const pinned = pinParameters(prepared, bindings, new Date('2024-06-28T09:30:00.000Z'));
    expect(await jsonata(pinned.compiled.expression).evaluate({})).toEqual({ msg: 'SEPA-7', created: '2024-06-28T09:30:00.000Z', day: '2024-06-28', limit: 9 });
    expect(pinned.document.parameters!.CreDtTm).toEqual({ type: 'datetime', default: '2024-06-28T09:30:00.000Z' });
    // The declared defaults stay where the run sets nothing; the document it came from is not changed.
    expect(pinned.document.parameters!.MsgId!.default).toBe('SEPA-7');
    expect(DOC.parameters!.MsgId!.default).toBe('SEPA-1');
    const defaults = pinParameters(prepared, {}, new Date('2024-01-02T03:04:05.000Z'));
    expect(await jsonata(defaults.compiled.expression).evaluate({})).toMatchObject({ msg: 'SEPA-1', day: '2024-01-02', limit: 5 });
  });

  it('keeps a mapping without parameters as it is', () => {
    const plain = doc({ rules: [{ target: 'id', sources: ['id'] }] });
    const prepared = { document: plain, compiled: compileDocument(plain) };
    expect(pinParameters(prepared, {}, new Date())).toBe(prepared);
  });
});
