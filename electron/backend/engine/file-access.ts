/**
 * Which files the backend may read and write. The web host serves the same
 * methods over HTTP and a compromised renderer calls them over IPC, so a path
 * argument must never turn the backend into a reader or writer of arbitrary
 * files (`~/.ssh/id_rsa`, `~/.bashrc`). The rule, from
 * docs/security.md ("Who may touch which file"):
 *
 * - Grants come from a user's gesture only; hosts call `grant*` for them:
 *   opening a project ({@link FileAccess.grantProject}) grants the project
 *   file and its folder; a Save As place grants that one file
 *   ({@link FileAccess.grantFile} with `write`); a picked sample grants that
 *   file for reading. Read-only roots (the bundled samples) are readable.
 * - A project the backend saved in this session into a folder nobody opened
 *   does NOT grant that folder when it is opened again from the recent list:
 *   a planted `~/.ssh/x.mapwright.json` must not make `id_rsa` readable. Only
 *   an explicit open gesture (`chosenInDialog`) grants its folder.
 * - Every check resolves `..` and symbolic links (realpath) first and refuses
 *   with `ACCESS_DENIED` without saying whether the file exists: the refusal
 *   is decided before the file is looked at.
 * - Reads accept regular files only (`FILE_READ` for devices, FIFOs,
 *   sockets and folders); writes need a write grant, a fitting name, and
 *   never touch a protected file (a file the project references).
 */
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';

/** A project file name: the only name a project is written under unless the user chose another in a native dialog. */
export const PROJECT_FILE_NAME = /\.mapwright\.json$/i;

/** Options of {@link FileAccess.grantFile}. */
export interface FileGrantOptions {
  /** The file may be written (a Save As place, an export target). */
  write?: boolean;
  /** The user typed or chose this exact name in a native dialog: the name rule of {@link WriteRule} is waived. */
  anyName?: boolean;
  /** The grant comes from saving there (not opening): see {@link FileAccess.grantProject}. */
  saveTarget?: boolean;
}

/** Options of {@link FileAccess.grantProject}. */
export interface ProjectGrantOptions {
  /**
   * The user opened this project through an explicit open gesture (native or
   * studio Open dialog, a drop, the command line): its folder is granted even
   * when this session saved the file. A recent-files entry passes false.
   */
  chosenInDialog?: boolean;
}

/** What a write must satisfy besides its grant. */
export interface WriteRule {
  /** The name a new file (or one inside a granted folder) must have, e.g. {@link PROJECT_FILE_NAME} or `/\.xlsx$/`. */
  name?: RegExp;
  /** Files this write must never replace (the project's references, the project file for an export); any paths, resolved here. */
  protect?: readonly string[];
  /** How the refused path is named in the error; `path` as given when absent. */
  shownAs?: string;
}

/**
 * The backend's register of grants. Hosts call the `grant*` methods after a
 * user's explicit choice; services call the `check*` methods before touching
 * a file and use the real path they return.
 */
export interface FileAccess {
  /**
   * Trusts a folder: files below it may be read; with `write`, new files with a
   * fitting name may be created and such files replaced.
   */
  grantFolder(dir: string, options?: { write?: boolean }): Promise<void>;
  /** Trusts one file the user picked (read), or chose as a place to save (`write`). */
  grantFile(file: string, options?: FileGrantOptions): Promise<void>;
  /**
   * The user opened this project: the file may be read and saved (unless it
   * lies in a read-only root) and its folder read, with new project files,
   * exports and imported samples created in it. A project this session only
   * saved gets its folder only with `chosenInDialog` (see the file comment).
   * Nothing is granted unless `projectPath` is an existing regular
   * `*.mapwright.json` file (after following links).
   */
  grantProject(projectPath: string, options?: ProjectGrantOptions): Promise<void>;
  /**
   * The real path of a project file the backend may read.
   * @throws MapwrightError `ACCESS_DENIED` (also for a missing file outside the grants) or `USAGE` (not absolute)
   */
  checkProject(projectPath: string): Promise<string>;
  /**
   * The real path of a regular file the backend may read, `file` resolved
   * against the project's folder when relative (the project is checked first).
   * @throws MapwrightError `ACCESS_DENIED`, `USAGE`, or `FILE_READ` (missing or not a regular file, inside the grants only)
   */
  checkRead(file: string, projectPath?: string): Promise<string>;
  /**
   * The real path `path` may be written at (a symlink resolved to its target, as
   * the atomic writer does).
   * @throws MapwrightError `ACCESS_DENIED` or `USAGE`
   */
  checkWrite(path: string, rule?: WriteRule): Promise<string>;
  /** True when `path` may be read, without throwing (for listings such as the recent files). */
  canRead(path: string): Promise<boolean>;
}

/** True when `child` is `parent` or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** The real path of `path`; for a missing file, its real folder plus its name (a missing folder: lexical). */
export async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return resolve(await realpath(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Where a write to `path` lands: through a (possibly dangling) symlink to its target, like the atomic writer. */
async function writeTargetOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      const info = await lstat(path);
      if (info.isSymbolicLink()) return realPathOf(resolve(dirname(path), await readlink(path)));
    } catch {
      // Not there at all: a new file.
    }
    return realPathOf(path);
  }
}

/** The one refusal: the same words whether the file exists or not. */
export function accessDenied(shownAs: string, action: 'read' | 'write'): MapwrightError {
  return new MapwrightError('ACCESS_DENIED', `${shownAs}: the studio may not ${action} this file`, {
    file: shownAs,
    expected:
      action === 'read'
        ? 'a file inside a project folder you opened, or a file you picked in the studio'
        : 'a place you chose in Save As, or a project file name inside a project folder you opened',
  });
}

