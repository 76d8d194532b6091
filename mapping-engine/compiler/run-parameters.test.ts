import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import { compileDocument } from './compile-document';
import { doc } from './compiler-test-helpers';
import { parameterBindings, parseParamOptions } from './run-parameters';

const PARAMS = {
  MsgId: { type: 'string', default: 'MSG-DEFAULT' },
  CreDtTm: { type: 'datetime', now: true },
  Limit: { type: 'number' },
} as const;

const d = doc({
  parameters: PARAMS,
  rules: [
    { target: 'msgId', sources: ['$param.MsgId'], required: 'error' },
    { target: 'created', sources: ['$param.CreDtTm'], required: 'error' },
    { target: 'limit', sources: ['$param.Limit'] },
  ],
});

describe('run parameters', () => {
  it('are read by rules, set by the run, with defaults and "now"', async () => {
    const { expression } = compileDocument(d);
    const pinned = await jsonata(expression).evaluate({}, parameterBindings(d.parameters!, { CreDtTm: '2024-07-01T08:00:00Z', MsgId: 'M-1', Limit: '12.5' }));
    expect(pinned).toEqual({ msgId: 'M-1', created: '2024-07-01T08:00:00Z', limit: 12.5 });
    const defaults = (await jsonata(expression).evaluate({})) as { msgId: string; created: string };
    expect(defaults.msgId).toBe('MSG-DEFAULT');
    expect(Date.parse(defaults.created)).not.toBeNaN();
  });

  it('refuse names the document does not declare and values of another type', () => {
    expect(() => parameterBindings(d.parameters!, { Nope: 'x' })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => parameterBindings(d.parameters!, { Limit: 'zwölf' })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => parameterBindings(d.parameters!, { CreDtTm: 'gestern' })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(parseParamOptions(['a=b=c', 'x='])).toEqual({ a: 'b=c', x: '' });
    expect(() => parseParamOptions(['novalue'])).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('a rule reading an undeclared parameter is DOC_INVALID', () => {
    const text = JSON.stringify({ formatVersion: 1, name: 't', source: { format: 'json' }, target: { format: 'json' }, rules: [{ target: 'a', sources: ['$param.Missing'] }] });
    expect(() => loadDocument(text, 'p.mapwright.json')).toThrow(expect.objectContaining({ code: 'DOC_INVALID' }));
  });
});
