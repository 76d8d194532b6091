/**
 * The open project as the UI holds it: the editor's text, whether it is
 * saved (the dirty marker), the backups of unsaved work while the user
 * edits, and the choice to make when another program changed the file.
 * A zustand store without React (`zustand/vanilla`), so the logic is tested
 * in plain Node against a fake backend; components read it with
 * `useProjectSession`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { DiskStampData, ProjectState } from '../../../electron/contract/methods/project-methods';
import type { StudioApi, StudioResult } from '../../../electron/contract/studio-api';
import { createIdleBackup, type IdleBackupOptions } from './idle-backup';
import { windowTitle } from './window-title';

/** The backend methods a project session uses. */
export type ProjectApi = Pick<
  StudioApi,
  'newProject' | 'openProject' | 'saveProject' | 'saveProjectAs' | 'restoreBackup' | 'discardBackup' | 'backupUnsaved' | 'checkDisk'
>;

/** Another program changed (or deleted) the open file; the user chooses {@link ProjectSession.overwrite} or {@link ProjectSession.reload}. */
export interface DiskConflict {
  missing: boolean;
  /** The file's stamp now, when it still exists. */
  stamp?: DiskStampData;
  /** Found by a save (which failed): keeping mine means overwriting now, with force. */
  onSave?: boolean;
}

/** State and actions of one window's project. */
export interface ProjectSession {
  /** The project as last opened, restored or saved; undefined before the first one. */
  project?: ProjectState;
  /** The editor's text. */
  text: string;
  /** True while `text` is not what the file holds (the title shows the dirty marker). */
  dirty: boolean;
  conflict?: DiskConflict;
  /** The last failure, for the UI to show; cleared by the next action. */
  error?: CodedErrorData;
  /** The window title for this state. */
  title: string;

  newProject(name?: string): Promise<boolean>;
  open(path: string): Promise<boolean>;
  restore(backupId: string): Promise<boolean>;
  /** The user typed: marks the project dirty and schedules a backup. */
  edit(text: string): void;
  /**
   * New document text from any editor (the JSONata panel, a form): the one
   * entry point for edits made outside the store. Same as {@link edit}: the
   * title gets its dirty marker, the studio recompiles, a backup is scheduled.
   */
  replaceText(text: string): void;
  /** Saves to the project's file; an untitled project needs {@link saveAs}. False on failure or conflict. */
  save(): Promise<boolean>;
  saveAs(path: string): Promise<boolean>;
  /** After a conflict: the user keeps their version and overwrites the file. */
  overwrite(): Promise<boolean>;
  /** After a conflict: the user takes the file's version; unsaved edits are dropped. */
  reload(): Promise<boolean>;
  /**
   * After a conflict found by {@link checkDisk}: the user keeps their text and
   * will overwrite the file on the next save. The file's current stamp becomes
   * the expected one, and the project stays dirty (the file differs from it).
   */
  keepMine(): void;
  /** The user closed the conflict dialog without choosing; the next check asks again. */
  dismissConflict(): void;
  /** Hides the last error. */
  clearError(): void;
  /** Looks for changes by other programs (call when the window regains focus). */
  checkDisk(): Promise<void>;
  /** Writes the pending backup now (before the window closes on a crash-prone path). */
  flushBackup(): Promise<void>;
  /** Closes the project deliberately: its backup is discarded. */
  close(): Promise<void>;
}

/** Options of {@link createProjectSession}. */
export interface ProjectSessionOptions {
  /** Timing of the idle backups (tests pass their own timers). */
  backup?: Omit<IdleBackupOptions<unknown>, 'save'>;
  appName?: string;
}

interface Snapshot {
  sessionId: string;
  path?: string;
  text: string;
  savedStamp?: DiskStampData;
}