function requireAbsolute(path: string): void {
  if (!isAbsolute(path)) throw new MapwrightError('USAGE', `not an absolute path: ${path}`, { file: path, expected: 'an absolute path' });
}

/** Stats a granted file; only a regular file passes. @throws MapwrightError `FILE_READ` */
async function requireRegularFile(path: string, shownAs: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new MapwrightError('FILE_READ', `cannot read ${shownAs}: ${why}`, { file: shownAs });
  }
  if (!info.isFile()) {
    throw new MapwrightError('FILE_READ', `cannot read ${shownAs}: not a regular file`, { file: shownAs, expected: 'a regular file (not a folder, device, FIFO or socket)' });
  }
}

interface FileGrant {
  write: boolean;
  anyName: boolean;
  saveTarget: boolean;
}

/**
 * Creates the register.
 * @param readOnlyRoots folders readable but never written (the bundled samples)
 * @param openFolders folders granted from the start as if the user had opened a project in each (a host's configured workspace, tests)
 */
export function createFileAccess(readOnlyRoots: readonly string[], openFolders: readonly string[] = []): FileAccess {
  const files = new Map<string, FileGrant>();
  const folders = new Map<string, { write: boolean }>();
  let realRoots: Promise<string[]> | undefined;
  // Resolved on first use, so creating the register stays synchronous.
  let initialFolders: Promise<void> | undefined;
  const roots = (): Promise<string[]> => {
    initialFolders ??= Promise.all(openFolders.map(async (dir) => folders.set(await realPathOf(dir), { write: true }))).then(() => undefined);
    realRoots ??= Promise.all(readOnlyRoots.map(realPathOf));
    return initialFolders.then(() => realRoots as Promise<string[]>);
  };
  const inRoots = async (path: string): Promise<boolean> => (await roots()).some((root) => isInside(path, root));
  const folderGrant = (path: string, write: boolean): boolean =>
    [...folders].some(([folder, grant]) => (!write || grant.write) && isInside(path, folder));

  async function readable(path: string): Promise<boolean> {
    // inRoots first: it also settles the initial folders before they are consulted.
    return (await inRoots(path)) || files.has(path) || folderGrant(path, false);
  }

  async function grantFile(file: string, options: FileGrantOptions = {}): Promise<void> {
    requireAbsolute(file);
    const path = await writeTargetOf(file);
    const before = files.get(path);
    files.set(path, {
      write: Boolean(options.write) || Boolean(before?.write),
      anyName: Boolean(options.anyName) || Boolean(before?.anyName),
      // Once opened with a folder grant, it is no longer "only saved".
      saveTarget: before ? before.saveTarget && Boolean(options.saveTarget) : Boolean(options.saveTarget),
    });
  }

  async function checkProject(projectPath: string): Promise<string> {
    requireAbsolute(projectPath);
    const path = await realPathOf(projectPath);
    // The name rule applies to the real file too: a link named *.mapwright.json to id_rsa is no project.
    if (!PROJECT_FILE_NAME.test(projectPath) || !PROJECT_FILE_NAME.test(path) || !(await readable(path))) throw accessDenied(projectPath, 'read');
    return path;
  }

  return {
    async grantFolder(dir, options = {}) {
      requireAbsolute(dir);
      const path = await realPathOf(dir);
      folders.set(path, { write: Boolean(options.write) || Boolean(folders.get(path)?.write) });
    },

    grantFile,

    async grantProject(projectPath, options = {}) {
      requireAbsolute(projectPath);
      const path = await writeTargetOf(projectPath);
      // Only a project that is there grants its folder: "opening" /etc/x.mapwright.json grants nothing.
      if (!PROJECT_FILE_NAME.test(path) || !(await stat(path).then((info) => info.isFile(), () => false))) return;
      const readOnly = await inRoots(path);
      const onlySaved = files.get(path)?.saveTarget === true && !folderGrant(path, false);
      if (onlySaved && !options.chosenInDialog) return;
      await grantFile(path, { write: !readOnly });
      const folder = dirname(path);
      folders.set(folder, { write: !readOnly || Boolean(folders.get(folder)?.write) });
    },

    checkProject,

    async checkRead(file, projectPath) {
      const project = projectPath === undefined ? undefined : await checkProject(projectPath);
      if (!isAbsolute(file) && !project) throw new MapwrightError('USAGE', `a relative path needs a project: ${file}`, { expected: 'an absolute path' });
      const path = await realPathOf(project && !isAbsolute(file) ? resolve(dirname(project), file) : file);
      if (!(await readable(path))) throw accessDenied(file, 'read');
      await requireRegularFile(path, file);
      return path;
    },

    async checkWrite(file, rule = {}) {
      requireAbsolute(file);
      const shownAs = rule.shownAs ?? file;
      const path = await writeTargetOf(file);
      const readOnly = await inRoots(path);
      const grant = files.get(path);
      const named = rule.name === undefined || rule.name.test(basename(path));
      const allowed = (grant?.write === true && (grant.anyName || named)) || (named && folderGrant(path, true));
      if (!allowed || readOnly) throw accessDenied(shownAs, 'write');
      const protectedPaths = await Promise.all((rule.protect ?? []).map(realPathOf));
      if (protectedPaths.includes(path)) {
        throw new MapwrightError('ACCESS_DENIED', `${shownAs}: the project uses this file; it is not overwritten`, {
          file: shownAs,
          expected: 'a file name the project does not refer to',
        });
      }
      // Never a folder, device or FIFO, even inside the grants.
      const info = await stat(path).catch(() => undefined);
      if (info && !info.isFile()) throw accessDenied(shownAs, 'write');
      return path;
    },

    async canRead(path) {
      return isAbsolute(path) && readable(await realPathOf(path));
    },
  };
}
