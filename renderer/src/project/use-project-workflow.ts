/** React access to the window's {@link createProjectWorkflow} store, created once per project session. */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createProjectWorkflow, type ProjectWorkflow, type ProjectWorkflowOptions, type WorkflowApi } from './project-workflow';
import type { ProjectSession } from './project-session';

/** The workflow of `session`; its recent list and crash backups are loaded on mount. */
export function useProjectWorkflow(api: WorkflowApi, session: StoreApi<ProjectSession>, options: ProjectWorkflowOptions = {}): ProjectWorkflow {
  // The options may be a new object every render; the store reads the latest through this ref.
  const latest = useRef(options);
  latest.current = options;
  const store = useMemo(
    () => {
      // In Electron the preload provides native dialogs; a browser has none and uses the in-page one.
      const shell = typeof window === 'undefined' ? undefined : window.mapwrightShell;
      return createProjectWorkflow(api, session, {
        isTemplate: (path) => latest.current.isTemplate?.(path) ?? false,
        ...(shell ? { nativeDialog: (kind: 'open' | 'saveAs') => shell.showFileDialog(kind) } : {}),
      });
    },
    [api, session],
  );
  useEffect(() => {
    void store.getState().start();
  }, [store]);
  return useStore(store);
}
