import { defineConfig } from 'vite';

/**
 * Preload bundle: one self-contained CommonJS file (sandboxed preloads cannot
 * load other modules), named `.cjs` to match the main bundle under
 * "type": "module". Forge's Vite plugin supplies the entry and the format.
 */
export default defineConfig({
  build: {
    rollupOptions: {
      output: { entryFileNames: '[name].cjs', chunkFileNames: '[name].cjs' },
    },
  },
});
