/**
 * Electron Forge: `npm start` (development, with the Vite dev server) and
 * `npm run package` (an unpacked app in out/). Installers are
 * electron-builder's job (`npm run dist`, electron-builder.config.ts), so no
 * makers here: one owner per setting.
 */
import type { ForgeConfig } from '@electron-forge/shared-types';
import { VitePlugin } from '@electron-forge/plugin-vite';

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    // Samples stay plain files next to the asar; main.ts reads them from resourcesPath.
    extraResource: ['samples'],
  },
  rebuildConfig: {},
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
        // The engine runs outside main: the host process (an Electron utilityProcess)
        // and its worker threads load these two bundles from .vite/build
        // (electron/engine-host/engine-entries.ts), never TypeScript.
        { entry: 'mapping-engine/node/host/engine-host-main.ts', config: 'vite.engine.config.ts', target: 'main' },
        { entry: 'mapping-engine/node/runner/runner-worker.ts', config: 'vite.engine.config.ts', target: 'main' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
  ],
};

export default config;
