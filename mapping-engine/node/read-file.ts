/**
 * File access for the engine's Node host. Every failure becomes a coded
 * `FILE_READ` / `FILE_WRITE` error naming the file, never a raw errno stack.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/**
 * Writes a file atomically: a temporary file beside the target, flushed to
 * disk, then renamed over it, so readers see the old or the new content and
 * never a half-written file. @throws MapwrightError `FILE_WRITE`
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new MapwrightError('FILE_WRITE', `cannot write ${path}: ${describeErrno(error)}`, { file: path });
  }
}
