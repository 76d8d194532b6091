/**
 * The project-file methods of the studio backend (see
 * contract/methods/project-methods.ts): open with migrations, atomic save
 * with change detection, recent files, and backups of unsaved work. Plain
 * Node, so Electron, the web host and the tests run the same code.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { MapwrightError, toCodedError, type CodedErrorData } from '../../mapping-engine/errors';
import { CURRENT_FORMAT_VERSION, loadDocument, serializeDocument, type LoadedDocument } from '../../mapping-engine/document';
import { MAX_PROJECT_TEXT, type ProjectState } from '../contract/methods/project-methods';
import type { projectFileMethods, projectMethods, StudioApiPart } from '../contract/studio-api';
import { createProjectFileService } from './project/project-file-service';
import { createFileAccess, PROJECT_FILE_NAME } from './engine/file-access';
import { saveFileAtomic } from './persistence/atomic-save';
import { createBackupStore } from './persistence/backup-store';
import { readStamped, sameContent, type DiskStamp, type StampedBytes } from './persistence/disk-stamp';
import { decodeProjectText, prepareForSave, refuseNewerOnDisk } from './persistence/project-text';
import { projectReferences } from './persistence/project-references';
import { createRecentFiles } from './persistence/recent-files';
import { removeStaleTemps } from './persistence/stale-temps';
import { defaultBackupDir, defaultSettingsDir } from './persistence/state-dirs';
import { settle } from './settle';
import type { StudioBackendOptions } from './studio-backend';

/** What a {@link ProjectState} is built from. */
interface StateParts {
  sessionId?: string;
  path?: string;
  text: string;
  loaded?: LoadedDocument;
  problem?: CodedErrorData;
  stamp?: DiskStamp;
  dirty: boolean;
}

function projectState(parts: StateParts): ProjectState {
  const { loaded } = parts;
  return {
    sessionId: parts.sessionId ?? randomUUID(),
    path: parts.path,
    name: parts.path ? basename(parts.path) : (loaded?.document.name ?? 'Untitled'),
    text: parts.text,
    document: loaded?.document,
    problem: parts.problem,
    stamp: parts.stamp,
    readOnly: loaded?.readOnly ?? false,
    notice: loaded?.notice,
    migratedFrom: loaded?.migratedFrom,
    dirty: parts.dirty,
  };
}

/** The contract's path check is textual; this one is the host's own idea of absolute (a `C:\` path is not, on Linux). */
function absolute(path: string): string {
  if (!isAbsolute(path)) throw new MapwrightError('USAGE', `not an absolute path: ${path}`, { file: path, expected: 'an absolute path' });
  return path;
}

/**
 * Reads a file and its stamp (undefined when missing), as a coded error when it
 * cannot be read. Only a regular file of at most a project's size is read.
 * `path` must have passed the file-access register; `shownAs` names it in errors.
 */
async function readExisting(path: string, shownAs: string = path): Promise<StampedBytes | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info && !info.isFile()) {
    throw new MapwrightError('FILE_READ', `cannot read ${shownAs}: not a regular file`, { file: shownAs, expected: 'a regular file (not a folder, device, FIFO or socket)' });
  }
  if (info && info.size > MAX_PROJECT_TEXT) {
    throw new MapwrightError('LIMIT_EXCEEDED', `${shownAs} is ${info.size} bytes, more than a project file can be`, { file: shownAs, expected: `at most ${MAX_PROJECT_TEXT} bytes` });
  }
  try {
    return await readStamped(path);
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${shownAs}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file: shownAs, cause: error });
  }
}

