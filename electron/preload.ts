/**
 * The preload script: exposes `window.mapwright`, one function per contract
 * method and nothing else (Electron security checklist: never expose
 * `ipcRenderer` or a generic `invoke(channel, ...)`, or a compromised page
 * could reach every channel). The functions are generated from the contract's method list, which makes a missing or
 * mistyped method impossible: the list comes from the contract itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { STUDIO_METHODS, type StudioApi } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';

/** One named function per method, each bound to its own channel (no channel is chosen by the page). */
const studioApi = Object.fromEntries(
  STUDIO_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(studioChannel(method), ...args)]),
) as unknown as StudioApi;

contextBridge.exposeInMainWorld('mapwright', studioApi);
