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
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
  ],
};

export default config;
