/**
 * Connects the page to the desktop around it: the shell's menu commands and
 * files opened from the OS (Electron), the file shortcuts (browser only:
 * in Electron the native menu owns them, and handling both would run every
 * command twice), a check for changes on disk whenever the window regains
 * focus, files dropped on the window, and the page going away (the
 * pending backup is written at once; the browser asks before a dirty page
 * is left).
 */
import { useEffect, useRef } from 'react';
import type { StudioCommand, StudioShellApi } from '../../../electron/contract/studio-commands';
import { dropOutcome, shortcutCommand, type DropOutcome } from './shell-input';

/** What the page does with the desktop's requests. */
export interface ProjectShellHandlers {
  /** A menu command, a file from the OS, or a shortcut (`open`/`saveAs` from a shortcut carry no path: ask for one). */
  onCommand(command: StudioCommand | { command: 'open' | 'saveAs'; path?: undefined }): void;
  /** The window got the focus back: another program may have changed the project file. */
  onFocus(): void;
  /** Files were dropped on the window. */
  onDrop(outcome: DropOutcome): void;
  /** The page is being hidden or closed: write the pending backup now. */
  onHide(): void;
  /** True while there is unsaved work (the browser then asks before leaving the page). */
  isDirty(): boolean;
}

/** Installs the listeners for the component's lifetime; `shell` is `window.mapwrightShell` (absent in a browser). */
export function useProjectShell(shell: StudioShellApi | undefined, handlers: ProjectShellHandlers): void {
  // The listeners stay installed once; they call whatever handlers the latest render passed.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!shell) return;
    return shell.onCommand((command) => latest.current.onCommand(command));
  }, [shell]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (shell) return;
      const name = shortcutCommand(event);
      if (!name) return;
      // The browser's own Save Page / Open File / New Window must not run instead.
      event.preventDefault();
      latest.current.onCommand(name === 'open' || name === 'saveAs' ? { command: name } : { command: name });
    };
    const onFocus = (): void => latest.current.onFocus();
    const onDragOver = (event: DragEvent): void => {
      // Without this the browser navigates to the dropped file and the page (and its work) is gone.
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent): void => {
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      latest.current.onDrop(dropOutcome(files, shell ? (file) => shell.pathForDroppedFile(file) : undefined));
    };
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') latest.current.onHide();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      latest.current.onHide();
      // Browser only: in Electron a cancelled unload silently keeps the window open, and main owns closing.
      if (!shell && latest.current.isDirty()) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('focus', onFocus);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [shell]);
}
