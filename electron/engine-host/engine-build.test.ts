/**
 * The packaged engine, built for real: Forge's own Vite config generator
 * resolves forge.config.ts's engine `build` entries exactly as
 * `npm run package` does, Vite builds them into a temporary folder, and the built
 * `engine-host-main.cjs` then runs jobs in the built `runner-worker.cjs`.
 * Only the Electron binary is missing (it cannot be downloaded here), so the
 * host is forked with Node, which serves the same entry file.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, mergeConfig, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ViteConfigGenerator from '@electron-forge/plugin-vite/dist/ViteConfig';
import type { VitePluginConfig } from '@electron-forge/plugin-vite/dist/Config';
import forgeConfig from '../../forge.config';
import { EngineHostClient } from '../../mapping-engine/node/host/engine-host-client';
import { forkEngineHost } from '../../mapping-engine/node/host/fork-host';
import { engineEntries, ENGINE_HOST_BUNDLE, RUNNER_WORKER_BUNDLE } from './engine-entries';

const projectDir = join(import.meta.dirname, '..', '..');
const outDir = mkdtempSync(join(tmpdir(), 'mapwright-engine-build-'));

function vitePluginConfig(): VitePluginConfig {
  const plugin = forgeConfig.plugins?.find((candidate) => (candidate as { name?: string }).name === 'vite') as { config?: VitePluginConfig } | undefined;
  if (!plugin?.config) throw new Error('forge.config.ts has no Vite plugin');
  return plugin.config;
}

beforeAll(async () => {
  const pluginConfig = vitePluginConfig();
  // Main and preload build the same way (and take ~20 s more with the whole backend); the engine bundles are what this test runs.
  const engine = { ...pluginConfig, build: pluginConfig.build.filter((entry) => String(entry.entry).startsWith('mapping-engine/')) };
  const Generator = ((ViteConfigGenerator as unknown as { default?: typeof ViteConfigGenerator }).default ?? ViteConfigGenerator) as typeof ViteConfigGenerator;
  const configs = await new Generator(engine, projectDir, true).getBuildConfigs();
  for (const config of configs) await build(mergeConfig(config, { build: { outDir }, logLevel: 'warn' } satisfies InlineConfig));
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('built engine bundles', () => {
  it('are listed in forge.config.ts and land beside main.cjs under the names the shell loads', () => {
    expect(vitePluginConfig().build.map((entry) => entry.entry)).toEqual(
      expect.arrayContaining(['electron/main.ts', 'mapping-engine/node/host/engine-host-main.ts', 'mapping-engine/node/runner/runner-worker.ts']),
    );
    expect(existsSync(join(outDir, ENGINE_HOST_BUNDLE))).toBe(true);
    expect(existsSync(join(outDir, RUNNER_WORKER_BUNDLE))).toBe(true);
  });

  it('run jobs: the built host starts the built worker, with jsonata bundled in', async () => {
    const entries = engineEntries(outDir);
    const client = new EngineHostClient(() => forkEngineHost({ entryPath: entries.hostEntryPath, runnerEntry: entries.runnerEntry, poolSize: 1 }));
    try {
      expect(await client.run({ expression: '$uppercase(name) & " " & $string($sum(items.price))', input: { name: 'ada', items: [{ price: 2 }, { price: 3 }] } })).toMatchObject({
        value: 'ADA 5',
      });
      expect((await client.run({ expression: '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)', limits: { timeoutMs: 200 } })).error?.code).toBe('RUN_TIMEOUT');
    } finally {
      await client.close();
    }
  });
});
