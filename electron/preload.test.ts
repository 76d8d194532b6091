/**
 * The preload runs only inside Electron; here `electron` is replaced by a
 * recording fake so the exposed surface is checked in plain Node.
 */
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { STUDIO_METHODS } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';
import { STUDIO_COMMAND_CHANNEL, STUDIO_COMMANDS_READY_CHANNEL, STUDIO_FILE_DIALOG_CHANNEL,
  STUDIO_FILE_DROPPED_CHANNEL, type StudioCommand, type StudioShellApi } from './contract/studio-commands';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, Record<string, (...args: unknown[]) => unknown>>(),
  sent: [] as unknown[][],
  events: undefined as unknown as import('node:events').EventEmitter,
}));
const invoke = vi.fn((...args: unknown[]) => Promise.resolve(args));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.events = new Emitter();
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => fake.exposed.set(key, api) },
    ipcRenderer: {
      invoke,
      send: (...args: unknown[]) => fake.sent.push(args),
      on: (channel: string, listener: (...args: unknown[]) => void) => fake.events.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => fake.events.removeListener(channel, listener),
    },
    webUtils: { getPathForFile: (file: { name: string }) => (file.name ? `/dropped/${file.name}` : '') },
  };
});

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes exactly one function per contract method on window.mapwright, and the shell API beside it', () => {
    expect([...fake.exposed.keys()]).toEqual(['mapwright', 'mapwrightShell']);
    const api = fake.exposed.get('mapwright') ?? {};
    expect(Object.keys(api).sort()).toEqual([...STUDIO_METHODS].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    expect(Object.keys(fake.exposed.get('mapwrightShell') ?? {}).sort()).toEqual(['onCommand', 'pathForDroppedFile', 'showFileDialog']);
  });

  it('sends each method on its own channel with its arguments', async () => {
    const api = fake.exposed.get('mapwright') ?? {};
    await api.readSamplePreview?.('crm-to-erp');
    await api.listSamples?.();
    expect(invoke.mock.calls).toEqual([[studioChannel('readSamplePreview'), 'crm-to-erp'], [studioChannel('listSamples')]]);
  });

  it('passes well-formed shell commands (not the IPC event) to the listener, drops others, and unsubscribes', () => {
    const shell = fake.exposed.get('mapwrightShell') as unknown as StudioShellApi;
    const received: StudioCommand[] = [];
    const unsubscribe = shell.onCommand((command) => received.push(command));
    expect(fake.sent).toEqual([[STUDIO_COMMANDS_READY_CHANNEL]]);
    const events = fake.events as EventEmitter;
    events.emit(STUDIO_COMMAND_CHANNEL, { sender: 'ipc' }, { command: 'open', path: '/p/a.mapwright.json' });
    events.emit(STUDIO_COMMAND_CHANNEL, { sender: 'ipc' }, { command: 'rm -rf' });
    events.emit(STUDIO_COMMAND_CHANNEL, { sender: 'ipc' }, { command: 'save' });
    events.emit(STUDIO_COMMAND_CHANNEL, { sender: 'ipc' }, { command: 'importSample' });
    events.emit(STUDIO_COMMAND_CHANNEL, { sender: 'ipc' }, { command: 'importSample', path: '/data/people.csv' });
    unsubscribe();
    events.emit(STUDIO_COMMAND_CHANNEL, { sender: 'ipc' }, { command: 'find' });
    expect(received).toEqual([{ command: 'open', path: '/p/a.mapwright.json' }, { command: 'save' }, { command: 'importSample', path: '/data/people.csv' }]);
    expect(events.listenerCount(STUDIO_COMMAND_CHANNEL)).toBe(0);
  });

  it("gives a dropped file's path through webUtils.getPathForFile and tells main, which grants access to it", () => {
    const shell = fake.exposed.get('mapwrightShell') as unknown as StudioShellApi;
    fake.sent.length = 0;
    expect(shell.pathForDroppedFile({ name: 'x.mapwright.json' } as unknown as File)).toBe('/dropped/x.mapwright.json');
    // A File the page made itself has no path: nothing is reported.
    expect(shell.pathForDroppedFile({ name: '' } as unknown as File)).toBe('');
    expect(fake.sent).toEqual([[STUDIO_FILE_DROPPED_CHANNEL, '/dropped/x.mapwright.json']]);
  });

  it('asks main for a native file dialog on its own channel', () => {
    const shell = fake.exposed.get('mapwrightShell') as unknown as StudioShellApi;
    fake.sent.length = 0;
    shell.showFileDialog('open');
    shell.showFileDialog('saveAs');
    shell.showFileDialog('importSample');
    expect(fake.sent).toEqual([
      [STUDIO_FILE_DIALOG_CHANNEL, 'open'],
      [STUDIO_FILE_DIALOG_CHANNEL, 'saveAs'],
      [STUDIO_FILE_DIALOG_CHANNEL, 'importSample'],
    ]);
  });
});
