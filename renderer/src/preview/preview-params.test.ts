import { describe, expect, it } from 'vitest';
import { defaultText, runParams } from './preview-params';

describe('preview run parameters', () => {
  const declared = { MsgId: { type: 'string', default: 'SEPA-1' }, CreDtTm: { type: 'datetime', now: true }, Day: { type: 'date', now: true }, Limit: { type: 'number' } } as const;

  it('sends the typed values of declared parameters, trimmed; empty fields and undeclared names send nothing', () => {
    expect(runParams(declared, { MsgId: ' SEPA-7 ', CreDtTm: '', Gone: 'x' })).toEqual({ MsgId: 'SEPA-7' });
    expect(runParams(undefined, { MsgId: 'x' })).toEqual({});
  });

  it('says what an empty field stands for', () => {
    expect([defaultText(declared.MsgId), defaultText(declared.CreDtTm), defaultText(declared.Day), defaultText(declared.Limit)]).toEqual(['SEPA-1', 'the time of the run', 'today', 'no value']);
  });
});
