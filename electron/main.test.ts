/**
 * main.ts is the thin Electron shell; with `electron` replaced by a recording
 * fake it runs in plain Node, so the wiring itself is tested: every contract
 * method is registered behind the sender guard, and navigation, new windows,
 * webviews and permission requests are all refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { STUDIO_METHODS } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';
import { STUDIO_COMMAND_CHANNEL, STUDIO_COMMANDS_READY_CHANNEL, STUDIO_FILE_DIALOG_CHANNEL } from './contract/studio-commands';

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  ipcHandlers: new Map<string, Listener>(),
  appListeners: new Map<string, Listener>(),
  protocolHandlers: new Map<string, Listener>(),
  privileged: [] as unknown[],
  windows: [] as Array<{ options: unknown; url?: string; sent: unknown[][]; focused: number; contents: unknown }>,
  permissionRequest: undefined as Listener | undefined,
  permissionCheck: undefined as Listener | undefined,
  ipcListeners: new Map<string, Listener>(),
  menus: [] as unknown[],
  theme: { themeSource: 'light', shouldUseDarkColors: false },
  lockRequested: 0,
  dialogAnswer: '/tmp/picked.mapwright.json',
  openedExternally: [] as string[],
  userData: '',
}));

vi.mock('electron', () => ({
  app: {
    name: 'Mapwright',
    isPackaged: false,
    requestSingleInstanceLock: () => ++fake.lockRequested > 0,
    getPath: () => fake.userData,
    addRecentDocument: () => undefined,
    isReady: () => true,
    getAppPath: () => join(import.meta.dirname, '..'),
    getVersion: () => '0.1.0-test',
    enableSandbox: () => undefined,
    on: (event: string, listener: Listener) => fake.appListeners.set(event, listener),
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
  },
  BrowserWindow: class {
    static getAllWindows = () => fake.windows;
    private record: { options: unknown; url?: string; sent: unknown[][]; focused: number; contents: unknown };
    readonly webContents: { on: () => void; send: (...args: unknown[]) => void };
    constructor(options: unknown) {
      const sent: unknown[][] = [];
      this.webContents = { on: () => undefined, send: (...args: unknown[]) => sent.push(args) };
      this.record = { options, sent, focused: 0, contents: this.webContents };
      fake.windows.push(this.record);
    }
    on() {}
    once() {}
    show() {}
    maximize() {}
    isMinimized() {
      return false;
    }
    focus() {
      this.record.focused++;
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  },
  ipcMain: {
    handle: (channel: string, listener: Listener) => fake.ipcHandlers.set(channel, listener),
    on: (channel: string, listener: Listener) => fake.ipcListeners.set(channel, listener),
  },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => fake.menus.push(menu) },
  nativeTheme: fake.theme,
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  },
  shell: { openExternal: async (url: string) => void fake.openedExternally.push(url) },
  dialog: {
    showOpenDialog: async () => ({ canceled: false, filePaths: [fake.dialogAnswer] }),
    showSaveDialog: async () => ({ canceled: false, filePath: fake.dialogAnswer }),
  },
  utilityProcess: { fork: () => undefined },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: Listener) => fake.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (fake.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Listener) => (fake.permissionCheck = handler),
    },
  },
}));

beforeAll(async () => {
  fake.userData = mkdtempSync(join(tmpdir(), 'mapwright-main-'));
  vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', undefined);
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
  await import('./main');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

const trusted = { senderFrame: { url: 'mapwright://app/index.html', parent: null } };

describe('main process wiring', () => {
  it('registers the app scheme as standard and secure, and serves the renderer from it', () => {
    expect(fake.privileged).toEqual([{ scheme: 'mapwright', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.url).toBe('mapwright://app/index.html');
    expect(fake.windows[0]?.options).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
  });

  it('registers one guarded IPC handler per contract method, answering from the real samples', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(STUDIO_METHODS.map(studioChannel).sort());
    const list = (await fake.ipcHandlers.get(studioChannel('listSamples'))?.(trusted)) as { ok: boolean; value: Array<{ id: string }> };
    expect(list.ok).toBe(true);
    expect(list.value.map((s) => s.id)).toContain('crm-to-erp');
    const untrusted = { senderFrame: { url: 'https://example.com/', parent: null } };
    expect(await fake.ipcHandlers.get(studioChannel('listSamples'))?.(untrusted)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });

  it('denies navigation, redirects, webviews and window.open in every web contents', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    fake.appListeners.get('web-contents-created')?.({}, {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
    });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // Only the https link went to the system browser.
    expect(fake.openedExternally).toEqual(['https://example.com/']);
  });

  it('refuses every permission request and check', () => {
    const callback = vi.fn();
    fake.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permissionCheck?.({}, 'notifications')).toBe(false);
  });

  it('answers 404 from the app protocol for other hosts and for paths leaving the renderer folder', async () => {
    const handler = fake.protocolHandlers.get('mapwright');
    for (const url of ['mapwright://evil/index.html', 'mapwright://app/..%2f..%2fpackage.json']) {
      const response = (await handler?.({ url })) as Response;
      expect(response.status, url).toBe(404);
    }
  });

  it('takes the single-instance lock, follows the OS theme and sets a native menu with the studio commands', () => {
    expect(fake.lockRequested).toBe(1);
    expect(fake.theme.themeSource).toBe('system');
    const menu = fake.menus.at(-1) as { template: Array<{ label?: string }> };
    expect(menu.template.map((item) => item.label)).toEqual(expect.arrayContaining(['&File', '&Edit', '&View']));
  });

  it('places a first window at the default size, centred on the primary display', () => {
    expect(fake.windows[0]?.options).toMatchObject({ x: 320, y: 110, width: 1280, height: 820 });
  });

  it('holds the default sample until the renderer listens, and answers only the studio window', () => {
    const window = fake.windows[0]!;
    const ready = fake.ipcListeners.get(STUDIO_COMMANDS_READY_CHANNEL);
    ready?.({ sender: {}, senderFrame: trusted.senderFrame });
    expect(window.sent).toEqual([]);
    ready?.({ sender: window.contents, senderFrame: trusted.senderFrame });
    expect(window.sent).toEqual([[STUDIO_COMMAND_CHANNEL, { command: 'open', path: join(import.meta.dirname, '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json') }]]);
  });

  it("shows the native Open dialog for the studio window's toolbar, and ignores other senders and kinds", async () => {
    const window = fake.windows[0]!;
    const ask = fake.ipcListeners.get(STUDIO_FILE_DIALOG_CHANNEL);
    window.sent.length = 0;
    ask?.({ sender: {}, senderFrame: trusted.senderFrame }, 'open');
    ask?.({ sender: window.contents, senderFrame: trusted.senderFrame }, 'format-disk');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(window.sent).toEqual([]);
    ask?.({ sender: window.contents, senderFrame: trusted.senderFrame }, 'open');
    await expect.poll(() => window.sent).toEqual([[STUDIO_COMMAND_CHANNEL, { command: 'open', path: fake.dialogAnswer }]]);
  });

  it('shows an Open dialog for a sample file and grants the engine access to the picked file only', async () => {
    const window = fake.windows[0]!;
    const picked = join(mkdtempSync(join(tmpdir(), 'mapwright-main-sample-')), 'people.csv');
    writeFileSync(picked, 'id,city\n1,Springfield\n');
    const projectPath = join(import.meta.dirname, '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');
    const preview = fake.ipcHandlers.get(studioChannel('readPayloadPreview'));
    // Outside every project and root: refused until the user picks it.
    expect(await preview?.(trusted, { projectPath, file: picked })).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    fake.dialogAnswer = picked;
    window.sent.length = 0;
    fake.ipcListeners.get(STUDIO_FILE_DIALOG_CHANNEL)?.({ sender: window.contents, senderFrame: trusted.senderFrame }, 'importSample');
    await expect.poll(() => window.sent).toEqual([[STUDIO_COMMAND_CHANNEL, { command: 'importSample', path: picked }]]);
    // Granted: the request now passes the access check and goes on to the engine host (which this fake
    // Electron cannot start: the fake fork gives no process, which counts as a dead host; the host is tested on its own).
    const after = await preview?.(trusted, { projectPath, file: picked });
    expect(after).toMatchObject({ ok: false, error: { code: 'RUN_HOST_CRASHED' } });
  });

  it('shows the New project dialogs: a picked schema may be read, a chosen place written', async () => {
    const window = fake.windows[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'mapwright-main-new-'));
    const picked = join(dir, 'order.schema.json');
    writeFileSync(picked, '{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"id":{"type":"string"}}}');
    const inspect = fake.ipcHandlers.get(studioChannel('inspectChosenFile'));
    expect(await inspect?.(trusted, { path: picked })).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    fake.dialogAnswer = picked;
    window.sent.length = 0;
    fake.ipcListeners.get(STUDIO_FILE_DIALOG_CHANNEL)?.({ sender: window.contents, senderFrame: trusted.senderFrame }, 'pickFile');
    await expect.poll(() => window.sent).toEqual([[STUDIO_COMMAND_CHANNEL, { command: 'pickFile', path: picked }]]);
    expect(await inspect?.(trusted, { path: picked })).toMatchObject({ ok: true, value: { kind: 'json-schema' } });

    const place = join(dir, 'new.mapwright.json');
    fake.dialogAnswer = place;
    window.sent.length = 0;
    fake.ipcListeners.get(STUDIO_FILE_DIALOG_CHANNEL)?.({ sender: window.contents, senderFrame: trusted.senderFrame }, 'newProjectPlace');
    await expect.poll(() => window.sent).toEqual([[STUDIO_COMMAND_CHANNEL, { command: 'newProjectPlace', path: place }]]);
  });

  it('shows an Open dialog for a mapping sheet and lets the import read the picked file only', async () => {
    const window = fake.windows[0]!;
    const picked = join(mkdtempSync(join(tmpdir(), 'mapwright-main-sheet-')), 'client-mapping.csv');
    writeFileSync(picked, 'Target field,Source fields\ncustomerNumber,accountId\n');
    const projectPath = join(import.meta.dirname, '..', 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');
    const text = readFileSync(projectPath, 'utf8');
    const importSheet = fake.ipcHandlers.get(studioChannel('importMappingSheet'));
    // Outside every project and root: refused until the user picks it.
    expect(await importSheet?.(trusted, { projectPath, text, file: picked })).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    fake.dialogAnswer = picked;
    window.sent.length = 0;
    fake.ipcListeners.get(STUDIO_FILE_DIALOG_CHANNEL)?.({ sender: window.contents, senderFrame: trusted.senderFrame }, 'pickSheet');
    await expect.poll(() => window.sent).toEqual([[STUDIO_COMMAND_CHANNEL, { command: 'pickSheet', path: picked }]]);
    // Granted: the sheet is read and its row becomes a rule (the sample maps that field already, so it is listed as unresolved).
    expect(await importSheet?.(trusted, { projectPath, text, file: picked })).toMatchObject({ ok: true, value: { unresolved: [{ target: 'customerNumber', reason: 'the target field is mapped already' }] } });
  });

  it('opens the project a second launch was given, in this window, and focuses it', async () => {
    const window = fake.windows[0]!;
    const before = window.focused;
    fake.appListeners.get('second-instance')?.({}, ['/opt/Mapwright/mapwright', '--allow-file-access-from-files', 'b.mapwright.json'], '/home/ada');
    await vi.waitFor(() => expect(window.sent.at(-1)).toEqual([STUDIO_COMMAND_CHANNEL, { command: 'open', path: '/home/ada/b.mapwright.json' }]));
    expect(window.focused).toBe(before + 1);
  });
});
