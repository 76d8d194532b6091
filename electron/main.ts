/**
 * Electron main process: the thin shell. Everything with logic lives in
 * files that do not import Electron (window options, sender guard, CSP, asset
 * paths, the backend, the menu template, window-state clamping, launch
 * arguments) and is unit-tested in plain Node; this file only wires them to
 * Electron's APIs.
 *
 * Forge's Vite plugin bundles this file as CommonJS (`.vite/build/main.cjs`),
 * which is why `__dirname` is available here.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell, type IpcMainEvent } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineHostClient } from '../mapping-engine/node/host/engine-host-client';
import { createFileAccess } from './backend/engine/file-access';
import { createStudioBackend } from './backend/studio-backend';
import { STUDIO_METHODS, type StudioMethod } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';
import {
  isFileDialogKind,
  STUDIO_COMMAND_CHANNEL,
  STUDIO_COMMANDS_READY_CHANNEL,
  STUDIO_FILE_DIALOG_CHANNEL,
  STUDIO_FILE_DROPPED_CHANNEL,
  type StudioCommand,
} from './contract/studio-commands';
import { resolveAppPaths } from './app-paths';
import { engineEntries } from './engine-host/engine-entries';
import { spawnUtilityHost } from './engine-host/utility-host';
import { contentTypeOf, resolveAssetPath } from './security/asset-path';
import { cspHeader } from './security/csp';
import { externalLinkTarget } from './security/external-links';
import { guardStudioHandler, senderProblem } from './security/ipc-guard';
import { APP_ORIGIN, APP_SCHEME, originOf } from './security/origin';
import { buildAppMenuTemplate } from './shell/app-menu';
import { CommandOutbox } from './shell/command-outbox';
import { isProjectFileName, projectPathFromArgv } from './shell/launch-args';
import { createStudioWindow } from './shell/studio-window';
import { WINDOW_STATE_FILE } from './shell/window-state';

/** The sample project `npm start` (and a launch without a file) opens. */
const DEFAULT_SAMPLE = 'crm-to-erp';
/** Methods after which the recent-files menu may have changed. */
const RECENT_CHANGING: ReadonlySet<StudioMethod> = new Set<StudioMethod>(['openProject', 'saveProject', 'saveProjectAs']);
const PROJECT_FILTERS = [{ name: 'Mapwright project', extensions: ['json'] }];
const SAMPLE_FILTERS = [{ name: 'Sample payload', extensions: ['json', 'jsonl', 'xml', 'csv'] }];
const SHEET_FILTERS = [{ name: 'Mapping spreadsheet', extensions: ['xlsx', 'csv'] }];
const PICK_FILTERS = [{ name: 'Sample payload or schema', extensions: ['json', 'jsonl', 'ndjson', 'xml', 'csv', 'tsv', 'xsd', 'yaml', 'yml'] }];

// A second launch (double-clicking another project) hands its argv to this one and quits.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();

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
const launchFacts = { defaultApp: Boolean(process.defaultApp) };

// Expressions run in a utility process: a fatal V8 error in user data ends that process, never this one.
const runner = new EngineHostClient(() => spawnUtilityHost(engineEntries(__dirname)));
const fileAccess = createFileAccess([paths.samplesDir]);
const api = createStudioBackend({
  samplesDir: paths.samplesDir,
  appVersion: app.getVersion(),
  platform: process.platform,
  runner,
  fileAccess,
  settingsDir: app.getPath('userData'),
});
const outbox = new CommandOutbox();
let studioWindow: BrowserWindow | undefined;

/** Opens a project the user chose (OS, dialog, argv, recent list): the engine may read it, and the renderer is told. */
function openProject(path: string, userChoice = true): void {
  // The OS's own recent documents (dock, jump list); the bundled sample is not the user's document.
  if (userChoice) app.addRecentDocument(path);
  // Opening from the OS, a dialog or argv is the user's explicit choice: the project's folder becomes readable.
  void fileAccess
    .grantProject(path, { chosenInDialog: true })
    .catch(() => undefined)
    .then(() => outbox.send({ command: 'open', path }));
}

function sendCommand(command: StudioCommand): void {
  outbox.send(command);
}

