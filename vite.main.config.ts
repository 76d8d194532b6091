import { defineConfig, type ConfigEnv } from 'vite';
import { nodeImportMetaUrls } from './vite.engine.config';

/**
 * Main process bundle. Forge's Vite plugin builds it as CommonJS; package.json
 * has "type": "module", so the file must be named `.cjs` or Node would load
 * it as ESM and fail on `require`. Setting `build.lib` ourselves replaces
 * Forge's default (same entry and format, only the file name differs).
 * The backend can start an in-process RunnerPool, whose worker URL must stay
 * as written (see nodeImportMetaUrls in vite.engine.config.ts).
 * See https://www.electronforge.io/config/plugins/vite
 */
export default defineConfig((env) => {
  const { forgeConfigSelf } = env as ConfigEnv<'build'>;
  return {
    plugins: [nodeImportMetaUrls()],
    build: {
      lib: { entry: forgeConfigSelf.entry, formats: ['cjs'], fileName: () => '[name].cjs' },
    },
  };
});
