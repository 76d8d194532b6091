/**
 * Contract section: project files (new, open, save, save-as, recent files,
 * backups and restore, changes on disk). Joined into `studioContract`.
 *
 * A project crosses the boundary as its TEXT plus what the UI needs around it
 * (where it lives, the stamp it was read with, whether it may be saved). The
 * renderer parses and validates that text with the engine's own schema; the
 * backend validates it again before every save, so an invalid document is
 * never written, whatever the renderer sends.
 */
import { CodedErrorSchema } from '../coded-error-schema';
import { z } from 'zod';
import { mappingDocumentSchema } from '../../../mapping-engine/document/document-schema';

/** Longest path accepted (Windows long paths stay well below this). */
export const MAX_PATH_LENGTH = 4096;
/** Largest project text accepted (a project holds rules and layout, not payloads). */
export const MAX_PROJECT_TEXT = 32 * 1024 * 1024;

/** An absolute file path: POSIX `/...`, Windows `C:\...` or a UNC `\\server\...`; never a NUL byte. */
export const AbsolutePathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((p) => !p.includes('\0'), 'a path must not contain a NUL character')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'an absolute path');

/** How a project file looked on disk when it was read or written (see persistence/disk-stamp.ts). */
export const DiskStampSchema = z.object({
  mtimeMs: z.number(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'),
});

/** Identifies one open project (or untitled window) for its backups; path-safe. */
export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" or "_", at most 64');

/** A project's document text. */
export const ProjectTextSchema = z.string().max(MAX_PROJECT_TEXT);


/** An open project as the UI holds it. */
export const ProjectStateSchema = z.object({
  /** Key of this project's unsaved-work backup; pass it back to backupUnsaved and saveProject. */
  sessionId: SessionIdSchema,
  /** The project file; absent while untitled. */
  path: AbsolutePathSchema.optional(),
  /** For the title bar: the file name, or the document's name while untitled. */
  name: z.string(),
  /** The document text the editor starts from (after a migration: the migrated text). */
  text: ProjectTextSchema,
  /** The parsed document; absent only for restored work whose text does not validate yet. */
  document: mappingDocumentSchema.optional(),
  /** Why `document` is absent (restored text that is invalid), with line and column. */
  problem: CodedErrorSchema.optional(),
  /** The file's stamp as read or written; send it back as `expectedStamp` when saving. */
  stamp: DiskStampSchema.optional(),
  /** True for a file from a newer Mapwright: it may be viewed, never saved (DOC_READ_ONLY). */
  readOnly: z.boolean(),
  /** Why it is read-only (DOC_NEWER_VERSION), for the UI to show. */
  notice: CodedErrorSchema.optional(),
  /** The older format version the file was migrated from; the migration is unsaved until the user saves. */
  migratedFrom: z.number().int().nonnegative().optional(),
  /** True when `text` differs from the file (a migration, restored work). */
  dirty: z.boolean(),
});

/** Arguments of `saveProject`. */
export const SaveProjectArgsSchema = z.object({
  /** Where to save; absent for an untitled project, which is refused (USAGE: use saveProjectAs). */
  path: AbsolutePathSchema.optional(),
  text: ProjectTextSchema,
  /** The stamp the project was opened or last saved with; a different file on disk is DOC_CHANGED_ON_DISK. */
  expectedStamp: DiskStampSchema.optional(),
  /** Overwrite although the file changed on disk (the user chose to). */
  force: z.boolean().optional(),
  /** The session whose backup is discarded once saved. */
  sessionId: SessionIdSchema.optional(),
});

/** Arguments of `saveProjectAs`: a new place, chosen by the user (who has confirmed any overwrite). */
export const SaveProjectAsArgsSchema = z.object({
  path: AbsolutePathSchema,
  text: ProjectTextSchema,
  sessionId: SessionIdSchema.optional(),
});

/** Arguments of `backupUnsaved`. */
export const BackupUnsavedArgsSchema = z.object({
  sessionId: SessionIdSchema,
  path: AbsolutePathSchema.optional(),
  text: ProjectTextSchema,
  /** The stamp the unsaved work started from, so a restore can still detect a changed file. */
  savedStamp: DiskStampSchema.optional(),
});

/** One entry of `listRecent()`. */
export const RecentFileSchema = z.object({ path: AbsolutePathSchema, name: z.string() });

/** One entry of `listBackups()`, newest first: unsaved work left by a crash or a closed window. */
export const BackupSummarySchema = z.object({
  id: SessionIdSchema,
  projectPath: AbsolutePathSchema.optional(),
  name: z.string(),
  updatedAt: z.string(),
  size: z.number().int().nonnegative(),
});

/** Result of `checkDisk(path, stamp)`. */
export const DiskCheckSchema = z.object({
  /** True when the file's content is not the stamped one any more (or the file is gone). */
  changed: z.boolean(),
  /** True when the file no longer exists. */
  missing: z.boolean(),
  /** The file's current stamp, when it exists. */
  stamp: DiskStampSchema.optional(),
});

/** The project methods. */
export const projectMethods = {
  newProject: { args: z.tuple([z.object({ name: z.string().min(1).max(200).optional() })]), result: ProjectStateSchema },
  openProject: { args: z.tuple([AbsolutePathSchema]), result: ProjectStateSchema },
  saveProject: { args: z.tuple([SaveProjectArgsSchema]), result: ProjectStateSchema },
  saveProjectAs: { args: z.tuple([SaveProjectAsArgsSchema]), result: ProjectStateSchema },
  listRecent: { args: z.tuple([]), result: z.array(RecentFileSchema) },
  backupUnsaved: { args: z.tuple([BackupUnsavedArgsSchema]), result: z.object({ id: SessionIdSchema, updatedAt: z.string() }) },
  listBackups: { args: z.tuple([]), result: z.array(BackupSummarySchema) },
  restoreBackup: { args: z.tuple([SessionIdSchema]), result: ProjectStateSchema },
  discardBackup: { args: z.tuple([SessionIdSchema]), result: z.object({ discarded: z.boolean() }) },
  checkDisk: { args: z.tuple([AbsolutePathSchema, DiskStampSchema]), result: DiskCheckSchema },
} as const;

/** An open project as the UI holds it. */
export type ProjectState = z.infer<typeof ProjectStateSchema>;
/** A stamp as it crosses the contract. */
export type DiskStampData = z.infer<typeof DiskStampSchema>;
/** One recent file. */
export type RecentFileEntry = z.infer<typeof RecentFileSchema>;
/** One backup of unsaved work. */
export type BackupSummaryEntry = z.infer<typeof BackupSummarySchema>;
