/**
 * The open project as the UI holds it: the document (in its own store, with
 * the undo history; the text is derived from it), whether it is saved (the
 * dirty marker follows the history: undoing back to the saved state is
 * clean), the backups of unsaved work while the user
 * edits, and the choice to make when another program changed the file.
 * A zustand store without React (`zustand/vanilla`), so the logic is tested
 * in plain Node against a fake backend; components read it with
 * `useProjectSession`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { DiskStampData, ProjectState } from '../../../electron/contract/methods/project-methods';
import type { StudioApi, StudioResult } from '../../../electron/contract/studio-api';
import { createDocumentStore, type DocumentState, type DocumentStoreOptions } from '../document/document-store';
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
  /** The document and its undo history; every view edits through it. `text` mirrors its current text. */
  documents: StoreApi<DocumentState>;
  /** The document's current text (what Save writes). */
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
  /**
   * Opens `path` only if the user has not opened, restored or started a
   * project meanwhile (the sample shown at start): false when it gave way.
   */
  openAtStart(path: string): Promise<boolean>;
  restore(backupId: string): Promise<boolean>;
  /** A whole new text (one undo step): the dirty marker follows, a backup is scheduled. */
  edit(text: string): void;
  /**
   * New document text from outside the model (an applied JSONata edit, an
   * import): one undo step labelled `label`. Model edits go through
   * `documents.getState().apply` instead.
   */
  replaceText(text: string, label?: string): void;
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
  /** Options of the document store (history limit, coalescing clock). */
  documents?: DocumentStoreOptions;
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

  const documents = createDocumentStore(options.documents);

  return createStore<ProjectSession>()((set, get) => {
    const title = (project: ProjectState | undefined, dirty: boolean) =>
      project ? windowTitle(project.name, dirty, { readOnly: project.readOnly, appName: options.appName }) : windowTitle('', false, { appName: options.appName });

    /** Dirty when the backend says so (restored or migrated work) or the current state is not the saved text. */
    function dirtyOf(project: ProjectState | undefined, text: string): boolean {
      return project !== undefined && (project.dirty || text !== project.text);
    }

    /** Mirrors the document's text; every change of it (edit, undo, redo) marks dirty and schedules a backup. */
    function sync(): void {
      const { project } = get();
      const { text } = documents.getState();
      const dirty = dirtyOf(project, text);
      set({ text, dirty, title: title(project, dirty) });
      const snapshot = snapshotOf();
      if (dirty && snapshot) idle.changed(snapshot);
    }
    documents.subscribe((state, previous) => {
      if (state.text !== previous.text && get().project) sync();
    });

    /** Shows a newly opened project: its text is the first state of a new history. */
    function showOpened(project: ProjectState): void {
      set({ project, conflict: undefined, error: undefined });
      documents.getState().load(project.text, { readOnly: project.readOnly });
      const dirty = dirtyOf(project, project.text);
      set({ text: project.text, dirty, title: title(project, dirty) });
    }

    /** Shows a saved project; the history is kept (undo still works across a save). */
    function showSaved(project: ProjectState): void {
      const { text } = documents.getState();
      const dirty = dirtyOf(project, text);
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

    // Loads the user asked for: the latest one wins, one still on its way makes a start-up load give way.
    let generation = 0;
    let pending = 0;

    /** Shows the project `call` loads unless a later load (or, for `atStart`, any other) overtook it. */
    async function load(call: () => Promise<StudioResult<ProjectState>>, atStart = false): Promise<boolean> {
      if (atStart && (pending > 0 || get().project)) return false;
      const mine = atStart ? generation : ++generation;
      if (!atStart) pending++;
      let result: StudioResult<ProjectState>;
      try {
        result = await call();
      } finally {
        if (!atStart) pending--;
      }
      // A restore or open answered late must not replace what the user opened since (their work would vanish unasked).
      if (mine !== generation || (atStart && get().project)) return false;
      if (!result.ok) {
        set({ error: result.error });
        return false;
      }
      await idle.cancel();
      showOpened(result.value);
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
      // The backend writes an older version migrated: the written text becomes the current state.
      if (documents.getState().text === before.text && result.value.text !== before.text) documents.getState().replaceText(result.value.text, { label: 'save' });
      showSaved(result.value);
      backUpIfDirty();
      return true;
    }

    return {
      documents,
      text: '',
      dirty: false,
      title: title(undefined, false),

      newProject: (name) => load(() => api.newProject(name === undefined ? {} : { name })),
      open: (path) => load(() => api.openProject(path)),
      openAtStart: (path) => load(() => api.openProject(path), true),
      restore: (backupId) => load(() => api.restoreBackup(backupId)),

      edit(text) {
        if (!get().project) return;
        documents.getState().replaceText(text);
      },
      replaceText(text, label) {
        if (!get().project) return;
        documents.getState().replaceText(text, label === undefined ? {} : { label });
      },

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
        const path = project?.path;
        if (!project || !path) return false;
        await idle.cancel();
        const reopened = await load(() => api.openProject(path));
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
        // A load still on its way must not bring a project back after the close.
        generation++;
        await idle.cancel();
        if (project) await api.discardBackup(project.sessionId);
        set({ project: undefined, text: '', dirty: false, conflict: undefined, error: undefined, title: title(undefined, false) });
        documents.getState().load('');
      },
    };
  });
}
