// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Rule 1 of DEVELOPERS.md: `mapping-engine/` is pure TypeScript. Only its Node
 * host folder (`mapping-engine/node/`) may touch Node, and nothing in the engine
 * may touch React, Electron or the DOM. `tests/unit/engine-purity.test.ts`
 * checks the same thing by reading the sources, so the rule holds even if this
 * config is edited carelessly.
 */
const forbiddenInEngine = {
  patterns: [
    { group: ['node:*'], message: 'mapping-engine is pure: Node APIs live in mapping-engine/node/ only.' },
    { group: ['electron', 'electron/*'], message: 'mapping-engine must not import Electron.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'monaco-editor', 'monaco-editor/*'], message: 'mapping-engine must not import UI libraries.' },
    { group: ['**/node/**', '../node', './node'], message: 'pure engine code must not depend on the Node host.' },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'worker_threads', 'stream', 'url', 'util', 'crypto', 'http', 'https', 'net', 'buffer', 'process', 'events', 'zlib'].map((name) => ({
    name,
    message: 'mapping-engine is pure: Node APIs live in mapping-engine/node/ only.',
  })),
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', '.vite/**', 'dist/**', 'tests/fixtures/**', 'samples/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['mapping-engine/**/*.ts'],
    // Tests beside the code may read fixtures with node:fs; the engine code may not.
    ignores: ['mapping-engine/node/**', 'mapping-engine/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', forbiddenInEngine],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'window', 'document', 'global'],
    },
  },
);
