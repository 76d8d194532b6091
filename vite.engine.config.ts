import { defineConfig, type ConfigEnv, type Plugin } from 'vite';

/**
 * Vite rewrites `new URL('./x', import.meta.url)` and `new Worker(new URL(...))`
 * for BROWSERS: it copies the file as an asset or bundles it as a web worker,
 * and refuses a Worker whose options are not literal. In the Node bundles
 * (main, the engine host, the runner worker) those URLs point at Node
 * `worker_threads` entries that are built on their own (see forge.config.ts)
 * and are handed over explicitly (RunnerPool's `entryUrl`), so the two
 * browser transforms are removed and the code is left as written.
 */
export function nodeImportMetaUrls(): Plugin {
  const browserOnly = new Set(['vite:worker-import-meta-url', 'vite:asset-import-meta-url']);
  return {
    name: 'mapwright:node-import-meta-urls',
    configResolved(config) {
      // Vite has no option to turn these off; the resolved list is what the build runs.
      const plugins = config.plugins as Plugin[];
      for (let i = plugins.length - 1; i >= 0; i--) if (browserOnly.has(plugins[i]!.name)) plugins.splice(i, 1);
    },
  };
}

/**
 * The engine bundles: the engine host process entry and the runner worker
 * entry, one self-contained CommonJS file each in .vite/build
 * (`engine-host-main.cjs`, `runner-worker.cjs`), with jsonata and the rest of
 * the engine inside, since the packaged app ships no node_modules. Forge's
 * Vite plugin builds each `build` entry with target 'main' through this file;
 * `.cjs` because package.json has "type": "module" (see vite.main.config.ts).
 * See https://www.electronforge.io/config/plugins/vite
 */
export default defineConfig((env) => {
  const { forgeConfigSelf } = env as ConfigEnv<'build'>;
  return {
    plugins: [nodeImportMetaUrls()],
    build: {
      lib: { entry: forgeConfigSelf.entry, formats: ['cjs'], fileName: () => '[name].cjs' },
      // One file per entry: a worker thread or a utility process loads exactly this file.
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  };
});
