/**
 * The preload script: exposes `window.mapwright`, one function per contract
 * method and nothing else (Electron security checklist: never expose
 * `ipcRenderer` or a generic `invoke(channel, ...)`, or a compromised page
 * could reach every channel). The functions are generated from the contract's method list, which makes a missing or
 * mistyped method impossible: the list comes from the contract itself.
 *
 * Beside it, `window.mapwrightShell` (contract/studio-commands.ts): the one
 * listener for shell commands (menu, files opened from the OS) and the path
 * of a file dropped on the window. Commands are checked here before the page
 * sees them.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { STUDIO_METHODS, type StudioApi } from './contract/studio-api';
import { studioChannel } from './contract/studio-channels';
import {
  isStudioCommand,
  SHELL_API_KEY,
  STUDIO_COMMAND_CHANNEL,
  STUDIO_COMMANDS_READY_CHANNEL,
  STUDIO_FILE_DIALOG_CHANNEL,
  STUDIO_FILE_DROPPED_CHANNEL,
  type StudioShellApi,
} from './contract/studio-commands';

/** One named function per method, each bound to its own channel (no channel is chosen by the page). */
const studioApi = Object.fromEntries(
  STUDIO_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(studioChannel(method), ...args)]),
) as unknown as StudioApi;

const shellApi: StudioShellApi = {
  onCommand(listener) {
    // The page gets the command only, never the IPC event (it holds the sender and ports).
    const onMessage = (_event: unknown, command: unknown): void => {
      if (isStudioCommand(command)) listener(command);
    };
    ipcRenderer.on(STUDIO_COMMAND_CHANNEL, onMessage);
    // Main holds commands (a file from argv, open-file) until someone listens.
    ipcRenderer.send(STUDIO_COMMANDS_READY_CHANNEL);
    return () => {
      ipcRenderer.removeListener(STUDIO_COMMAND_CHANNEL, onMessage);
    };
  },
  pathForDroppedFile(file) {
    const path = webUtils.getPathForFile(file);
    // Only a real dropped file has a path; main grants the engine access to it as the user's choice.
    if (path) ipcRenderer.send(STUDIO_FILE_DROPPED_CHANNEL, path);
    return path;
  },
  showFileDialog(kind) {
    ipcRenderer.send(STUDIO_FILE_DIALOG_CHANNEL, kind);
  },
};

contextBridge.exposeInMainWorld('mapwright', studioApi);
contextBridge.exposeInMainWorld(SHELL_API_KEY, shellApi);
