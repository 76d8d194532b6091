import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ConfigEnv, type Plugin } from 'vite';
import { buildCsp } from './electron/security/csp';

/**
 * Dev-server CSP. renderer/index.html carries the strict production policy.
 * The dev server differs in two ways, and only when HMR is on (`npm start`):
 * React Fast Refresh injects an inline preamble script, allowed here by its
 * exact sha256 hash (never 'unsafe-inline'), and HMR talks over a loopback
 * WebSocket. The web host runs Vite without HMR, so it keeps the strict policy;
 * there Vite's client script is dropped too, since its only job would be to
 * open the HMR WebSocket that the policy (rightly) blocks.
 */
function devCspPlugin(): Plugin {
  let hmr = false;
  return {
    name: 'mapwright:dev-csp',
    apply: 'serve',
    configResolved(config) {
      hmr = config.server.hmr !== false;
    },
    transformIndexHtml: {
      order: 'post',
      handler(source) {
        const html = hmr ? source : source.replace(/<script type="module" src="[^"]*\/@vite\/client"><\/script>\s*/, '');
        const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
          .filter((match) => !/\bsrc\s*=/.test(match[1] ?? '') && (match[2] ?? '').trim() !== '')
          .map((match) => `'sha256-${createHash('sha256').update(match[2] ?? '').digest('base64')}'`);
        const policy = buildCsp({ scriptHashes: hashes, connectSources: hmr ? ['ws://localhost:*', 'ws://127.0.0.1:*'] : [] });
        return html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${policy}$2`);
      },
    },
  };
}

/** What stands in for Vite's client (`/@vite/client`) when HMR is off. */
const QUIET_CLIENT = [
  '// Stand-in for Vite\'s client with HMR off (see vite.renderer.config.ts): no WebSocket.',
  'const sheets = new Map();',
  'export function updateStyle(id, css) {',
  '  let style = sheets.get(id);',
  "  if (!style) { style = document.createElement('style'); style.setAttribute('data-vite-dev-id', id); document.head.appendChild(style); sheets.set(id, style); }",
  '  style.textContent = css;',
  '}',
  'export function removeStyle(id) { sheets.get(id)?.remove(); sheets.delete(id); }',
  'export function createHotContext() { return { data: {}, accept() {}, acceptExports() {}, dispose() {}, prune() {}, decline() {}, invalidate() {}, on() {}, off() {}, send() {} }; }',
  'export function injectQuery(url, query) {',
  "  if (url[0] !== '.' && url[0] !== '/') return url;",
  "  const { search, hash } = new URL(url, 'http://localhost');",
  "  return `${url.replace(/[?#].*$/, '')}?${query}${search ? '&' + search.slice(1) : ''}${hash}`;",
  '}',
  'export class ErrorOverlay extends HTMLElement {}',
].join('\n');

/**
 * Without HMR (the web host), modules that import Vite's client (CSS imported
 * from JavaScript, as Monaco does) must not open its HMR WebSocket: the CSP
 * blocks it with a console error. The client is then replaced by a stand-in
 * that keeps what those modules use: adding and removing their <style>
 * element, and an inert `import.meta.hot`. With HMR on (`npm start`) the
 * real client loads.
 */
function quietClientPlugin(): Plugin {
  let hmr = false;
  return {
    name: 'mapwright:quiet-client',
    apply: 'serve',
    enforce: 'pre',
    configResolved(config) {
      hmr = config.server.hmr !== false;
    },
    load(id) {
      if (hmr || !/[\\/]vite[\\/]dist[\\/]client[\\/]client\.mjs$/.test(id)) return undefined;
      return QUIET_CLIENT;
    },
  };
}

/**
 * Renderer (the React studio), rooted at renderer/. Used by Forge's Vite
 * plugin (which passes the renderer's name in `forgeConfigSelf`) and, without
 * Forge, by the web host's Vite middleware and the e2e build test.
 */
/**
 * What the dev server may serve (`npm start`, `npm run web`): the renderer and
 * the modules it imports, nothing else of the repository. Without this, Vite
 * serves any file under the project root at `/@fs/...` (samples, tests,
 * fixtures, `.git`), and the web host's token does not cover page assets.
 * The renderer imports the pure engine and the contract at run time; the
 * engine's Node host never reaches the browser, so it is denied too.
 */
export const RENDERER_FS = {
  strict: true,
  allow: ['./renderer', './mapping-engine', './electron/contract', './node_modules'].map((dir) => fileURLToPath(new URL(dir, import.meta.url))),
  deny: ['.env', '.env.*', '*.{crt,pem,key}', '**/.git/**', '**/mapping-engine/node/**', '**/*.test.ts', '**/*.test.tsx'],
};

export default defineConfig((env) => {
  const name = (env as Partial<ConfigEnv<'renderer'>>).forgeConfigSelf?.name ?? 'main_window';
  return {
    root: fileURLToPath(new URL('./renderer', import.meta.url)),
    base: './',
    server: { fs: RENDERER_FS },
    plugins: [react(), devCspPlugin(), quietClientPlugin()],
    // CommonJS packages the browser can only import once Vite has pre-bundled
    // them. The web host pre-bundles only this list (no discovery), so a new
    // CommonJS dependency of the renderer belongs here; the e2e test fails otherwise.
    optimizeDeps: {
      include: [
        'react',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'react-dom/client',
        // The engine's compiler runs in the renderer (the JSONata view follows every edit) and parses with jsonata (CommonJS).
        'jsonata',
        // Monaco is ESM, but ~1,000 modules: unbundled, the web host would serve each one on every page load.
        'monaco-editor/editor/editor.api',
        'monaco-editor/editor/contrib/hover/browser/hoverContribution.js',
        'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js',
        'monaco-editor/editor/contrib/find/browser/findController.js',
        'monaco-editor/editor/contrib/suggest/browser/suggestController.js',
        // The canvas's Tidy: elkjs's API is CommonJS (its layout runs in elk-worker, bundled with ?worker).
        'elkjs/lib/elk-api.js',
      ],
    },
    build: {
      // Where Forge expects it; absolute because `root` is renderer/, not the project.
      outDir: fileURLToPath(new URL(`./.vite/renderer/${name}`, import.meta.url)),
      emptyOutDir: true,
    },
    clearScreen: false,
  };
});
