/**
 * The preload script: exposes `window.mapwright`, one function per contract
 * method and nothing else (Electron security checklist: never expose
 * `ipcRenderer` or a generic `invoke(channel, ...)`, or a compromised page
 * could reach every channel). `satisfies StudioApi` makes a missing or
 * mistyped method a compile error.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { StudioApi } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';

const studioApi = {
  getAppInfo: () => ipcRenderer.invoke(studioChannel('getAppInfo')),
  listSamples: () => ipcRenderer.invoke(studioChannel('listSamples')),
  readSamplePreview: (id: string) => ipcRenderer.invoke(studioChannel('readSamplePreview'), id),
} satisfies StudioApi;

contextBridge.exposeInMainWorld('mapwright', studioApi);
