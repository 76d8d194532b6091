/**
 * Contract section, joined into the project methods: making a new project
 * from picked files, copying what a project refers to on Save As, and writing
 * a test case from the current input. Every picked file must have been
 * granted first (the native dialog in Electron, `grantChosenPath` in the web
 * studio); the backend copies picked files INTO the project folder, so a
 * project is self-contained and never refers to a file outside it.
 */
import { z } from 'zod';
import { expectedErrorSchema } from '../../../mapping-engine/document/document-schema';
import { ImportSampleResultSchema, PayloadFormatSchema } from './engine-methods';
import { AbsolutePathSchema, ProjectStateSchema, ProjectTextSchema } from './project-methods';

/** What a picked file holds: a sample payload or one of the schema kinds. */
export const ChosenFileKindSchema = z.enum(['sample', 'json-schema', 'openapi', 'xsd']);

/** Result of `inspectChosenFile`: what the studio shows beside a picked file. */
export const ChosenFileInfoSchema = z.object({
  /** The file name (never the folder: the renderer already knows what it typed). */
  name: z.string(),
  kind: ChosenFileKindSchema,
  /** The payload format the file stands for: a sample's own, `json` for JSON Schema and OpenAPI, `xml` for XSD. */
  format: PayloadFormatSchema,
  /** OpenAPI components and operation bodies, or XSD global elements, to choose from (empty for other kinds). */
  roots: z.array(z.string()),
});

/** One side of a new project: a picked file and how to read it. */
export const EndpointChoiceSchema = z.strictObject({
  /** The picked file (absolute, granted). */
  file: AbsolutePathSchema,
  /** What it holds; detected again by the backend, which refuses a mismatch. */
  kind: ChosenFileKindSchema,
  /** The root to use, for OpenAPI and XSD (default: the only or first one). */
  root: z.string().min(1).max(1000).optional(),
  /** A sample's format when it is not the detected one. */
  format: PayloadFormatSchema.optional(),
});

/** Arguments of `createProject`. */
export const CreateProjectArgsSchema = z.strictObject({
  /** The project's display name (also the document's `name`). */
  name: z.string().trim().min(1).max(200),
  /** Where to save: `<folder>/<file>.mapwright.json`, granted as a Save As place. */
  path: AbsolutePathSchema,
  source: EndpointChoiceSchema,
  target: EndpointChoiceSchema,
  /** Replace a project file already at `path` (the user confirmed). */
  replace: z.boolean().optional(),
});

/** Result of `createProject`: the project as saved, and the masking review of each sample masked on the way in. */
export const CreateProjectResultSchema = z.object({
  project: ProjectStateSchema,
  /** One entry per sample payload copied in (masked), by side. */
  imports: z.array(ImportSampleResultSchema.extend({ side: z.enum(['source', 'target']) })),
});

/** Arguments of `saveProjectCopy`. */
export const SaveProjectCopyArgsSchema = z.strictObject({
  /** The new place (granted as a Save As place). */
  path: AbsolutePathSchema,
  /** The project the text was opened from: its references are copied from beside it. */
  from: AbsolutePathSchema,
  text: ProjectTextSchema,
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** Replace referenced files that already exist in the new folder (the user confirmed after FILE_EXISTS). */
  replaceFiles: z.boolean().optional(),
});

/** Result of `saveProjectCopy`: the saved copy, and the referenced files copied beside it (relative paths). */
export const SaveProjectCopyResultSchema = z.object({
  project: ProjectStateSchema,
  copied: z.array(z.string()),
});

/** Arguments of `addTestCase`. */
export const AddTestCaseArgsSchema = z.strictObject({
  projectPath: AbsolutePathSchema,
  /** The document as it is now (maybe unsaved): it computes the expected output. */
  text: ProjectTextSchema,
  /** The test's name; its file names are made from it (`tests/<slug>.input.json`). */
  name: z.string().trim().min(1).max(200),
  /** The current preview input: a file of the project (relative to it), usually a masked sample. */
  input: z.string().min(1).max(4096),
  /** Expect this error instead of the current output: `{ field, code }` (or the older text form). */
  expectError: expectedErrorSchema.refine((e) => JSON.stringify(e).length <= 1000, 'at most 1,000 characters').optional(),
});

/** Result of `addTestCase`: the test case to add with the `addTest` edit (paths relative to the project). */
export const AddTestCaseResultSchema = z.object({
  test: z.object({ name: z.string(), input: z.string(), expected: z.string().optional(), expectError: expectedErrorSchema.optional() }),
});

/** The project-file methods. */
export const projectFileMethods = {
  inspectChosenFile: { args: z.tuple([z.strictObject({ path: AbsolutePathSchema })]), result: ChosenFileInfoSchema },
  createProject: { args: z.tuple([CreateProjectArgsSchema]), result: CreateProjectResultSchema },
  saveProjectCopy: { args: z.tuple([SaveProjectCopyArgsSchema]), result: SaveProjectCopyResultSchema },
  addTestCase: { args: z.tuple([AddTestCaseArgsSchema]), result: AddTestCaseResultSchema },
} as const;

/** What a picked file holds. */
export type ChosenFileKind = z.infer<typeof ChosenFileKindSchema>;
/** Result of `inspectChosenFile`. */
export type ChosenFileInfo = z.infer<typeof ChosenFileInfoSchema>;
/** One side of a new project. */
export type EndpointChoice = z.infer<typeof EndpointChoiceSchema>;
/** Arguments of `createProject`. */
export type CreateProjectArgs = z.infer<typeof CreateProjectArgsSchema>;
/** Result of `createProject`. */
export type CreateProjectResult = z.infer<typeof CreateProjectResultSchema>;
/** Arguments of `saveProjectCopy`. */
export type SaveProjectCopyArgs = z.infer<typeof SaveProjectCopyArgsSchema>;
/** Arguments of `addTestCase`. */
export type AddTestCaseArgs = z.infer<typeof AddTestCaseArgsSchema>;
