/** React access to the document store and its keyboard history commands. */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { DocumentState } from './document-store';
import { describeTarget, historyCommandFor } from './undo-keys';

/** Reads `select(state)` from the document store and subscribes to its changes. */
export function useDocument<T>(store: StoreApi<DocumentState>, select: (state: DocumentState) => T): T {
  return useStore(store, select);
}

/**
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y on the page undo and redo the
 * document (not inside a text field, Monaco or a dialog: see undo-keys.ts).
 */
export function useHistoryKeys(store: StoreApi<DocumentState> | undefined): void {
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
