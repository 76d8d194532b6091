/**
 * Contract section: the live preview (issue 15). The studio re-runs the
 * mapping on every edit against one chosen input: a source sample of the
 * document (masked when it was imported) or a test case's input. A test
 * input may hold real personal data, so the backend masks it with the
 * project's key and policy before it is run or shown: the output, the source
 * page and the test diffs the renderer receives are all derived from masked
 * data. Runs are polled like `startRun` (`pollPreview`, `cancelPreview`).
 */
import { z } from 'zod';
import { PayloadPreviewSchema, ProjectPathSchema, RunIdSchema, RunParamsSchema, RunStatusSchema } from './engine-methods';

/** A document's text, bounded like the engine section's. */
const DocumentTextSchema = z.string().max(20_000_000);

/** Which input the preview maps: a source sample or a test case's input, by index in the document. */
export const PreviewInputSchema = z.strictObject({
  kind: z.enum(['sample', 'test']),
  index: z.number().int().nonnegative().max(100_000),
});

/** Arguments of `startPreview` and `readPreviewInput`. */
export const PreviewRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema.optional(),
  text: DocumentTextSchema,
  input: PreviewInputSchema,
  /** Run parameters the preview sets (its Parameters form); the others take their defaults. */
  params: RunParamsSchema.optional(),
});

/** How the shown input was made safe to show. */
export const PreviewMaskingSchema = z.enum(['imported', 'for-display']);

/** Result of `readPreviewInput`: a page of the (masked) input the preview maps. */
export const PreviewInputPageSchema = z.object({
  masking: PreviewMaskingSchema,
  /** For an input masked for display: the fields the masker changed (paths only). */
  maskedPaths: z.array(z.string()),
  page: PayloadPreviewSchema,
});

/** Result of `startPreview`. */
export const PreviewStartedSchema = z.object({ runId: RunIdSchema, masking: PreviewMaskingSchema, maskedPaths: z.array(z.string()) });

/** Arguments of `diffTestCase` and `acceptTestOutput`. */
export const TestCaseRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema,
  text: DocumentTextSchema,
  /** Index of the case in the document's `tests`. */
  index: z.number().int().nonnegative().max(100_000),
});

/** One leaf that differs between the expected and the actual output; values are masked for display. */
export const TestDifferenceSchema = z.object({
  path: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
});

/** Result of `diffTestCase`: expected and actual side by side (masked), with the leaves that differ. */
export const TestDiffSchema = z.object({
  name: z.string(),
  /** Expected output, pretty text cut at the preview limit, personal data masked. */
  expectedText: z.string(),
  /** Actual output of the case's input, likewise. */
  actualText: z.string(),
  differences: z.array(TestDifferenceSchema),
  /** Differences in all (the list may be cut). */
  count: z.number().int().nonnegative(),
  /** Set when the case errors instead of producing output. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** Result of `acceptTestOutput`: the expected file written (relative to the project). */
export const AcceptedOutputSchema = z.object({ expected: z.string() });

/** The preview methods. */
export const previewMethods = {
  startPreview: { args: z.tuple([PreviewRequestSchema]), result: PreviewStartedSchema },
  pollPreview: { args: z.tuple([RunIdSchema]), result: RunStatusSchema },
  cancelPreview: { args: z.tuple([RunIdSchema]), result: RunStatusSchema },
  readPreviewInput: { args: z.tuple([PreviewRequestSchema]), result: PreviewInputPageSchema },
  diffTestCase: { args: z.tuple([TestCaseRequestSchema]), result: TestDiffSchema },
  acceptTestOutput: { args: z.tuple([TestCaseRequestSchema]), result: AcceptedOutputSchema },
} as const;

/** Which input the preview maps. */
export type PreviewInput = z.infer<typeof PreviewInputSchema>;
/** Arguments of `startPreview` / `readPreviewInput`. */
export type PreviewRequest = z.infer<typeof PreviewRequestSchema>;
/** Result of `readPreviewInput`. */
export type PreviewInputPage = z.infer<typeof PreviewInputPageSchema>;
/** Result of `diffTestCase`. */
export type TestDiff = z.infer<typeof TestDiffSchema>;
