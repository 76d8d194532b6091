/**
 * Writing several files as one step: a new project (its masked samples, its
 * schemas and the project file) or a Save As copy (the files the project
 * refers to) must never stay half-made. Each file is written atomically, and
 * when a later one fails, everything written so far is undone: new files are
 * removed, replaced files get their previous content back, folders this step
 * created are removed when empty. A project therefore never points at files
 * that are missing.
 */
import { lstat, mkdir, readFile, realpath, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { replaceFileAtomic } from '../../../mapping-engine/node/read-file';
import { isInside } from '../engine/file-access';

/**
 * File names a project may keep beside itself and the studio may create there:
 * data and schema files only, never hidden ones, so a copy can never become a
 * shell profile, a script or a key file.
 */
export const DATA_FILE_NAME = /^[^.][^/\\]*\.(json|jsonl|ndjson|geojson|xml|xsd|wsdl|csv|tsv|tab|psv|txt|ya?ml)$/i;

/** True when `relativePath` (forward slashes, inside the project) is a visible data file. */
export function isDataPath(relativePath: string): boolean {
  const names = relativePath.split('/');
  return names.every((name) => name !== '' && !name.startsWith('.')) && DATA_FILE_NAME.test(names[names.length - 1] ?? '');
}

/** True when a file (of any kind) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** One file of a set: its absolute place and its content. */
export interface PlannedFile {
  path: string;
  content: Uint8Array | string;
}

/** Files written as one step, inside one project folder; {@link FileSet.undo} takes them back. */
export class FileSet {
  /** @param folder the project folder (real path): every file must land inside it, through no link. */
  constructor(private readonly folder: string) {}

  private readonly created: string[] = [];
  private readonly replaced: { path: string; previous: Uint8Array }[] = [];
  private readonly folders: string[] = [];

  /** Every file this set wrote, in order. */
  get written(): string[] {
    return [...this.created, ...this.replaced.map((entry) => entry.path)];
  }

  /** Makes `folder` (and its parents), remembering which ones this set created. */
  async ensureFolder(folder: string): Promise<void> {
    try {
      const first = await mkdir(folder, { recursive: true });
      if (first !== undefined) {
        // mkdir reports the top-most folder it made; every folder from there down to `folder` is new.
        for (let at = folder; at.length >= first.length; at = dirname(at)) {
          this.folders.push(at);
          if (at === first) break;
        }
      }
    } catch (error) {
      throw new MapwrightError('FILE_WRITE', `cannot create the folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { file: folder, cause: error });
    }
  }

  /**
   * Writes one file atomically. A file already there is replaced only with
   * `replace` (its content is kept in memory to be put back on {@link undo}).
   * @throws MapwrightError `FILE_EXISTS`, `FILE_WRITE`
   */
  async write(file: PlannedFile, options: { replace?: boolean; shownAs?: string } = {}): Promise<void> {
    await this.prepare(file.path, options.shownAs);
    let previous: Uint8Array | undefined;
    if (await exists(file.path)) {
      if (!options.replace) throw fileExists([options.shownAs ?? file.path]);
      previous = await readFile(file.path);
    }
    await replaceFileAtomic(file.path, file.content);
    if (previous === undefined) this.created.push(file.path);
    else this.replaced.push({ path: file.path, previous });
  }

  /**
   * Makes the folder of `path` and checks that a file written there lands in
   * the project folder: no folder on the way links out of it, `path` is not
   * itself a link (the atomic writer would replace the link's target), and
   * its name is a visible data file's ({@link DATA_FILE_NAME}).
   * @throws MapwrightError `ACCESS_DENIED`, `FILE_WRITE`
   */
  async prepare(path: string, shownAs = basename(path)): Promise<void> {
    await this.ensureFolder(dirname(path));
    const landing = await realpath(dirname(path)).catch(() => dirname(path));
    const link = await lstat(path).then((info) => info.isSymbolicLink(), () => false);
    if (link || !isInside(landing, this.folder) || !DATA_FILE_NAME.test(basename(path))) {
      throw new MapwrightError('ACCESS_DENIED', `${shownAs}: the studio may not write this file`, { file: shownAs, expected: 'a file inside the project folder, not through a link' });
    }
  }

  /** Records a file written by someone else for this set (the engine host's masked copy). */
  adopt(path: string): void {
    this.created.push(path);
  }

  /** Puts everything back as it was; never throws (it runs while another error is reported). */
  async undo(): Promise<void> {
    for (const path of this.created.splice(0).reverse()) await rm(path, { force: true }).catch(() => undefined);
    for (const { path, previous } of this.replaced.splice(0).reverse()) await replaceFileAtomic(path, previous).catch(() => undefined);
    // Deepest first; a folder that holds anything else stays.
    for (const folder of this.folders.splice(0).sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => undefined);
  }
}

/**
 * The refusal the UI turns into a question ("Replace these files?"). The
 * files are named relative to the project folder, in `expected`, one per line.
 */
export function fileExists(shownAs: string[]): MapwrightError {
  const list = shownAs.slice(0, 20).join('\n') + (shownAs.length > 20 ? `\n… and ${shownAs.length - 20} more` : '');
  return new MapwrightError('FILE_EXISTS', `${shownAs.length === 1 ? `${shownAs[0]} already exists` : `${shownAs.length} files already exist`}; nothing was written`, {
    file: shownAs[0],
    expected: list,
  });
}
