/**
 * The recent-files list: a small JSON file in the settings folder, most
 * recent first, at most {@link MAX_RECENT} entries. Files that no longer
 * exist are left out when the list is read, so the menu never offers a dead
 * entry; the stored list is rewritten atomically on every change.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { saveFileAtomic } from './atomic-save';

/** How many recent files are kept. */
export const MAX_RECENT = 10;

/** One entry of the recent-files list. */
export interface RecentFile {
  path: string;
  /** The file name, for the menu. */
  name: string;
}

/** The recent-files list's operations. */
export interface RecentFiles {
  /** Existing files, most recent first. */
  list(): Promise<RecentFile[]>;
  /** Moves (or adds) `path` to the top. */
  add(path: string): Promise<void>;
  /** Drops `path` from the list. */
  remove(path: string): Promise<void>;
}

const storedSchema = z.object({ files: z.array(z.string()) });

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Opens the list stored in `file` (e.g. `<settings>/recent-files.json`). */
export function createRecentFiles(file: string, max = MAX_RECENT): RecentFiles {
  // Changes run one after another: two saves at once must not drop each other's entry.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<string[]> {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data.files : [];
    } catch {
      // Missing or damaged: the list is a convenience, so it starts empty rather than failing.
      return [];
    }
  }

  function update(change: (files: string[]) => string[]): Promise<void> {
    const next = queue.then(async () => {
      const files = change(await load()).slice(0, max);
      await mkdir(dirname(file), { recursive: true });
      await saveFileAtomic(file, `${JSON.stringify({ files }, null, 2)}\n`);
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async list() {
      await queue;
      const files = await load();
      const present = await Promise.all(files.map(isFile));
      return files.filter((_, i) => present[i]).map((path) => ({ path, name: basename(path) }));
    },
    add: (path) => update((files) => [path, ...files.filter((p) => p !== path)]),
    remove: (path) => update((files) => files.filter((p) => p !== path)),
  };
}
