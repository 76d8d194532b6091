import { describe, expect, it } from 'vitest';
import { engineHostArgs, parseEngineHostArgs } from './engine-host-args';

describe('engine host arguments', () => {
  it('round-trips the runner entry and pool size', () => {
    const options = { runnerEntry: new URL('file:///app/.vite/build/runner-worker.cjs'), poolSize: 3 };
    const argv = engineHostArgs(options);
    expect(argv).toEqual(['--runner-entry=file:///app/.vite/build/runner-worker.cjs', '--pool-size=3']);
    expect(parseEngineHostArgs(['--inspect', ...argv, 'stray'])).toEqual(options);
    expect(engineHostArgs({})).toEqual([]);
  });

  it('ignores malformed values instead of failing the host', () => {
    expect(parseEngineHostArgs(['--pool-size=0', '--pool-size=abc', '--runner-entry=', '--runner-entry=::'])).toEqual({});
  });
});