/** Creates the project methods for one backend. */
export function createProjectService(options: StudioBackendOptions): StudioApiPart<keyof typeof projectMethods | keyof typeof projectFileMethods> {
  // The backend passes its one register; a project service on its own (tests) makes one the same way.
  const access = options.fileAccess ?? createFileAccess([options.samplesDir], options.readRoots ?? []);
  const settingsDir = options.settingsDir ?? defaultSettingsDir({ platform: options.platform, home: homedir(), env: process.env }, options.appName);
  const backups = createBackupStore(options.backupDir ?? defaultBackupDir(settingsDir));
  const recent = createRecentFiles(join(settingsDir, 'recent-files.json'));
  // Recent files and backup clean-up are conveniences: their failure must never fail an open or a save.
  const quietly = (work: Promise<unknown>) => work.catch(() => undefined);

  /**
   * The one save path of save and save-as: check the grant, validate, check the
   * disk, write atomically with a .bak. `path` is the path the user named (shown
   * in the title bar); the file written is its checked real path.
   */
  async function writeProject(path: string, text: string, sessionId: string | undefined, expectedStamp?: DiskStamp, force = false): Promise<ProjectState> {
    const prepared = prepareForSave(text, path);
    // A write grant (or a project name inside an opened folder), never onto a file the saved document refers to.
    const target = await access.checkWrite(path, { name: PROJECT_FILE_NAME, protect: projectReferences(prepared.loaded.document, path) });
    await quietly(removeStaleTemps(target));
    const current = await readExisting(target, path);
    if (current) {
      refuseNewerOnDisk(current.bytes, path);
      if (expectedStamp && !force && !sameContent(current.stamp, expectedStamp)) {
        throw new MapwrightError('DOC_CHANGED_ON_DISK', `${basename(path)} was changed by another program since it was opened`, {
          file: path,
          expected: 'reload it, or save again with force to overwrite',
        });
      }
    }
    const stamp = await saveFileAtomic(target, prepared.text, { backup: true });
    await quietly(recent.add(path));
    if (sessionId) await quietly(backups.discard(sessionId));
    // No new grant: saving a project into a folder never makes the folder's other files readable.
    return projectState({ sessionId, path, text: prepared.text, loaded: prepared.loaded, stamp, dirty: false });
  }

  return {
    // New project from picked files, Save As with its files, test cases: through the same save.
    ...createProjectFileService(options, access, (path, text, sessionId) => writeProject(absolute(path), text, sessionId)),

    newProject: ({ name }) =>
      settle(async () => {
        const text = serializeDocument({ formatVersion: CURRENT_FORMAT_VERSION, name: name ?? 'Untitled mapping', source: { format: 'json' }, target: { format: 'json' } });
        return projectState({ text, loaded: loadDocument(text), dirty: false });
      }),

    openProject: (path) =>
      settle(async () => {
        // A recent-files entry is a grant (the list holds only projects opened or saved through one);
        // anything else must have been granted by a gesture in the host (a dialog, a drop, the command line).
        if ((await recent.list().catch(() => [])).some((entry) => entry.path === absolute(path))) await access.grantProject(path);
        const real = await access.checkProject(path);
        await quietly(removeStaleTemps(real));
        const file = await readExisting(real, path);
        if (!file) throw new MapwrightError('FILE_READ', `cannot read ${path}: file not found`, { file: path });
        const original = decodeProjectText(file.bytes, path);
        const loaded = loadDocument(original, path);
        await quietly(recent.add(path));
        // A migrated document is shown migrated and counts as unsaved, so the user decides when the file changes.
        const migrated = loaded.migratedFrom !== undefined;
        const text = migrated ? serializeDocument(loaded.document) : original;
        return projectState({ path, text, loaded, stamp: file.stamp, dirty: migrated });
      }),

    saveProject: ({ path, text, expectedStamp, force, sessionId }) =>
      settle(async () => {
        if (!path) throw new MapwrightError('USAGE', 'an untitled project is saved with saveProjectAs', { expected: 'a path' });
        return writeProject(absolute(path), text, sessionId, expectedStamp, force);
      }),

    saveProjectAs: ({ path, text, sessionId }) => settle(async () => writeProject(absolute(path), text, sessionId)),

    listRecent: () => settle(() => recent.list()),

    backupUnsaved: ({ sessionId, path, text, savedStamp }) =>
      settle(async () => {
        // A backup remembers only a project the studio may read: a restore grants that path again.
        if (path !== undefined) await access.checkProject(path);
        const record = await backups.write(sessionId, { projectPath: path, savedStamp, text });
        return { id: sessionId, updatedAt: record.updatedAt };
      }),

    listBackups: () => settle(() => backups.list()),

    restoreBackup: (id) =>
      settle(async () => {
        const record = await backups.read(id);
        // The path was checked when the backup was written; restoring it is reopening that project.
        if (record.projectPath !== undefined && isAbsolute(record.projectPath) && PROJECT_FILE_NAME.test(record.projectPath)) {
          await access.grantProject(record.projectPath);
        }
        let loaded: LoadedDocument | undefined;
        let problem: CodedErrorData | undefined;
        try {
          loaded = loadDocument(record.text, record.projectPath);
        } catch (error) {
          // Work saved mid-edit may not validate; it is restored as text so nothing is lost.
          problem = toCodedError(error);
        }
        return projectState({ sessionId: id, path: record.projectPath, text: record.text, loaded, problem, stamp: record.savedStamp, dirty: true });
      }),

    discardBackup: (id) => settle(async () => ({ discarded: await backups.discard(id) })),

    checkDisk: (path, stamp) =>
      settle(async () => {
        // Same check as opening: no size, time or hash of a file outside the grants, not even whether it exists.
        const current = await readExisting(await access.checkProject(absolute(path)), path);
        if (!current) return { changed: true, missing: true };
        return { changed: !sameContent(current.stamp, stamp), missing: false, stamp: current.stamp };
      }),
  };
}
