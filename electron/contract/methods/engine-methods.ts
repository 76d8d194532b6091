/**
 * Contract section: the engine (sample and schema import, compile, run and
 * preview with progress and cancel, tests). Joined into `studioContract`.
 *
 * Runs report progress by polling (`startRun` then `pollRun`), never by a
 * push channel, so IPC and HTTP stay identical. Everything that can be large
 * (payloads, outputs, schema trees) crosses as a bounded slice with counts and
 * a truncated flag: the renderer never receives a whole 100 MB payload.
 *
 * File paths are absolute paths on the backend's machine; the backend only
 * reads files inside an allowed project folder or files the host granted
 * (see electron/backend/engine/file-access.ts).
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../../mapping-engine/errors';
import { MASK_CATEGORIES } from '../../../mapping-engine/masking/types';
import { CodedErrorSchema } from '../coded-error-schema';

/** A path as the renderer passes it: non-empty, bounded, no NUL byte. */
const PathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path without NUL characters');

/** A project file path (`*.mapwright.json`). */
export const ProjectPathSchema = PathSchema.refine((p) => /\.mapwright\.json$/i.test(p), 'a *.mapwright.json project file');

/** Payload formats the engine reads. */
export const PayloadFormatSchema = z.enum(['json', 'jsonl', 'xml', 'csv']);

/** A document's text: bounded so one call cannot ship an unbounded string. */
const DocumentTextSchema = z.string().max(20_000_000);

/** One record of a preview page, as pretty JSON text cut at a size limit. */
export const PreviewRecordSchema = z.object({
  /** 0-based index of the record in the payload. */
  index: z.number().int().nonnegative(),
  text: z.string(),
  /** True when the record's text was cut. */
  truncated: z.boolean(),
});

/** A page of records of a payload, with counts (never the whole payload). */
export const PayloadPreviewSchema = z.object({
  format: PayloadFormatSchema,
  page: z.number().int().nonnegative(),
  pageSize: z.number().int().positive(),
  records: z.array(PreviewRecordSchema),
  /** Records in the payload: exact when `totalExact`, else an estimate from the file size. */
  total: z.number().int().nonnegative(),
  totalExact: z.boolean(),
  /** True when the payload has records beyond this page or a record was cut. */
  truncated: z.boolean(),
});

/** One line of the masking report: what was found where, with a MASKED example only. */
export const MaskReportEntrySchema = z.object({
  path: z.string(),
  category: z.enum(MASK_CATEGORIES),
  confidence: z.number(),
  reason: z.string(),
  maskedExample: z.string(),
  count: z.number().int(),
  masked: z.boolean(),
});

/** Arguments of `importSample`. */
export const ImportSampleRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema,
  side: z.enum(['source', 'target']),
  /** The picked file (absolute path). */
  file: PathSchema,
  format: PayloadFormatSchema.optional(),
  /** The side's format in the document as edited (default: as saved); a sample of another format is refused with SAMPLE_INVALID before anything is written. */
  sideFormat: PayloadFormatSchema.optional(),
});

/** Result of `importSample`: where the masked copy went and what was masked. */
export const ImportSampleResultSchema = z.object({
  /** The masked copy's path relative to the project file (forward slashes), to add to the document. */
  relativePath: z.string(),
  format: PayloadFormatSchema,
  report: z.array(MaskReportEntrySchema),
  preview: PayloadPreviewSchema,
});

/** Arguments of `readPayloadPreview`. */
export const PayloadPreviewRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema,
  /** Absolute, or relative to the project file. */
  file: PathSchema,
  format: PayloadFormatSchema.optional(),
  page: z.number().int().nonnegative().max(1_000_000).optional(),
  pageSize: z.number().int().positive().max(500).optional(),
});

/** Most allowed values of one field a schema row carries (`enumValues` still counts them all). */
export const MAX_ENUM_SENT = 200;

/** One field of an imported schema, flattened depth-first. */
export const SchemaFieldRowSchema = z.object({
  /** Dotted path with array marks (`lines[].price`; a list of rows at the root gives `[].name`); `mapwright infer --flat` prints the same field without the marks, as a rule reads it. */
  path: z.string(),
  name: z.string(),
  depth: z.number().int().nonnegative(),
  type: z.string(),
  repeating: z.boolean(),
  required: z.boolean(),
  nullable: z.boolean().optional(),
  format: z.string().optional(),
  enumValues: z.number().int().optional(),
  /** The allowed values themselves, the first {@link MAX_ENUM_SENT} (a value map's editor offers them). */
  enum: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).max(MAX_ENUM_SENT).optional(),
  hasChildren: z.boolean(),
});

/** Arguments of `importSchema`. */
export const ImportSchemaRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema,
  file: PathSchema,
  /** OpenAPI component or operation, XSD global element, or JSON pointer. */
  root: z.string().max(1000).optional(),
});

/** Result of `importSchema`: the field tree flattened and bounded. */
export const ImportSchemaResultSchema = z.object({
  title: z.string().optional(),
  fields: z.array(SchemaFieldRowSchema),
  /** Fields in the whole tree. */
  total: z.number().int().nonnegative(),
  truncated: z.boolean(),
});

/** Arguments of `compileDocument`. */
export const CompileRequestSchema = z.strictObject({
  text: DocumentTextSchema,
  /** Needed only when the document has CSV lookup tables (read next to the project). */
  projectPath: ProjectPathSchema.optional(),
});

/** Result of `compileDocument`. */
export const CompileResultSchema = z.object({
  expression: z.string(),
  /** Target path -> [start, end) span in `expression`. */
  sourceMap: z.record(z.string(), z.object({ start: z.number().int(), end: z.number().int() })),
  readOnly: z.boolean(),
});

