/** The engine host passes a job's compiled program (mapping-engine/compiled) through to its pool, for runs and file runs alike. */
import { describe, expect, it } from 'vitest';
import { decodeHostIn, encodeFrame } from './engine-host-protocol';

describe('engine host frames with a compiled program', () => {
  it('carries the program of a run and of a file run', () => {
    const run = decodeHostIn(encodeFrame({ type: 'run', id: 2, expression: 'a', program: 'return function (c0) { return c0; };', hasInput: false }));
    expect(run?.header).toMatchObject({ type: 'run', program: 'return function (c0) { return c0; };' });
    const file = decodeHostIn(encodeFrame({ type: 'runFile', id: 3, request: { expression: 'a', program: 'p', file: 'in.json' } }));
    expect(file?.header).toMatchObject({ type: 'runFile', request: { program: 'p' } });
  });

  it('refuses a program that is not text', () => {
    expect(decodeHostIn('{"type":"run","id":1,"expression":"1","program":5,"hasInput":false}')).toBeUndefined();
    expect(decodeHostIn('{"type":"runFile","id":1,"request":{"expression":"1","program":{},"file":"x"}}')).toBeUndefined();
  });
});