/** Creates the store of one window's project session. */
export function createProjectSession(api: ProjectApi, options: ProjectSessionOptions = {}): StoreApi<ProjectSession> {
  const idle = createIdleBackup<Snapshot>({
    ...options.backup,
    save: async (snapshot) => {
      const result = await api.backupUnsaved(snapshot);
      if (!result.ok) throw result.error;
    },
  });

  return createStore<ProjectSession>()((set, get) => {
    const title = (project: ProjectState | undefined, dirty: boolean) =>
      project ? windowTitle(project.name, dirty, { readOnly: project.readOnly, appName: options.appName }) : windowTitle('', false, { appName: options.appName });

    /** Shows a project the backend returned; `text` is kept when the user typed on meanwhile. */
    function show(project: ProjectState, text = project.text): void {
      const dirty = project.dirty || text !== project.text;
      set({ project, text, dirty, conflict: undefined, error: undefined, title: title(project, dirty) });
    }

    function snapshotOf(): Snapshot | undefined {
      const { project, text } = get();
      return project && { sessionId: project.sessionId, path: project.path, text, savedStamp: project.stamp };
    }

    /** Restarts the backups of work that is still unsaved after a failed or overtaken save. */
    function backUpIfDirty(): void {
      const snapshot = snapshotOf();
      if (snapshot && get().dirty) idle.changed(snapshot);
    }

    async function load(call: Promise<StudioResult<ProjectState>>): Promise<boolean> {
      const result = await call;
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      await idle.cancel();
      show(result.value);
      // Migrated or restored work is unsaved from the start, so it is backed up too.
      backUpIfDirty();
      return true;
    }

    async function write(call: (snapshot: Snapshot) => Promise<StudioResult<ProjectState>>): Promise<boolean> {
      const before = snapshotOf();
      if (!before) return false;
      // No backup may land after the save has discarded it.
      await idle.cancel();
      const result = await call(before);
      if (!result.ok) {
        if (result.error.code === 'DOC_CHANGED_ON_DISK') set({ conflict: { missing: false, onSave: true }, error: result.error });
        else set({ error: result.error });
        backUpIfDirty();
        return false;
      }
      const { text } = get();
      show(result.value, text === before.text ? result.value.text : text);
      backUpIfDirty();
      return true;
    }

    return {
      text: '',
      dirty: false,
      title: title(undefined, false),

      newProject: (name) => load(api.newProject(name === undefined ? {} : { name })),
      open: (path) => load(api.openProject(path)),
      restore: (backupId) => load(api.restoreBackup(backupId)),

      edit(text) {
        const { project } = get();
        if (!project) return;
        const dirty = project.dirty || text !== project.text;
        set({ text, dirty, title: title(project, dirty) });
        const snapshot = snapshotOf();
        if (dirty && snapshot) idle.changed(snapshot);
      },
      replaceText: (text) => get().edit(text),

      async save() {
        const path = get().project?.path;
        if (!path) {
          set({ error: { code: 'USAGE', message: 'choose where to save this untitled project', expected: 'Save As' } });
          return false;
        }
        return write((s) => api.saveProject({ path, text: s.text, expectedStamp: s.savedStamp, sessionId: s.sessionId }));
      },

      saveAs: (path) => write((s) => api.saveProjectAs({ path, text: s.text, sessionId: s.sessionId })),

      async overwrite() {
        const path = get().project?.path;
        if (!path) return false;
        return write((s) => api.saveProject({ path, text: s.text, force: true, sessionId: s.sessionId }));
      },

      async reload() {
        const project = get().project;
        if (!project?.path) return false;
        await idle.cancel();
        const reopened = await load(api.openProject(project.path));
        // The edits were given up deliberately: their backup goes too.
        if (reopened) await api.discardBackup(project.sessionId);
        return reopened;
      },

      keepMine() {
        const { project, conflict } = get();
        if (!project || !conflict) return;
        // A deleted file has no stamp: the next save simply writes it again.
        const kept: ProjectState = { ...project, stamp: conflict.missing ? undefined : conflict.stamp, dirty: true };
        set({ project: kept, dirty: true, conflict: undefined, error: undefined, title: title(kept, true) });
        backUpIfDirty();
      },
      dismissConflict: () => set({ conflict: undefined }),
      clearError: () => set({ error: undefined }),
      async checkDisk() {
        const { project } = get();
        if (!project?.path || !project.stamp) return;
        const result = await api.checkDisk(project.path, project.stamp);
        if (result.ok && result.value.changed && get().project === project) {
          set({ conflict: { missing: result.value.missing, stamp: result.value.stamp } });
        }
      },

      flushBackup: () => idle.flush(),

      async close() {
        const { project } = get();
        await idle.cancel();
        if (project) await api.discardBackup(project.sessionId);
        set({ project: undefined, text: '', dirty: false, conflict: undefined, error: undefined, title: title(undefined, false) });
      },
    };
  });
}