/** Values of the document's run parameters for one run, by name (typed by the declaration, as `--param` values are). */
export const RunParamsSchema = z.record(z.string().min(1).max(200), z.union([z.string().max(10_000), z.number(), z.boolean()]));

/** Arguments of `startRun`: the document and ONE input (a file, or one of the document's source samples). */
export const StartRunRequestSchema = z
  .strictObject({
    projectPath: ProjectPathSchema.optional(),
    text: DocumentTextSchema,
    /** Absolute, or relative to the project file. */
    inputFile: PathSchema.optional(),
    /** Index into the document's `source.samples`. */
    sampleIndex: z.number().int().nonnegative().optional(),
    /** Run parameters set for this run; the others take their defaults. */
    params: RunParamsSchema.optional(),
  })
  .refine((r) => (r.inputFile === undefined) !== (r.sampleIndex === undefined), { message: 'either inputFile or sampleIndex', path: ['inputFile'] });

/** A run's id, as `startRun` returned it. */
export const RunIdSchema = z.string().min(1).max(100);

/** A runtime error tied to the target field it concerns, when known. */
export const FieldErrorSchema = z.object({
  field: z.string().optional(),
  code: z.enum(ERROR_CODES),
  message: z.string(),
});

/** A place where the output breaks the target schema. */
export const ViolationSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** What a finished run gives the UI: a bounded output slice, errors, violations and timings. */
export const RunOutcomeSchema = z.object({
  /** The output in the target format, cut at the preview limit. */
  outputText: z.string(),
  /** Characters of the whole output text. */
  outputChars: z.number().int().nonnegative(),
  outputTruncated: z.boolean(),
  fieldErrors: z.array(FieldErrorSchema),
  violations: z.array(ViolationSchema),
  /** False when the target has no schema to validate against (or only one inferred from samples). */
  validated: z.boolean(),
  timings: z.record(z.string(), z.number()),
});

/** Where a run is. */
export const RunStateSchema = z.enum(['running', 'done', 'failed', 'cancelled']);

/** Result of `pollRun`. */
export const RunStatusSchema = z.object({
  runId: RunIdSchema,
  state: RunStateSchema,
  progress: z.object({ phase: z.string(), fraction: z.number().min(0).max(1) }),
  result: RunOutcomeSchema.optional(),
  /** Why the run failed (a document, input or limit problem), when `state` is `failed`. */
  error: CodedErrorSchema.optional(),
});

/** Arguments of `runTests`. */
export const RunTestsRequestSchema = z.strictObject({ projectPath: ProjectPathSchema, text: DocumentTextSchema });

/** One test case's outcome; differences are paths and counts only, never values. */
export const TestCaseResultSchema = z.object({
  name: z.string(),
  outcome: z.enum(['passed', 'failure', 'error']),
  message: z.string().optional(),
  differences: z.object({ paths: z.array(z.string()), count: z.number().int().nonnegative() }).optional(),
  seconds: z.number(),
});

/** Result of `runTests`. */
export const TestRunResultSchema = z.object({
  cases: z.array(TestCaseResultSchema),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  errored: z.number().int().nonnegative(),
});

/** Result of `loadSampleProject`: a bundled sample's project file, for the studio's default view. */
export const SampleProjectSchema = z.object({ projectPath: z.string(), text: z.string() });

/** The engine methods. */
export const engineMethods = {
  importSample: { args: z.tuple([ImportSampleRequestSchema]), result: ImportSampleResultSchema },
  readPayloadPreview: { args: z.tuple([PayloadPreviewRequestSchema]), result: PayloadPreviewSchema },
  importSchema: { args: z.tuple([ImportSchemaRequestSchema]), result: ImportSchemaResultSchema },
  compileDocument: { args: z.tuple([CompileRequestSchema]), result: CompileResultSchema },
  startRun: { args: z.tuple([StartRunRequestSchema]), result: z.object({ runId: RunIdSchema }) },
  pollRun: { args: z.tuple([RunIdSchema]), result: RunStatusSchema },
  cancelRun: { args: z.tuple([RunIdSchema]), result: RunStatusSchema },
  runTests: { args: z.tuple([RunTestsRequestSchema]), result: TestRunResultSchema },
  loadSampleProject: {
    args: z.tuple([
      z
        .string()
        .max(100)
        .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a sample id'),
    ]),
    result: SampleProjectSchema,
  },
} as const;

/** Data types for the UI. */
export type PayloadPreview = z.infer<typeof PayloadPreviewSchema>;
/** Result of `importSample`. */
export type ImportSampleResult = z.infer<typeof ImportSampleResultSchema>;
/** Result of `importSchema`. */
export type ImportSchemaResult = z.infer<typeof ImportSchemaResultSchema>;
/** One row of an imported schema. */
export type SchemaFieldRow = z.infer<typeof SchemaFieldRowSchema>;
/** Result of `compileDocument`. */
export type CompileResult = z.infer<typeof CompileResultSchema>;
/** Result of `pollRun` / `cancelRun`. */
export type RunStatus = z.infer<typeof RunStatusSchema>;
/** A finished run's outcome. */
export type RunOutcome = z.infer<typeof RunOutcomeSchema>;
/** A runtime error tied to a field. */
export type FieldError = z.infer<typeof FieldErrorSchema>;
/** One test case's outcome. */
export type TestCaseResult = z.infer<typeof TestCaseResultSchema>;
/** Result of `runTests`. */
export type TestRunResult = z.infer<typeof TestRunResultSchema>;
/** Arguments of `startRun`. */
export type StartRunRequest = z.infer<typeof StartRunRequestSchema>;
/** A sample's project file. */
export type SampleProject = z.infer<typeof SampleProjectSchema>;
