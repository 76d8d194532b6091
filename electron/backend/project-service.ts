/**
 * The project-file methods of the studio backend (see
 * contract/methods/project-methods.ts): open with migrations, atomic save
 * with change detection, recent files, and backups of unsaved work. Plain
 * Node, so Electron, the web host and the tests run the same code.
 */
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { MapwrightError, toCodedError, type CodedErrorData } from '../../mapping-engine/errors';
import { CURRENT_FORMAT_VERSION, loadDocument, serializeDocument, type LoadedDocument } from '../../mapping-engine/document';
import type { ProjectState } from '../contract/methods/project-methods';
import type { projectMethods, StudioApiPart } from '../contract/studio-api';
import { saveFileAtomic } from './persistence/atomic-save';
import { createBackupStore } from './persistence/backup-store';
import { readStamped, sameContent, type DiskStamp, type StampedBytes } from './persistence/disk-stamp';
import { decodeProjectText, prepareForSave, refuseNewerOnDisk } from './persistence/project-text';
import { createRecentFiles } from './persistence/recent-files';
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

/** Reads a file and its stamp, as a coded error when it cannot be read (a missing file included). */
async function readExisting(path: string): Promise<StampedBytes | undefined> {
  try {
    return await readStamped(path);
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file: path, cause: error });
  }
}

/** Creates the project methods for one backend. */
export function createProjectService(options: StudioBackendOptions): StudioApiPart<keyof typeof projectMethods> {
  const settingsDir = options.settingsDir ?? defaultSettingsDir({ platform: options.platform, home: homedir(), env: process.env }, options.appName);
  const backups = createBackupStore(options.backupDir ?? defaultBackupDir(settingsDir));
  const recent = createRecentFiles(join(settingsDir, 'recent-files.json'));
  // Recent files and backup clean-up are conveniences: their failure must never fail an open or a save.
  const quietly = (work: Promise<unknown>) => work.catch(() => undefined);

  /** The one save path of save and save-as: validate, check the disk, write atomically with a .bak. */
  async function writeProject(path: string, text: string, sessionId: string | undefined, expectedStamp?: DiskStamp, force = false): Promise<ProjectState> {
    const prepared = prepareForSave(text, path);
    const current = await readExisting(path);
    if (current) {
      refuseNewerOnDisk(current.bytes, path);
      if (expectedStamp && !force && !sameContent(current.stamp, expectedStamp)) {
        throw new MapwrightError('DOC_CHANGED_ON_DISK', `${basename(path)} was changed by another program since it was opened`, {
          file: path,
          expected: 'reload it, or save again with force to overwrite',
        });
      }
    }
    const stamp = await saveFileAtomic(path, prepared.text, { backup: true });
    await quietly(recent.add(path));
    if (sessionId) await quietly(backups.discard(sessionId));
    await options.fileAccess?.grantProject(path);
    return projectState({ sessionId, path, text: prepared.text, loaded: prepared.loaded, stamp, dirty: false });
  }

  return {
    newProject: ({ name }) =>
      settle(async () => {
        const text = serializeDocument({ formatVersion: CURRENT_FORMAT_VERSION, name: name ?? 'Untitled mapping', source: { format: 'json' }, target: { format: 'json' } });
        return projectState({ text, loaded: loadDocument(text), dirty: false });
      }),

    openProject: (path) =>
      settle(async () => {
        const file = await readExisting(absolute(path));
        if (!file) throw new MapwrightError('FILE_READ', `cannot read ${path}: file not found`, { file: path });
        const original = decodeProjectText(file.bytes, path);
        const loaded = loadDocument(original, path);
        // Opening is the user's explicit choice of this project: the engine may now read beside it.
        await options.fileAccess?.grantProject(absolute(path));
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
        const record = await backups.write(sessionId, { projectPath: path, savedStamp, text });
        return { id: sessionId, updatedAt: record.updatedAt };
      }),

    listBackups: () => settle(() => backups.list()),

    restoreBackup: (id) =>
      settle(async () => {
        const record = await backups.read(id);
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
        const current = await readExisting(absolute(path));
        if (!current) return { changed: true, missing: true };
        return { changed: !sameContent(current.stamp, stamp), missing: false, stamp: current.stamp };
      }),
  };
}
