/** React access to a {@link createProjectSession} store: the component re-renders when the selected part changes. */
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { ProjectSession } from './project-session';

/** Reads `select(state)` from the project session and subscribes to its changes. */
export function useProjectSession<T>(store: StoreApi<ProjectSession>, select: (state: ProjectSession) => T): T {
  return useStore(store, select);
}
