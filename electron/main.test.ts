/**
 * main.ts is the thin Electron shell; with `electron` replaced by a recording
 * fake it runs in plain Node, so the wiring itself is tested: every contract
 * method is registered behind the sender guard, and navigation, new windows,
 * webviews and permission requests are all refused.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { STUDIO_METHODS } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';

type Listener = (...args: unknown[]) => unknown;
const fake = vi.hoisted(() => ({
  ipcHandlers: new Map<string, Listener>(),
  appListeners: new Map<string, Listener>(),
  protocolHandlers: new Map<string, Listener>(),
  privileged: [] as unknown[],
  windows: [] as Array<{ options: unknown; url?: string }>,
  permissionRequest: undefined as Listener | undefined,
  permissionCheck: undefined as Listener | undefined,
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    getAppPath: () => join(import.meta.dirname, '..'),
    getVersion: () => '0.1.0-test',
    enableSandbox: () => undefined,
    on: (event: string, listener: Listener) => fake.appListeners.set(event, listener),
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
  },
  BrowserWindow: class {
    static getAllWindows = () => fake.windows;
    private record: { options: unknown; url?: string };
    constructor(options: unknown) {
      this.record = { options };
      fake.windows.push(this.record);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  },
  ipcMain: { handle: (channel: string, listener: Listener) => fake.ipcHandlers.set(channel, listener) },
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
  vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', undefined);
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
  await import('./main');
  await new Promise((resolve) => setTimeout(resolve, 0));
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
});
