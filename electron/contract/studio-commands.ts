/**
 * Commands the Electron shell sends TO the renderer (menu items, files opened
 * from the OS, dropped on the window or given on the command line), on ONE
 * channel, plus the small shell API the preload exposes beside the contract.
 *
 * Plain TypeScript with a hand-written guard, no zod: the sandboxed preload
 * bundles this file and must stay tiny (as with studio-channels.ts).
 */

/** The one main-to-renderer channel for {@link StudioCommand}s. */
export const STUDIO_COMMAND_CHANNEL = 'mapwright:shell:command';

/** Renderer to main: a command listener is subscribed, queued commands may be delivered. */
export const STUDIO_COMMANDS_READY_CHANNEL = 'mapwright:shell:commands-ready';

/**
 * Renderer to main: the absolute path of a file the user dropped on the window.
 * Sent by the preload itself (webUtils gives a path only for a real dropped
 * file), so main may trust it as the user's choice and grant the engine access.
 */
export const STUDIO_FILE_DROPPED_CHANNEL = 'mapwright:shell:file-dropped';

/** The key of the shell API on `window` (absent in the web host). */
export const SHELL_API_KEY = 'mapwrightShell';

/** Renderer to main (one-way): show the native Open or Save As dialog; the answer comes back as a command. */
export const STUDIO_FILE_DIALOG_CHANNEL = 'mapwright:shell:file-dialog';

/**
 * Which native dialog the renderer asks for: `importSample` an Open dialog for
 * payload files; `pickFile` one for a new project's source or target (payloads
 * and schemas); `newProjectPlace` a Save dialog for a new project's file;
 * `pickSheet` an Open dialog for a mapping spreadsheet to import (XLSX, CSV).
 */
export type FileDialogKind = 'open' | 'saveAs' | 'importSample' | 'pickFile' | 'newProjectPlace' | 'pickSheet';

/** True when `value` names a dialog main can show (main drops anything else). */
export function isFileDialogKind(value: unknown): value is FileDialogKind {
  return value === 'open' || value === 'saveAs' || value === 'importSample' || value === 'pickFile' || value === 'newProjectPlace' || value === 'pickSheet';
}

/**
 * What the shell asks the renderer to do. Paths come from a native dialog,
 * the OS or the recent list, so the renderer never needs a dialog of its own
 * in Electron: `open` and `saveAs` carry the chosen absolute path.
 */
export type StudioCommand =
  | { command: 'new' }
  | { command: 'open'; path: string }
  | { command: 'save' }
  | { command: 'saveAs'; path: string }
  /** A sample file the user picked in the native dialog (main granted the engine access to it). */
  | { command: 'importSample'; path: string }
  /** A new project's source or target file picked in the native dialog (granted for reading). */
  | { command: 'pickFile'; path: string }
  /** Where to save a new project, chosen in the native Save dialog (granted as a Save As place). */
  | { command: 'newProjectPlace'; path: string }
  /** A mapping spreadsheet to import, picked in the native dialog (granted for reading). */
  | { command: 'pickSheet'; path: string }
  | { command: 'find' }
  /** The Edit menu's Undo and Redo: the document history, or the focused text field's own. */
  | { command: 'undo' }
  | { command: 'redo' };

const isPath = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 4096 && !value.includes('\0');

/** True when `value` is a well-formed {@link StudioCommand} (the preload drops anything else). */
export function isStudioCommand(value: unknown): value is StudioCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { command, path } = value as { command?: unknown; path?: unknown };
  if (command === 'open' || command === 'saveAs' || command === 'importSample' || command === 'pickFile' || command === 'newProjectPlace' || command === 'pickSheet') return isPath(path);
  return command === 'new' || command === 'save' || command === 'find' || command === 'undo' || command === 'redo';
}

/** What the preload puts on `window.mapwrightShell` in Electron. */
export interface StudioShellApi {
  /** Calls `listener` with every shell command; returns the function that unsubscribes. */
  onCommand(listener: (command: StudioCommand) => void): () => void;
  /** The absolute path of a file dropped on the window (Electron's `webUtils.getPathForFile`); '' when it has none. */
  pathForDroppedFile(file: File): string;
  /**
   * Shows the native Open or Save As dialog (the same as the menu items), or
   * the Open dialog for a sample file; the chosen path arrives through
   * `onCommand` as `open`, `saveAs` or `importSample`, and nothing arrives
   * when the user cancels.
   */
  showFileDialog(kind: FileDialogKind): void;
}

declare global {
  interface Window {
    /** Exposed by electron/preload.ts; absent in a plain browser (the web host). */
    mapwrightShell?: StudioShellApi;
  }
}
