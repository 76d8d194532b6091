/**
 * The studio's file workflow around the project session: which dialog is
 * open, the recent list, the backups offered after a crash, and the
 * commands of the toolbar, the menu, the shortcuts and drops, each of which
 * asks before unsaved work would be replaced. A zustand store without React
 * (`zustand/vanilla`), tested in plain Node against the real project
 * service; `useProjectWorkflow` gives it to components.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { BackupSummaryEntry, DiskStampData, RecentFileEntry } from '../../../electron/contract/methods/project-methods';
import type { StudioCommand } from '../../../electron/contract/studio-commands';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { ProjectSession } from './project-session';
import { fileNameOf, type DropOutcome } from './shell-input';

/** The backend methods the workflow uses besides the session's. */
export type WorkflowApi = Pick<StudioApi, 'listRecent' | 'listBackups' | 'discardBackup' | 'checkDisk'>;

/** The dialog in front of the studio, if any. */
export type WorkflowDialog =
  | { kind: 'path'; mode: 'open' | 'saveAs' }
  /** Unsaved work would be replaced by `next` ("opening crm.mapwright.json"); `proceed` does it. */
  | { kind: 'unsaved'; next: string; proceed: () => Promise<void> };

/** A shell command, or the same from a shortcut (`open`/`saveAs` without a path: ask for one). */
export type WorkflowCommand = StudioCommand | { command: 'open' | 'saveAs'; path?: undefined };

/** State and actions of the workflow of one window. */
export interface ProjectWorkflow {
  dialog?: WorkflowDialog;
  recent?: RecentFileEntry[];
  /** Backups offered for restore, newest first. */
  backups: BackupSummaryEntry[];
  /** A problem outside the session (a drop the page cannot open). */
  notice?: CodedErrorData;
  /** True while a file command runs. */
  busy: boolean;
  /** Loads the recent list and the backups left by a crash (once, at start). */
  start(): Promise<void>;
  closeDialog(): void;
  refreshRecent(): Promise<void>;
  clearNotice(): void;
  newProject(): Promise<void>;
  /** Opens `path`, asking first when there is unsaved work. */
  openPath(path: string): Promise<void>;
  /** Runs `open` (it replaces the project), asking first when there is unsaved work; `open` resolves false on failure. */
  replaceProject(next: string, open: () => Promise<unknown>): Promise<void>;
  showOpen(): void;
  /** Saves; an untitled project or a template asks for a place, a file changed on disk asks what to do. */
  save(): Promise<boolean>;
  showSaveAs(): void;
  saveAs(path: string): Promise<boolean>;
  restoreBackup(id: string): Promise<void>;
  discardBackup(id: string): Promise<void>;
  /** The unsaved-changes dialog's answers. */
  saveThenProceed(): Promise<void>;
  discardThenProceed(): Promise<void>;
  /** True when a file exists at `path` (Save As asks before replacing it). */
  exists(path: string): Promise<boolean>;
  onCommand(command: WorkflowCommand): Promise<void>;
  /** The window regained the focus: another program may have changed the file. */
  onFocus(): Promise<void>;
  onDrop(outcome: DropOutcome): Promise<void>;
  /** The page is hidden or closed: write the pending backup now. */
  onHide(): Promise<void>;
  isDirty(): boolean;
}

/** Options of {@link createProjectWorkflow}. */
export interface ProjectWorkflowOptions {
  /**
   * True for a file Save must not overwrite (a bundled sample, shipped with
   * the app and the start of every project made from it): Save asks for a
   * new place instead, as for an untitled project.
   */
  isTemplate?: (path: string) => boolean;
  /**
   * The desktop's native file dialogs (Electron: `mapwrightShell.showFileDialog`).
   * When given, Open and Save As show them and the chosen path comes back as a
   * shell command; the in-page path dialog is only for the browser.
   */
  nativeDialog?: (kind: 'open' | 'saveAs') => void;
}

// checkDisk compares with a stamp; one that matches no file tells only whether the file exists.
const NO_STAMP: DiskStampData = { mtimeMs: 0, size: 0, sha256: '0'.repeat(64) };

