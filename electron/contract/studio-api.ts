/**
 * THE contract between the studio's renderer and its backend, declared once.
 * Electron IPC (preload + main), the loopback web host and the renderer's
 * clients all derive their types and their runtime validation from this one
 * object, so a method cannot drift between transports.
 *
 * Every call resolves to a {@link StudioResult}; failures are coded errors
 * (`{ ok: false, error: { code, message } }`) and never exceptions, because
 * exceptions lose their code when they cross IPC or HTTP.
 */
import { z } from 'zod';
import type { CodedErrorData } from '../../mapping-engine/errors';
import { CodedErrorSchema } from './coded-error-schema';
import { accessMethods } from './methods/access-methods';
import { draftMethods } from './methods/draft-methods';
import { editorMethods } from './methods/editor-methods';
import { engineMethods } from './methods/engine-methods';
import { exportMethods } from './methods/export-methods';
import { projectMethods } from './methods/project-methods';
import { projectFileMethods } from './methods/project-file-methods';
import { previewMethods } from './methods/preview-methods';
import { schemaTreeMethods } from './methods/schema-tree-methods';

export { accessMethods, draftMethods, editorMethods, engineMethods, exportMethods, previewMethods, projectFileMethods, projectMethods, schemaTreeMethods };

/**
 * A sample's id is its folder name under `samples/`. The pattern keeps ids
 * path-safe (no separators, no `..`) before any file-system lookup happens.
 */
export const SampleIdSchema = z
  .string()
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a sample id: letters, digits, "-" or "_"');

/** Result of `getAppInfo()`. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  engineVersion: z.string(),
  platform: z.string(),
});

/** One entry of `listSamples()`. Formats are file kinds such as `json`, `xml`, `csv`, `xsd`. */
export const SampleSummarySchema = z.object({
  id: SampleIdSchema,
  name: z.string(),
  description: z.string(),
  sourceFormat: z.string(),
  targetFormat: z.string(),
});

/** Result of `readSamplePreview(id)`: the first 4 KB of the sample's source file. */
export const SamplePreviewSchema = z.object({
  id: SampleIdSchema,
  sourceText: z.string(),
  /** True when the source file is longer than the preview. */
  truncated: z.boolean(),
});

export { CodedErrorSchema };

/** The methods about the app itself and its bundled samples. */
export const appMethods = {
  getAppInfo: { args: z.tuple([]), result: AppInfoSchema },
  listSamples: { args: z.tuple([]), result: z.array(SampleSummarySchema) },
  readSamplePreview: { args: z.tuple([SampleIdSchema]), result: SamplePreviewSchema },
} as const;

/**
 * Method name -> zod schemas of its positional arguments and of its value.
 * Declared in sections (one file per area under `methods/`) and joined here,
 * so this object stays the one place the contract is assembled.
 */
export const studioContract = {
  ...appMethods,
  ...projectMethods,
  ...projectFileMethods,
  ...engineMethods,
  ...editorMethods,
  ...exportMethods,
  ...accessMethods,
  ...schemaTreeMethods,
  ...previewMethods,
  ...draftMethods,
} as const;

/** Name of a studio method. */
export type StudioMethod = keyof typeof studioContract;

/** Every method name, in declaration order (for registering handlers). */
export const STUDIO_METHODS = Object.keys(studioContract) as StudioMethod[];

/** Positional arguments of method `M`. */
export type StudioArgs<M extends StudioMethod> = z.infer<(typeof studioContract)[M]['args']>;

/** Successful value of method `M`. */
export type StudioValue<M extends StudioMethod> = z.infer<(typeof studioContract)[M]['result']>;

/** What every studio call resolves to. */
export type StudioResult<T> = { ok: true; value: T } | { ok: false; error: CodedErrorData };

/** The studio API as both the backend implements it and the renderer's clients expose it. */
export type StudioApi = {
  [M in StudioMethod]: (...args: StudioArgs<M>) => Promise<StudioResult<StudioValue<M>>>;
};

/** The methods `K` of the API: what one backend service implements. */
export type StudioApiPart<K extends StudioMethod> = Pick<StudioApi, K>;

/** Data types, for UI code that does not want to spell out `StudioValue<...>`. */
export type AppInfo = z.infer<typeof AppInfoSchema>;
/** One sample as listed. */
export type SampleSummary = z.infer<typeof SampleSummarySchema>;
/** A sample's source preview. */
export type SamplePreview = z.infer<typeof SamplePreviewSchema>;

/** True when `name` is a method of the contract (guards lookups with untrusted names). */
export function isStudioMethod(name: string): name is StudioMethod {
  return Object.prototype.hasOwnProperty.call(studioContract, name);
}

