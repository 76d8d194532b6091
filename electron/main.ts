/**
 * Electron main process: the thin shell. Everything with logic lives in
 * files that do not import Electron (window options, sender guard, CSP, asset
 * paths, the backend) and is unit-tested in plain Node; this file only wires
 * them to Electron's APIs.
 *
 * Forge's Vite plugin bundles this file as CommonJS (`.vite/build/main.cjs`),
 * which is why `__dirname` is available here.
 */
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { createStudioBackend } from './backend/studio-backend';
import { STUDIO_METHODS } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';
import { resolveAppPaths } from './app-paths';
import { contentTypeOf, resolveAssetPath } from './security/asset-path';
import { cspHeader } from './security/csp';
import { guardStudioHandler } from './security/ipc-guard';
import { APP_ORIGIN, APP_SCHEME, originOf } from './security/origin';
import { studioWindowOptions } from './security/window-options';

// Must happen before 'ready': a standard, secure scheme gets a real origin, so
// CSP 'self' and the sender check work (file:// would make every file one origin).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const paths = resolveAppPaths({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  mainDir: __dirname,
  rendererName: MAIN_WINDOW_VITE_NAME,
});
const devServerUrl = MAIN_WINDOW_VITE_DEV_SERVER_URL || undefined;
const appOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;

/** Serves the built renderer on mapwright://app/, with the CSP as a header too. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? resolveAssetPath(paths.rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = new Uint8Array(await readFile(file));
      return new Response(body, {
        headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': cspHeader(), 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function registerStudioApi(): void {
  const api = createStudioBackend({ samplesDir: paths.samplesDir, appVersion: app.getVersion(), platform: process.platform });
  for (const method of STUDIO_METHODS) ipcMain.handle(studioChannel(method), guardStudioHandler(api, method, appOrigin));
}

function createWindow(): void {
  const window = new BrowserWindow(studioWindowOptions(paths.preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

// Every web contents, present and future: no navigation, no new windows, no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void app.whenReady().then(() => {
  // The studio needs no camera, notifications, geolocation or anything else.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer();
  registerStudioApi();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