/** Creates the workflow store of one window around its project `session`. */
export function createProjectWorkflow(api: WorkflowApi, session: StoreApi<ProjectSession>, options: ProjectWorkflowOptions = {}): StoreApi<ProjectWorkflow> {
  const isTemplate = options.isTemplate ?? (() => false);
  let running = 0;

  return createStore<ProjectWorkflow>()((set, get) => {
    async function busyWhile<T>(work: Promise<T>): Promise<T> {
      set({ busy: ++running > 0 });
      try {
        return await work;
      } finally {
        set({ busy: --running > 0 });
      }
    }

    /** True when saving must go through Save As (untitled, or a template). */
    const needsPlace = (): boolean => {
      const path = session.getState().project?.path;
      return !path || isTemplate(path);
    };

    return {
      backups: [],
      busy: false,

      async start() {
        const [recent, backups] = await Promise.all([api.listRecent(), api.listBackups()]);
        const own = session.getState().project?.sessionId;
        set({
          ...(recent.ok ? { recent: recent.value } : {}),
          // Backups present at start were left by a crash or a closed window; the open project's own is not one.
          ...(backups.ok ? { backups: backups.value.filter((backup) => backup.id !== own) } : {}),
        });
      },
      closeDialog: () => set({ dialog: undefined }),
      async refreshRecent() {
        const result = await api.listRecent();
        if (result.ok) set({ recent: result.value });
      },
      clearNotice: () => set({ notice: undefined }),

      newProject: () => get().replaceProject('starting a new project', () => session.getState().newProject()),
      openPath(path) {
        set({ dialog: undefined });
        return get().replaceProject(`opening ${fileNameOf(path)}`, () => session.getState().open(path));
      },
      async replaceProject(next, open) {
        set({ notice: undefined });
        const proceed = async (): Promise<void> => {
          const before = session.getState().project?.sessionId;
          const opened = await busyWhile(open());
          // The old work was saved or given up ("Don't save"): its backup is not wanted any more.
          const now = session.getState().project?.sessionId;
          if (opened !== false && before && before !== now) await api.discardBackup(before);
          await get().refreshRecent();
        };
        if (session.getState().dirty) set({ dialog: { kind: 'unsaved', next, proceed } });
        else await proceed();
      },
      showOpen: () => (options.nativeDialog ? options.nativeDialog('open') : set({ dialog: { kind: 'path', mode: 'open' } })),

      async save() {
        const { project } = session.getState();
        if (!project || project.readOnly) return false;
        if (needsPlace()) {
          get().showSaveAs();
          return false;
        }
        // A file changed since it was read: the conflict dialog asks before anything is written.
        await session.getState().checkDisk();
        if (session.getState().conflict) return false;
        const saved = await busyWhile(session.getState().save());
        if (saved) await get().refreshRecent();
        return saved;
      },
      showSaveAs() {
        const { project } = session.getState();
        if (!project || project.readOnly) return;
        if (options.nativeDialog) options.nativeDialog('saveAs');
        else set({ dialog: { kind: 'path', mode: 'saveAs' } });
      },
      async saveAs(path) {
        set({ dialog: undefined });
        const saved = await busyWhile(session.getState().saveAs(path));
        if (saved) await get().refreshRecent();
        return saved;
      },

      restoreBackup: (id) =>
        get().replaceProject('restoring the unsaved work', async () => {
          const restored = await session.getState().restore(id);
          if (restored) set({ backups: get().backups.filter((backup) => backup.id !== id) });
          return restored;
        }),
      async discardBackup(id) {
        set({ backups: get().backups.filter((backup) => backup.id !== id) });
        await api.discardBackup(id);
      },

      async saveThenProceed() {
        const pending = get().dialog;
        set({ dialog: undefined });
        if (pending?.kind !== 'unsaved') return;
        // Without a place to save to, Save As comes first; the user then repeats what they were doing.
        // (Electron's native dialog where there is one: only it can grant a place to save in the desktop app.)
        if (needsPlace()) return get().showSaveAs();
        if (await get().save()) await pending.proceed();
      },
      async discardThenProceed() {
        const pending = get().dialog;
        set({ dialog: undefined });
        if (pending?.kind === 'unsaved') await pending.proceed();
      },
      async exists(path) {
        const result = await api.checkDisk(path, NO_STAMP);
        return result.ok && !result.value.missing;
      },

      async onCommand(command) {
        // A shortcut typed inside a dialog must not stack another one; a path from the OS still opens.
        if (get().dialog && !('path' in command && command.path)) return;
        switch (command.command) {
          case 'new':
            return get().newProject();
          case 'open':
            return command.path ? get().openPath(command.path) : get().showOpen();
          case 'save':
            return void (await get().save());
          case 'saveAs':
            return command.path ? void (await get().saveAs(command.path)) : get().showSaveAs();
          default:
            // 'find' belongs to the editor, which listens for it itself.
            return;
        }
      },
      async onFocus() {
        if (!get().dialog) await session.getState().checkDisk();
      },
      async onDrop(outcome) {
        if ('path' in outcome) await get().openPath(outcome.path);
        else set({ notice: outcome.error });
      },
      onHide: () => session.getState().flushBackup(),
      isDirty: () => session.getState().dirty,
    };
  });
}
