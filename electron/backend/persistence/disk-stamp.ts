/**
 * A fingerprint of a file as this process last saw it, to notice when another
 * program changed the project behind the studio's back. The content hash
 * decides; modification time and size only describe the change to the user,
 * because a `touch` or a copy alters the time without altering the content.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';

/** How a file looked on disk when it was read or written. */
export interface DiskStamp {
  /** Modification time in milliseconds since the epoch. */
  mtimeMs: number;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the content, lower-case hex. */
  sha256: string;
}

/** SHA-256 of bytes or of a string's UTF-8 encoding, as lower-case hex. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The stamp of `content` just written to `path` (time and size read back from the file). */
export async function stampAfterWrite(path: string, content: string | Uint8Array): Promise<DiskStamp> {
  const info = await stat(path);
  return { mtimeMs: info.mtimeMs, size: info.size, sha256: sha256Hex(content) };
}

/** A file's bytes together with their stamp, read through one handle so both describe the same file. */
export interface StampedBytes {
  bytes: Uint8Array;
  stamp: DiskStamp;
}

/**
 * Reads `path` and stamps it; `undefined` when the file does not exist (a
 * deleted project is a change the caller reports, not a failure).
 * Other errors (permissions, a folder) are thrown as they come.
 */
export async function readStamped(path: string): Promise<StampedBytes | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const info = await handle.stat();
    const bytes = new Uint8Array(await handle.readFile());
    return { bytes, stamp: { mtimeMs: info.mtimeMs, size: bytes.length, sha256: sha256Hex(bytes) } };
  } finally {
    await handle.close();
  }
}

/** True when two stamps describe the same content (the hash decides, see the file comment). */
export function sameContent(a: DiskStamp, b: DiskStamp): boolean {
  return a.size === b.size && a.sha256 === b.sha256;
}
