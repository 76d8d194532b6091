/** React access to the document store and its keyboard history commands. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { StudioShellApi } from '../../../electron/contract/studio-commands';
import type { DocumentState } from './document-store';
import { describeTarget, historyCommandFor, runMenuHistory } from './undo-keys';

/** Reads `select(state)` from the document store and subscribes to its changes. */
export function useDocument<T>(store: StoreApi<DocumentState>, select: (state: DocumentState) => T): T {
  return useStore(store, select);
}

/**
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y on the page undo and redo the
 * document (not inside a text field, Monaco or a dialog: see undo-keys.ts),
 * and so do the desktop Edit menu's Undo and Redo (shell commands; `shell`
 * is `window.mapwrightShell`, absent in a browser).
 */
export function useHistoryKeys(
  store: StoreApi<DocumentState> | undefined,
  shell: StudioShellApi | undefined = typeof window === 'undefined' ? undefined : window.mapwrightShell,
): void {
  useEffect(() => {
    if (!store || !shell) return;
    return shell.onCommand((command) => {
      if (command.command !== 'undo' && command.command !== 'redo') return;
      const focused = document.activeElement;
      // A text field keeps its own typing history, as the native menu role gave it.
      runMenuHistory(command.command, describeTarget(focused instanceof Element && focused !== document.body ? focused : null), {
        history: store.getState(),
        field: (name) => document.execCommand(name),
      });
    });
  }, [store, shell]);

  useEffect(() => {
    if (!store) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = historyCommandFor(event, describeTarget(event.target instanceof Element ? event.target : null));
      if (!command) return;
      event.preventDefault();
      if (command === 'undo') store.getState().undo();
      else store.getState().redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
