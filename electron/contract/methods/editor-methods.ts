/**
 * Contract section: editing the mapping through its JSONata text
 * (reverse-compiling an edited expression into the document). Joined into
 * `studioContract`.
 *
 * The editor never sends a document back: it sends the document text it
 * has and the edited expression, and receives the new document text, so
 * the project store stays the one owner of the document. Errors about the
 * expression (`COMPILE_PARSE`, `COMPILE_UNSUPPORTED`) carry `line` and
 * `column` IN THE EXPRESSION (1-based), which the editor turns into markers.
 */
import { z } from 'zod';
import { ProjectPathSchema } from './engine-methods';

/** The same span shape `compileDocument` returns: target path -> [start, end) in the expression. */
const SourceMapSchema = z.record(z.string(), z.object({ start: z.number().int(), end: z.number().int() }));

/** Arguments of `applyExpression`. */
export const ApplyExpressionRequestSchema = z.strictObject({
  /** Needed only when the document has CSV lookup tables (read next to the project). */
  projectPath: ProjectPathSchema.optional(),
  /** The current document text (the base whose target tree the expression is cut along). */
  text: z.string().max(20_000_000),
  /** The edited expression. Bounded: an expression is typed by a person. */
  expression: z.string().max(2_000_000),
});

/** Result of `applyExpression`. */
export const ApplyExpressionResultSchema = z.object({
  /** The new document text, serialised the way the project is saved. */
  text: z.string(),
  /** Target paths whose value is now kept as a custom expression. */
  custom: z.array(z.string()),
  /** The new document compiled again: what the editor shows after applying. */
  expression: z.string(),
  /** Source map of `expression`. */
  sourceMap: SourceMapSchema,
});

/** Editor methods: method name -> zod schemas of its arguments and value. */
export const editorMethods = {
  applyExpression: { args: z.tuple([ApplyExpressionRequestSchema]), result: ApplyExpressionResultSchema },
} as const;
