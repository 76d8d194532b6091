/**
 * The contents of the open project's lookup tables stored in CSV files, as
 * the studio read them to compile (use-local-compile.ts), for the forms that
 * need a table's columns: the lookup transform's Column select offers the
 * columns of a table of rows read from a file, as it does an inline one's.
 * One studio per page, so one set of tables; a React hook subscribes.
 */
import { useSyncExternalStore } from 'react';
import type { FileTables } from '../../../mapping-engine/compiler/lookup-table';

let current: FileTables = {};
const listeners = new Set<() => void>();

/** Replaces the contents (by table name); listeners re-render. */
export function setFileTables(next: FileTables): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

/** The contents of the tables read so far. */
export function fileTables(): FileTables {
  return current;
}

/** {@link fileTables} in a component, kept current. */
export function useFileTables(): FileTables {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fileTables,
  );
}
