import { describe, expect, it } from 'vitest';
import { decodeHostIn, decodeHostOut, encodeFileResult, encodeFrame, encodeMasked, encodePreview, encodeResult } from './engine-host-protocol';

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

  it('carries a validation target with the job and the violations with the result', () => {
    const validate = { jsonSchema: { type: 'object', properties: { id: { pattern: '^C' } } } };
    expect(decodeHostIn(encodeFrame({ type: 'run', id: 8, expression: 'x', hasInput: false, validate }))?.header).toMatchObject({ validate });
    expect(decodeHostIn('{"type":"run","id":1,"expression":"1","hasInput":false,"validate":"^(a+)+$"}')).toBeUndefined();
    expect(decodeHostIn('{"type":"runFile","id":1,"request":{"file":"/a.json","expression":"1","validate":[1]}}')).toBeUndefined();
    const violations = [{ path: 'id', code: 'MAP_PATTERN' as const, message: 'does not match' }];
    const timings = { parseMs: 1, evalMs: 2, validateMs: 3 };
    expect(decodeHostOut(encodeResult(9, { value: { id: 'X' }, timings, violations }))?.header).toEqual({ type: 'result', id: 9, timings, hasValue: true, violations });
  });

  it('rejects malformed host messages', () => {
    for (const bad of [null, '{"type":"result","id":1,"hasValue":false}', '{"type":"result","id":1,"timings":{},"hasValue":true}', '{"type":"result","id":1,"timings":{},"hasValue":false,"violations":{}}', '{']) {
      expect(decodeHostOut(bad), String(bad)).toBeUndefined();
    }
  });

  it('carries file requests as paths in the header, and rejects ones without a file or expression', () => {
    const preview = encodeFrame({ type: 'preview', id: 2, request: { file: '/data/big.csv', page: 1, pageSize: 50 } });
    expect(decodeHostIn(preview)).toEqual({ header: { type: 'preview', id: 2, request: { file: '/data/big.csv', page: 1, pageSize: 50 } }, body: undefined });
    const runFile = encodeFrame({ type: 'runFile', id: 3, request: { expression: '$count($)', file: '/data/a.jsonl', format: 'jsonl' } });
    expect(decodeHostIn(runFile)?.header).toMatchObject({ type: 'runFile', request: { file: '/data/a.jsonl' } });
    for (const bad of [
      '{"type":"preview","id":1}',
      '{"type":"preview","id":1,"request":{"file":5}}',
      '{"type":"runFile","id":1,"request":{"file":"/a.json"}}',
      '{"type":"runFile","id":0,"request":{"file":"/a.json","expression":"1"}}',
    ]) {
      expect(decodeHostIn(bad), bad).toBeUndefined();
    }
  });

  it('round-trips a preview page as the body, or its failure in the header', () => {
    const page = { format: 'csv', page: 0, pageSize: 1, records: [{ index: 0, text: '{}', truncated: false }], total: 9, totalExact: true, truncated: true };
    const ok = decodeHostOut(encodePreview(8, { page }));
    expect(ok?.header).toEqual({ type: 'preview', id: 8 });
    expect(JSON.parse(ok?.body ?? 'null')).toEqual(page);
    const failure = { code: 'CSV_PARSE' as const, message: 'bad quote', file: 'big.csv', line: 3 };
    expect(decodeHostOut(encodePreview(9, { failure }))).toEqual({ header: { type: 'preview', id: 9, failure }, body: undefined });
    expect(decodeHostOut('{"type":"preview","id":9}')).toBeUndefined();
  });

  it('adds what the host read to a file result, or carries the read failure', () => {
    const timings = { parseMs: 1, evalMs: 2 };
    const input = { format: 'csv' as const, meta: { delimiter: ';' }, readMs: 3 };
    const ok = decodeHostOut(encodeFileResult(10, { value: [1], timings, input }));
    expect(ok?.header).toEqual({ type: 'result', id: 10, timings, hasValue: true, input });
    expect(ok?.body).toBe('[1]');
    const failure = { code: 'FILE_READ' as const, message: 'gone' };
    expect(decodeHostOut(encodeFileResult(11, { failure }))?.header).toMatchObject({ id: 11, hasValue: false, failure });
  });

  it('carries a mask request as paths and key only, and answers with the result or the failure', () => {
    const request = { file: '/in/people.csv', key: 'ab'.repeat(16), out: '/project/samples/people.csv', policy: { keepCategories: ['city' as const] } };
    expect(decodeHostIn(encodeFrame({ type: 'maskFile', id: 12, request }))).toEqual({ header: { type: 'maskFile', id: 12, request }, body: undefined });
    for (const bad of [
      '{"type":"maskFile","id":1,"request":{"file":"/a","key":"ab"}}',
      '{"type":"maskFile","id":1,"request":{"file":"/a","out":"/b"}}',
      '{"type":"maskFile","id":1,"request":{"file":"/a","out":"/b","key":7}}',
    ]) {
      expect(decodeHostIn(bad)).toBeUndefined();
    }
    const result = { format: 'csv' as const, report: [], bytes: 120 };
    expect(decodeHostOut(encodeMasked(12, { result }))).toEqual({ header: { type: 'masked', id: 12, result }, body: undefined });
    const failure = { code: 'CSV_PARSE' as const, message: 'bad row', file: 'people.csv' };
    expect(decodeHostOut(encodeMasked(13, { failure }))?.header).toEqual({ type: 'masked', id: 13, failure });
    // Exactly one of a result or a failure.
    expect(decodeHostOut('{"type":"masked","id":13}')).toBeUndefined();
    expect(decodeHostOut(JSON.stringify({ type: 'masked', id: 13, result, failure }))).toBeUndefined();
  });
});
