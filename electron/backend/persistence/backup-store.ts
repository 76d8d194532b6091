/**
 * Backups of unsaved work: one JSON file per open project or untitled
 * session in a backup folder, rewritten after a short idle, listed at the
 * next start (so a crash loses at most the last second or two of edits) and
 * discarded once the work is saved or deliberately closed.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { MapwrightError } from '../../../mapping-engine/errors';
import { saveFileAtomic } from './atomic-save';
import type { DiskStamp } from './disk-stamp';

/** What one backup file holds. */
export interface BackupRecord {
  /** The project file the work belongs to; absent for an untitled project. */
  projectPath?: string;
  /** Stamp of the project file the unsaved work started from, to spot a file changed since. */
  savedStamp?: DiskStamp;
  /** The unsaved document text, exactly as the editor had it (it may be invalid mid-edit). */
  text: string;
  /** ISO time of the last write. */
  updatedAt: string;
}

/** One backup as listed at start. */
export interface BackupSummary {
  id: string;
  projectPath?: string;
  /** The document's name when its text says one, else the file name, else "Untitled". */
  name: string;
  updatedAt: string;
  /** Length of the text in characters. */
  size: number;
}

/** A backup id is a session id: path-safe by construction. */
export const BACKUP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const SUFFIX = '.backup.json';

const recordSchema = z.object({
  projectPath: z.string().optional(),
  savedStamp: z.object({ mtimeMs: z.number(), size: z.number(), sha256: z.string() }).optional(),
  text: z.string(),
  updatedAt: z.string(),
});

function fileOf(dir: string, id: string): string {
  // Checked here as well as in the contract: an id must never walk out of the folder.
  if (!BACKUP_ID_PATTERN.test(id)) throw new MapwrightError('USAGE', `invalid backup id "${id}"`, { expected: 'letters, digits, "-" or "_"' });
  return join(dir, `${id}${SUFFIX}`);
}

/** The name a user recognises a backup by. */
function displayName(record: BackupRecord): string {
  try {
    const name = (JSON.parse(record.text) as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim()) return name;
  } catch {
    // Unsaved text may be mid-edit and not parse; fall back to the file name.
  }
  return record.projectPath ? basename(record.projectPath) : 'Untitled';
}

/** The backup folder's operations. */
export interface BackupStore {
  /** Writes (replaces) the backup of session `id`; returns the stored record. */
  write(id: string, work: Omit<BackupRecord, 'updatedAt'>): Promise<BackupRecord>;
  /** Every readable backup, newest first; damaged files are skipped, never fatal. */
  list(): Promise<BackupSummary[]>;
  /** One backup. @throws MapwrightError `NOT_FOUND` or `FILE_READ` (damaged) */
  read(id: string): Promise<BackupRecord>;
  /** Removes a backup; false when there was none. */
  discard(id: string): Promise<boolean>;
}

/** Opens the backup store in `dir` (created on the first write). */
export function createBackupStore(dir: string, now: () => Date = () => new Date()): BackupStore {
  async function parse(file: string): Promise<BackupRecord> {
    const text = await readFile(file, 'utf8');
    const result = recordSchema.safeParse(JSON.parse(text));
    if (!result.success) throw new Error('not a backup record');
    return result.data;
  }

  return {
    async write(id, work) {
      const file = fileOf(dir, id);
      const record: BackupRecord = { ...work, updatedAt: now().toISOString() };
      await mkdir(dir, { recursive: true });
      await saveFileAtomic(file, JSON.stringify(record));
      return record;
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const summaries: BackupSummary[] = [];
      for (const name of names) {
        const id = name.slice(0, -SUFFIX.length);
        if (!name.endsWith(SUFFIX) || !BACKUP_ID_PATTERN.test(id)) continue;
        try {
          const record = await parse(join(dir, name));
          summaries.push({ id, projectPath: record.projectPath, name: displayName(record), updatedAt: record.updatedAt, size: record.text.length });
        } catch {
          // A damaged backup must not hide the others.
        }
      }
      return summaries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    },

    async read(id) {
      const file = fileOf(dir, id);
      try {
        return await parse(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MapwrightError('NOT_FOUND', `no backup "${id}"`, { file });
        throw new MapwrightError('FILE_READ', `backup "${id}" is damaged and cannot be restored`, { file, cause: error });
      }
    },

    async discard(id) {
      const file = fileOf(dir, id);
      try {
        await rm(file);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw new MapwrightError('FILE_WRITE', `cannot remove backup "${id}"`, { file, cause: error });
      }
    },
  };
}
