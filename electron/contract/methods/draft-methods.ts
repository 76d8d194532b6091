/**
 * Contract section: the mapping drafts itself. `suggestMappings` gives
 * auto-map's suggestions for the studio's (possibly unsaved) document;
 * `generateTests` generates and runs the failure-mode test cases from its
 * good input; `keepGeneratedTests` writes the chosen cases' files under the
 * project's tests/generated/ folder and returns their test cases, for the
 * renderer to add as one undoable edit. Sample values never cross: a case
 * crosses as its name, expectation and verdict.
 */
import { z } from 'zod';
import { ProjectPathSchema } from './engine-methods';
import { transformNodeSchema, scalarSchema } from '../../../mapping-engine/transforms/transform-node';

const DocumentTextSchema = z.string().max(20_000_000);

/** Arguments of `suggestMappings` and `generateTests`. */
export const DraftRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema,
  /** The studio's document text (unsaved edits included). */
  text: DocumentTextSchema,
});

/** One auto-map suggestion (see mapping-engine/suggest/suggest-mappings.ts). */
export const MappingSuggestionSchema = z.object({
  id: z.string(),
  kind: z.enum(['rule', 'array']),
  target: z.string(),
  sources: z.array(z.string()),
  transforms: z.array(z.record(z.string(), z.unknown())),
  confidence: z.number(),
  reason: z.string(),
  group: z.string(),
  requires: z.string().optional(),
  required: z.enum(['omit', 'error']).optional(),
});

/** One generated failure-mode case, run. */
export const GeneratedCaseSchema = z.object({
  name: z.string(),
  kind: z.string(),
  source: z.string(),
  /** What it expects, in words (`MAP_REQUIRED_MISSING at firstName`). */
  expectation: z.string(),
  reason: z.string(),
  /** The mapping does what the case expects today. */
  agrees: z.boolean(),
  /** What the run gave, in words (field and code, or a field's presence; never a sample value for a kept case's input). */
  observed: z.string(),
});

/** Arguments of `keepGeneratedTests`. */
export const KeepGeneratedRequestSchema = DraftRequestSchema.extend({
  /** Names of the generated cases to keep. */
  names: z.array(z.string().min(1).max(500)).min(1).max(500),
});

/** Which sheet columns hold what (header names as written). */
export const SheetColumnsSchema = z.strictObject({
  target: z.string().min(1).max(200),
  sources: z.string().min(1).max(200),
  ruleText: z.string().min(1).max(200).optional(),
  notes: z.string().min(1).max(200).optional(),
  /** The rule's JSONata as a Mapwright spec writes it, read back into the exact rule. */
  jsonata: z.string().min(1).max(200).optional(),
  /** The rule's transforms, policy and default as JSON (a Mapwright spec's "Rule (JSON)"), read first. */
  rule: z.string().min(1).max(200).optional(),
});

/** Arguments of `importMappingSheet`. */
export const ImportSheetRequestSchema = DraftRequestSchema.extend({
  /** The spreadsheet (.xlsx or .csv): absolute, or relative to the project; it must be granted. */
  file: z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path without NUL characters'),
  /** The columns; guessed from the headers (a Mapwright spec's first) when absent. */
  columns: SheetColumnsSchema.optional(),
});

/** Result of `importMappingSheet`: the sheet's headers, the columns used, the rules to add and the rows left unresolved. */
export const ImportSheetResultSchema = z.object({
  headers: z.array(z.string()),
  columns: SheetColumnsSchema.optional(),
  /** A row read back exactly (a Mapwright spec's rule JSON or JSONata) carries its transforms, policy and default; others are direct copies. */
  rules: z.array(
    z.object({
      target: z.string(),
      sources: z.array(z.string()),
      transforms: z.array(transformNodeSchema).optional(),
      required: z.enum(['omit', 'default', 'error']).optional(),
      default: scalarSchema.optional(),
      notes: z.string().optional(),
    }),
  ),
  unresolved: z.array(z.object({ row: z.number(), target: z.string(), sources: z.array(z.string()), reason: z.string() })),
});

/** The methods of this section. */
export const draftMethods = {
  suggestMappings: { args: z.tuple([DraftRequestSchema]), result: z.object({ suggestions: z.array(MappingSuggestionSchema) }) },
  generateTests: { args: z.tuple([DraftRequestSchema]), result: z.object({ goodInput: z.string(), cases: z.array(GeneratedCaseSchema) }) },
  keepGeneratedTests: { args: z.tuple([KeepGeneratedRequestSchema]), result: z.object({ tests: z.array(z.record(z.string(), z.unknown())) }) },
  importMappingSheet: { args: z.tuple([ImportSheetRequestSchema]), result: ImportSheetResultSchema },
} as const;

/** A suggestion as the renderer receives it. */
export type MappingSuggestionData = z.infer<typeof MappingSuggestionSchema>;
/** What `importMappingSheet` returns. */
export type ImportSheetResult = z.infer<typeof ImportSheetResultSchema>;
/** A generated case as the renderer receives it. */
export type GeneratedCaseData = z.infer<typeof GeneratedCaseSchema>;
