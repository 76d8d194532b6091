/**
 * The CLI runs as plain JavaScript built by bin/cli-build.mjs: a first call
 * builds, later calls reuse the build without compiling anything, and a build
 * older than a source file it was made from is made again (so a checkout or
 * an edit never runs stale code). Builds go to a temporary cache folder here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EngineHostClient } from '../../mapping-engine/node/host/engine-host-client';
import { forkEngineHost } from '../../mapping-engine/node/host/fork-host';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'mapwright.mjs');

interface Stamp {
  dir: string;
  builtAtMs: number;
  inputs: string[];
}

describe('the built CLI', () => {
  const cache = mkdtempSync(join(tmpdir(), 'mapwright-cli-build-'));
  const env = { ...process.env, MAPWRIGHT_CLI_CACHE: cache };
  const run = (...args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { env, cwd: repo });
  const stamp = () => JSON.parse(readFileSync(join(cache, 'stamp.json'), 'utf8')) as Stamp;

  it('builds on first use into plain JavaScript and reuses the build', { timeout: 120_000 }, async () => {
    const first = await run('--version');
    expect(first.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const built = stamp();
    expect(built.inputs).toContain('mapping-engine/node/cli/main.ts');
    expect(built.inputs.every((input) => !input.includes('node_modules'))).toBe(true);
    const files = readdirSync(join(cache, built.dir));
    expect(files).toEqual(expect.arrayContaining(['main.js', 'runner-worker.js', 'engine-host-main.js']));
    expect(files.every((f) => f.endsWith('.js'))).toBe(true);

    // Stamped as newer than every source (others may edit sources while this runs), the build is reused,
    // and a command that runs jsonata in the worker threads works from it.
    writeFileSync(join(cache, 'stamp.json'), JSON.stringify({ ...built, builtAtMs: Date.now() + 86_400_000 }));
    const tested = await run('test', join(repo, 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json'));
    expect(tested.stdout).toMatch(/test case\(s\): \d+ passed, 0 failed/);
    expect(stamp().dir).toBe(built.dir);
  });

  it('builds an engine host that npm run web forks as plain JavaScript, and it runs jsonata', { timeout: 120_000 }, async () => {
    const entryPath = join(cache, stamp().dir, 'engine-host-main.js');
    const client = new EngineHostClient(() => forkEngineHost({ entryPath }));
    try {
      const result = await client.run({ expression: '$sum(items.price)', input: { items: [{ price: 2 }, { price: 3 }] } });
      expect(result.value).toBe(5);
    } finally {
      await client.close();
    }
  });

  it('builds again when a source file is newer than the build', { timeout: 120_000 }, async () => {
    const before = stamp();
    writeFileSync(join(cache, 'stamp.json'), JSON.stringify({ ...before, builtAtMs: 0 }));
    await run('--version');
    expect(stamp().dir).not.toBe(before.dir);
    expect(stamp().builtAtMs).toBeGreaterThan(0);
  });
});
