/**
 * Contract section: exporting a project as a mapping spec (xlsx, csv, md,
 * html), a .jsonata file or the document itself. Joined into `studioContract`.
 *
 * The studio's document may be unsaved, so a request can carry its `text`:
 * it is exported as if saved at `projectPath` (lookup tables, schemas and
 * test files resolve next to the project, through the backend's file-access
 * register). `exportSpec` returns the content for the renderer to offer as a
 * download; `exportSpecToFile` writes it where the host let the user choose.
 */
import { z } from 'zod';
import { ProjectPathSchema } from './engine-methods';

/** The export kinds, as `mapwright export --spec` names them. */
export const ExportKindSchema = z.enum(['xlsx', 'csv', 'md', 'html', 'jsonata', 'document']);

/** Largest export in bytes: a spec is small, so anything bigger is refused (`LIMIT_EXCEEDED`). */
export const MAX_EXPORT_BYTES = 20_000_000;

/** A document's text: bounded so one call cannot ship an unbounded string. */
const DocumentTextSchema = z.string().max(20_000_000);

/** Arguments of `exportSpec`. */
export const ExportSpecRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema,
  /** The studio's (possibly unsaved) document; the saved file is exported when absent. */
  text: DocumentTextSchema.optional(),
  kind: ExportKindSchema,
  /** Run the test cases and show their results in the spec (default true; ignored for jsonata and document). */
  runTests: z.boolean().optional(),
});

/** Result of `exportSpec`: the file's content and how to offer it. */
export const ExportedSpecSchema = z.object({
  /** A suggested file name, e.g. `crm-to-erp-spec.xlsx`. */
  fileName: z.string(),
  mediaType: z.string(),
  /** `base64` for binary kinds (xlsx), `utf8` for text. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});

/** Arguments of `exportSpecToFile`. */
export const ExportSpecToFileRequestSchema = ExportSpecRequestSchema.extend({
  /**
   * Absolute path to write. Allowed inside the project's folder, inside a
   * trusted root, or when the host granted that path (the user chose it in a
   * save dialog); never the project file itself.
   */
  outPath: z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => !p.includes('\0'), 'a path without NUL characters'),
});

/** Result of `exportSpecToFile`. */
export const ExportedFileSchema = z.object({
  /** The file written (real path). */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
});

/** The export methods. */
export const exportMethods = {
  exportSpec: { args: z.tuple([ExportSpecRequestSchema]), result: ExportedSpecSchema },
  exportSpecToFile: { args: z.tuple([ExportSpecToFileRequestSchema]), result: ExportedFileSchema },
} as const;

/** One export kind. */
export type ExportKindName = z.infer<typeof ExportKindSchema>;
/** Arguments of `exportSpec`. */
export type ExportSpecRequest = z.infer<typeof ExportSpecRequestSchema>;
/** Result of `exportSpec`. */
export type ExportedSpec = z.infer<typeof ExportedSpecSchema>;
/** Arguments of `exportSpecToFile`. */
export type ExportSpecToFileRequest = z.infer<typeof ExportSpecToFileRequestSchema>;
/** Result of `exportSpecToFile`. */
export type ExportedFile = z.infer<typeof ExportedFileSchema>;
