import { describe, expect, it } from 'vitest';
import { decodeHostIn, decodeHostOut, encodeFrame, encodeResult } from './engine-host-protocol';

describe('engine host frames', () => {
  it('carries a job input as raw JSON after the header, newlines in it included', () => {
    const input = '{\n  "note": "line one\\nline two"\n}';
    const text = encodeFrame({ type: 'run', id: 7, expression: 'note', hasInput: true, bindings: { k: 1 } }, input);
    expect(text.startsWith('{"type":"run"')).toBe(true);
    expect(decodeHostIn(text)).toEqual({ header: { type: 'run', id: 7, expression: 'note', hasInput: true, bindings: { k: 1 } }, body: input });
  });

  it('reads a job without input and a cancel', () => {
    expect(decodeHostIn(encodeFrame({ type: 'run', id: 1, expression: '1', hasInput: false }))?.body).toBeUndefined();
    expect(decodeHostIn(encodeFrame({ type: 'cancel', id: 3 }))).toEqual({ header: { type: 'cancel', id: 3 }, body: undefined });
  });

  it('rejects malformed client messages instead of throwing', () => {
    for (const bad of [
      42,
      { type: 'run' },
      'not json',
      '[1,2]',
      '{"type":"run","id":0,"expression":"1","hasInput":false}',
      '{"type":"run","id":1,"expression":5,"hasInput":false}',
      '{"type":"run","id":1,"expression":"1","hasInput":true}',
      '{"type":"run","id":1,"expression":"1","hasInput":false,"bindings":[1]}',
      '{"type":"run","id":1,"expression":"1","hasInput":false,"limits":"fast"}',
      '{"type":"cancel","id":"x"}',
      '{"type":"shutdown","id":1}',
    ]) {
      expect(decodeHostIn(bad), String(bad)).toBeUndefined();
    }
  });

  it('round-trips results: a value as body, an error in the header, nothing for undefined', () => {
    const timings = { parseMs: 1, evalMs: 2 };
    const withValue = decodeHostOut(encodeResult(4, { value: { a: [1, 'x'] }, timings }));
    expect(withValue?.header).toEqual({ type: 'result', id: 4, timings, hasValue: true });
    expect(JSON.parse(withValue?.body ?? 'null')).toEqual({ a: [1, 'x'] });
    const failed = decodeHostOut(encodeResult(5, { value: 1, timings, error: { code: 'RUN_TIMEOUT', message: 'slow' } }));
    expect(failed).toEqual({ header: { type: 'result', id: 5, timings, hasValue: false, error: { code: 'RUN_TIMEOUT', message: 'slow' } }, body: undefined });
    expect(decodeHostOut(encodeResult(6, { value: undefined, timings }))?.body).toBeUndefined();
    expect(decodeHostOut(encodeFrame({ type: 'ready' }))?.header).toEqual({ type: 'ready' });
  });

  it('rejects malformed host messages', () => {
    for (const bad of [null, '{"type":"result","id":1,"hasValue":false}', '{"type":"result","id":1,"timings":{},"hasValue":true}', '{']) {
      expect(decodeHostOut(bad), String(bad)).toBeUndefined();
    }
  });
});
