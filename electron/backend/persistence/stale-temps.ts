/**
 * Temp files left by killed saves. The atomic writer names its temp file
 * `.<name>.<pid>.<12 hex>.tmp` beside the target (mapping-engine/node/read-file.ts);
 * a process killed between writing it and the rename leaves it there for
 * ever. Opening or saving a project removes the stale ones of that project
 * (and of its `.bak`): those whose writer is gone, or that are old enough
 * that no save can still be writing them.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temp file older than this is stale even when its process id is in use again. */
export const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True while a process with this id runs (EPERM: it runs under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the stale temp files of `target` (a real path) and of its `.bak`.
 * Best effort: a file that cannot be listed or removed is left alone.
 * @returns the names removed
 */
export async function removeStaleTemps(target: string, now: number = Date.now()): Promise<string[]> {
  const folder = dirname(target);
  const name = escapeRegExp(basename(target));
  const pattern = new RegExp(`^\\.${name}(?:\\.bak)?\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of names) {
    const match = pattern.exec(entry);
    if (!match) continue;
    const pid = Number(match[1]);
    const path = join(folder, entry);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    // Our own temp files may belong to a save in progress; another live writer's too.
    const writerGone = pid !== process.pid && !processAlive(pid);
    if (!writerGone && now - info.mtimeMs < STALE_TEMP_AGE_MS) continue;
    try {
      await rm(path);
      removed.push(entry);
    } catch {
      // Someone else removed or renamed it meanwhile: nothing to do.
    }
  }
  return removed;
}