async function showOpenDialog(): Promise<void> {
  const options = { properties: ['openFile' as const], filters: PROJECT_FILTERS };
  const result = studioWindow ? await dialog.showOpenDialog(studioWindow, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  if (!result.canceled && path) openProject(path);
}

async function showSaveDialog(): Promise<void> {
  const options = { filters: PROJECT_FILTERS, defaultPath: 'untitled.mapwright.json' };
  const result = studioWindow ? await dialog.showSaveDialog(studioWindow, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return;
  const path = result.filePath;
  // That one file, under the name the user chose (any name); never its folder (see docs/security.md).
  await fileAccess.grantFile(path, { write: true, anyName: true, saveTarget: true }).catch(() => undefined);
  sendCommand({ command: 'saveAs', path });
}

/**
 * An Open dialog for one file. The picked file is the user's explicit choice, so the engine may
 * read it (that file only) before the renderer hears of it as `command`: a sample to mask
 * ("Import sample…"), a New project source or target to copy in, a sheet to import as draft rules.
 */
async function pickOneFile(filters: { name: string; extensions: string[] }[], command: 'importSample' | 'pickFile' | 'pickSheet'): Promise<void> {
  const options = { properties: ['openFile' as const], filters };
  const result = studioWindow ? await dialog.showOpenDialog(studioWindow, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  if (result.canceled || !path) return;
  await fileAccess.grantFile(path).catch(() => undefined);
  sendCommand({ command, path });
}

/** New project: the place chosen in the Save dialog may be written, as a Save As place (that file only). */
async function showNewProjectPlaceDialog(): Promise<void> {
  const options = { filters: PROJECT_FILTERS, defaultPath: 'untitled.mapwright.json' };
  const result = studioWindow ? await dialog.showSaveDialog(studioWindow, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return;
  const path = result.filePath;
  await fileAccess.grantFile(path, { write: true, saveTarget: true }).catch(() => undefined);
  sendCommand({ command: 'newProjectPlace', path });
}

/** Rebuilds the native menu, with the backend's recent files. */
async function refreshMenu(): Promise<void> {
  const recent = await api.listRecent();
  const template = buildAppMenuTemplate(
    { platform: process.platform, isDev: !app.isPackaged, recent: recent.ok ? recent.value.map((entry) => entry.path) : [], appName: app.name },
    { command: sendCommand, openDialog: () => void showOpenDialog(), saveAsDialog: () => void showSaveDialog() },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

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
  for (const method of STUDIO_METHODS) {
    const handler = guardStudioHandler(api, method, appOrigin);
    if (!RECENT_CHANGING.has(method)) {
      ipcMain.handle(studioChannel(method), handler);
      continue;
    }
    ipcMain.handle(studioChannel(method), async (event, ...args: unknown[]) => {
      const result = await handler(event, ...args);
      if (result.ok) void refreshMenu();
      return result;
    });
  }
}

/** True when a one-way message comes from the studio window's own top frame. */
function fromStudio(event: IpcMainEvent): boolean {
  return studioWindow !== undefined && event.sender === studioWindow.webContents && senderProblem(event, appOrigin) === undefined;
}

function registerShellChannels(): void {
  ipcMain.on(STUDIO_COMMANDS_READY_CHANNEL, (event) => {
    if (!fromStudio(event)) return;
    const contents = event.sender;
    outbox.listening((command) => contents.send(STUDIO_COMMAND_CHANNEL, command));
  });
  ipcMain.on(STUDIO_FILE_DROPPED_CHANNEL, (event, path: unknown) => {
    if (!fromStudio(event) || typeof path !== 'string' || path === '') return;
    // The preload sends only what webUtils resolved from a real drop: the user's own choice.
    void (isProjectFileName(path) ? fileAccess.grantProject(path, { chosenInDialog: true }) : fileAccess.grantFile(path)).catch(() => undefined);
  });
  ipcMain.on(STUDIO_FILE_DIALOG_CHANNEL, (event, kind: unknown) => {
    if (!fromStudio(event) || !isFileDialogKind(kind)) return;
    // The toolbar's Open and Save As use the same native dialogs as the menu.
    const show = { open: showOpenDialog, saveAs: showSaveDialog, importSample: () => pickOneFile(SAMPLE_FILTERS, 'importSample'), pickFile: () => pickOneFile(PICK_FILTERS, 'pickFile'), newProjectPlace: showNewProjectPlaceDialog, pickSheet: () => pickOneFile(SHEET_FILTERS, 'pickSheet') }[kind];
    void show();
  });
}

let windowOpening: Promise<void> | undefined;

/** Opens the studio window; a call while one is being opened (a second launch during start-up) joins it. */
function createWindow(): Promise<void> {
  windowOpening ??= openWindow().finally(() => {
    windowOpening = undefined;
  });
  return windowOpening;
}

async function openWindow(): Promise<void> {
  const window = await createStudioWindow(paths.preloadPath, join(app.getPath('userData'), WINDOW_STATE_FILE));
  studioWindow = window;
  // A (re)loading page has no listener yet: hold commands until it subscribes again.
  window.webContents.on('did-start-loading', () => outbox.paused());
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    outbox.paused();
    if (studioWindow === window) studioWindow = undefined;
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

function focusStudio(): void {
  if (!studioWindow) {
    void createWindow();
    return;
  }
  if (studioWindow.isMinimized()) studioWindow.restore();
  studioWindow.focus();
}

// Every web contents, present and future: no navigation, no new windows, no <webview>.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows ever; an https link the user clicked opens in the system browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
});

// macOS opens files through this event (Finder, the dock), possibly before 'ready'.
app.on('open-file', (event, path) => {
  event.preventDefault();
  openProject(path);
  if (app.isReady()) focusStudio();
});

app.on('second-instance', (_event, argv, workingDirectory) => {
  const path = projectPathFromArgv(argv, { ...launchFacts, cwd: workingDirectory });
  if (path) openProject(path);
  if (app.isReady()) focusStudio();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => void runner.close());

if (primaryInstance) {
  void app.whenReady().then(async () => {
    // The studio follows the OS theme; renderer/src/styles.css has the matching prefers-color-scheme rules.
    nativeTheme.themeSource = 'system';
    // The studio needs no camera, notifications, geolocation or anything else.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    serveRenderer();
    registerStudioApi();
    registerShellChannels();
    const launchPath = projectPathFromArgv(process.argv, { ...launchFacts, cwd: process.cwd() });
    if (launchPath) openProject(launchPath);
    else openProject(join(paths.samplesDir, DEFAULT_SAMPLE, `${DEFAULT_SAMPLE}.mapwright.json`), false);
    await refreshMenu();
    await createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void createWindow();
    });
  });
}
