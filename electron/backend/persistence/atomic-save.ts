/**
 * Saving a project without ever losing it: the engine host's one atomic
 * replace (temp file, fsync, rename, folder fsync, symlinks kept) plus a
 * `.bak` of the previous content and a {@link DiskStamp} of what was written.
 */
import { lstat, readFile, rm } from 'node:fs/promises';
import { replaceFileAtomic } from '../../../mapping-engine/node/read-file';
import { stampAfterWrite, type DiskStamp } from './disk-stamp';

/** Options of {@link saveFileAtomic}. */
export interface SaveFileOptions {
  /**
   * Keep the previous content as `<file>.bak` beside the real file (one
   * generation: each save replaces the last `.bak`). The `.bak` is itself
   * written atomically, so a kill never leaves a truncated backup either.
   */
  backup?: boolean;
}

/** Suffix of the previous-content copy. */
export const BACKUP_SUFFIX = '.bak';

/**
 * Copies the current content of `target` to `target.bak`. Runs after the new
 * content is safely in its temp file and before the rename, so at every
 * moment one complete copy of the old content exists.
 */
async function keepPrevious(target: string): Promise<void> {
  let previous: Buffer;
  try {
    previous = await readFile(target);
  } catch (error) {
    // First save of a new file: there is nothing to keep.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const backup = `${target}${BACKUP_SUFFIX}`;
  // The .bak is the studio's own file beside the project: a symbolic link planted under its name is
  // replaced, never written through (it could point at ~/.bashrc; the old project text would land there).
  if ((await lstat(backup).catch(() => undefined))?.isSymbolicLink()) await rm(backup);
  await replaceFileAtomic(backup, previous);
}

/**
 * Writes `data` to `path` atomically. A symlinked `path` keeps its link and
 * the file it points to is replaced. On any failure the old file is intact
 * and the temp file is removed.
 * @returns the stamp of the written file, for later change detection
 * @throws MapwrightError `FILE_WRITE`
 */
export async function saveFileAtomic(path: string, data: string | Uint8Array, options: SaveFileOptions = {}): Promise<DiskStamp> {
  const target = await replaceFileAtomic(path, data, options.backup ? { beforeReplace: keepPrevious } : {});
  return stampAfterWrite(target, data);
}
