/**
 * The preload runs only inside Electron; here `electron` is replaced by a
 * recording fake so the exposed surface is checked in plain Node.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { STUDIO_METHODS } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';

const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const invoke = vi.fn((...args: unknown[]) => Promise.resolve(args));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

beforeAll(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes exactly one function per contract method on window.mapwright', () => {
    expect([...exposed.keys()]).toEqual(['mapwright']);
    const api = exposed.get('mapwright') ?? {};
    expect(Object.keys(api).sort()).toEqual([...STUDIO_METHODS].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
  });

  it('sends each method on its own channel with its arguments', async () => {
    const api = exposed.get('mapwright') ?? {};
    await api.readSamplePreview?.('crm-to-erp');
    await api.listSamples?.();
    expect(invoke.mock.calls).toEqual([[studioChannel('readSamplePreview'), 'crm-to-erp'], [studioChannel('listSamples')]]);
  });
});
