/**
 * Which files the engine methods may read and write. The web host serves the
 * same methods over HTTP, so a path argument must never turn the backend into
 * a reader of arbitrary files (`/etc/passwd`, `~/.ssh/id_rsa`).
 *
 * The rule (decided here, tested in file-access.test.ts):
 * - A PROJECT path is accepted when it is a `*.mapwright.json` file inside a
 *   trusted root (the samples folder, folders the host configured) or a
 *   project the host granted (one the user opened or created through a native
 *   dialog or the recent list).
 * - A FILE is readable when it lies inside the folder of an accepted project,
 *   inside a trusted root, or was granted (the user picked it in a dialog).
 * - Symbolic links are resolved first, so a link inside a project folder that
 *   points outside it is refused like the target itself.
 * Refusals are `ACCESS_DENIED`, naming the path as given.
 */
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';

/** The backend's register of trusted places; hosts call `grant*` after a user's explicit choice. */
export interface FileAccess {
  /** Trusts one project file (and so its folder). */
  grantProject(projectPath: string): Promise<void>;
  /** Trusts one file the user picked. */
  grantFile(file: string): Promise<void>;
  /**
   * The real path of a project the engine may use.
   * @throws MapwrightError `ACCESS_DENIED` or `USAGE`
   */
  checkProject(projectPath: string): Promise<string>;
  /**
   * The real path of a file the engine may read for the project at `projectPath`
   * (already checked), resolving `file` against the project folder when relative.
   * @throws MapwrightError `ACCESS_DENIED` or `FILE_READ` (missing file)
   */
  checkRead(file: string, projectPath?: string): Promise<string>;
}

/** True when `child` is `parent` or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** The real path of `path`; for a missing file, its real folder plus its name. */
async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return resolve(await realpath(dirname(path)), relative(dirname(path), path));
    } catch {
      return resolve(path);
    }
  }
}

function denied(path: string, why: string): MapwrightError {
  return new MapwrightError('ACCESS_DENIED', `${path}: ${why}`, {
    file: path,
    expected: 'a file inside the project folder, a samples folder, or a file picked in the studio',
  });
}

/**
 * Creates the register.
 * @param roots trusted folders (the samples folder, a configured workspace)
 */
export function createFileAccess(roots: readonly string[]): FileAccess {
  const projects = new Set<string>();
  const files = new Set<string>();
  let realRoots: Promise<string[]> | undefined;
  const trustedRoots = (): Promise<string[]> => (realRoots ??= Promise.all(roots.map(real)));
  const inRoots = async (path: string): Promise<boolean> => (await trustedRoots()).some((root) => isInside(path, root));

  async function checkProject(projectPath: string): Promise<string> {
    if (!isAbsolute(projectPath)) throw new MapwrightError('USAGE', `project path must be absolute: ${projectPath}`, { expected: 'an absolute path' });
    if (!/\.mapwright\.json$/i.test(projectPath)) throw denied(projectPath, 'not a *.mapwright.json project file');
    const path = await real(projectPath);
    if (!/\.mapwright\.json$/i.test(path)) throw denied(projectPath, 'links to a file that is not a project');
    if (projects.has(path) || (await inRoots(path))) return path;
    throw denied(projectPath, 'not a project the studio opened');
  }

  return {
    async grantProject(projectPath) {
      projects.add(await real(projectPath));
    },
    async grantFile(file) {
      files.add(await real(file));
    },
    checkProject,
    async checkRead(file, projectPath) {
      const project = projectPath === undefined ? undefined : await checkProject(projectPath);
      if (!isAbsolute(file) && !project) throw new MapwrightError('USAGE', `a relative path needs a project: ${file}`, { expected: 'an absolute path' });
      const path = await real(project && !isAbsolute(file) ? resolve(dirname(project), file) : file);
      if (files.has(path) || (project && isInside(path, dirname(project))) || (await inRoots(path))) return path;
      throw denied(file, 'outside the project folder and not picked by the user');
    },
  };
}
