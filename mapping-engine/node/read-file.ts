/**
 * File access for the engine's Node host. Every failure becomes a coded
 * `FILE_READ` / `FILE_WRITE` error naming the file, never a raw errno stack.
 */
import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chmod, lstat, open, readFile, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MapwrightError } from '../errors';

function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Reads a whole file as bytes. @throws MapwrightError `FILE_READ` */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${describeErrno(error)}`, { file: path });
  }
}

/** Streams a file as byte chunks, for record-by-record readers. @throws MapwrightError `FILE_READ` */
export async function* fileChunks(path: string, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: chunkSize });
  try {
    for await (const chunk of stream) yield new Uint8Array(chunk as Buffer);
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${path}: ${describeErrno(error)}`, { file: path });
  } finally {
    stream.destroy();
  }
}

/** What {@link replaceFileAtomic} may do between writing the temp file and renaming it. */
export interface ReplaceFileOptions {
  /**
   * Runs once the new content is safely on disk beside the target, just
   * before the rename, with the real (symlink-resolved) target path: the
   * place to keep a copy of the previous content.
   */
  beforeReplace?: (target: string) => Promise<void>;
}

/** Errno codes a rename on Windows gives while a virus scanner or indexer holds the file for a moment. */
const TRANSIENT_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * The file a write to `path` must replace: through a symlink to its target,
 * so the link survives and keeps pointing at the new content. A path that
 * does not exist yet is written as given (or where its dangling link points).
 */
async function writeTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    try {
      const info = await lstat(path);
      if (info.isSymbolicLink()) return resolve(dirname(path), await readlink(path));
    } catch {
      // Not there at all: a new file.
    }
    return resolve(path);
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !TRANSIENT_RENAME.has(code) || attempt >= 10) throw error;
      await new Promise((done) => setTimeout(done, 20 * (attempt + 1)));
    }
  }
}

/** Flushes the directory entry of the rename; not every platform can open a folder for that (Windows), which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // The rename itself is done; only its durability after a power cut is best effort here.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Permission bits of an existing file, so a save does not reset them to the default. */
async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * The one atomic write of the Node host: a uniquely named temp file in the
 * target's folder (same file system, so the rename is atomic), written and
 * fsynced, then renamed over the real target (symlinks resolved), then the
 * folder fsynced. A process killed at any moment leaves the old or the new
 * file, never a truncated one; on failure the temp file is removed.
 * @returns the real path that was replaced
 * @throws MapwrightError `FILE_WRITE`
 */
export async function replaceFileAtomic(path: string, content: string | Uint8Array, options: ReplaceFileOptions = {}): Promise<string> {
  let temp: string | undefined;
  try {
    const target = await writeTarget(path);
    // Hidden and ending in .tmp, so a leftover after a kill is never mistaken for the file itself.
    temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const mode = await modeOf(target);
    const handle = await open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode).catch(() => undefined);
    await options.beforeReplace?.(target);
    await renameWithRetry(temp, target);
    temp = undefined;
    await syncDirectory(dirname(target));
    return target;
  } catch (error) {
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof MapwrightError) throw error;
    // "file not found" would send the user looking for the file they are creating: it is the folder that is missing.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await isFolder(dirname(resolve(path))))) {
      throw new MapwrightError('FILE_WRITE', `cannot write ${path}: the folder ${dirname(resolve(path))} does not exist`, { file: path, expected: 'an existing folder (create it first)', cause: error });
    }
    throw new MapwrightError('FILE_WRITE', `cannot write ${path}: ${describeErrno(error)}`, { file: path, cause: error });
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/**
 * Writes a file atomically: a temporary file beside the target, flushed to
 * disk, then renamed over it, so readers see the old or the new content and
 * never a half-written file. @throws MapwrightError `FILE_WRITE`
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await replaceFileAtomic(path, content);
}
