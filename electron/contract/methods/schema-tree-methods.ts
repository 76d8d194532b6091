/**
 * Contract section: a schema's field tree a level at a time. `importSchema`
 * sends a bounded flat list, which for standards such as UBL (tens of
 * thousands of fields) is cut long before the user finds what they need;
 * the canvas asks for the fields under one field when the user opens it.
 * Fields of a shared XSD type carry the type's name, so the renderer
 * fetches a type's fields once and reuses them wherever the type occurs.
 */
import { z } from 'zod';
import { ProjectPathSchema, SchemaFieldRowSchema } from './engine-methods';

/** Most levels one request sends. */
export const MAX_CHILD_LEVELS = 8;
/** Most rows one request sends. */
export const MAX_CHILD_ROWS = 5000;

/** Arguments of `schemaChildren`. */
export const SchemaChildrenRequestSchema = z.strictObject({
  projectPath: ProjectPathSchema,
  /** The schema file or sample, relative to the project (or absolute). */
  file: z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path without NUL characters'),
  /** OpenAPI component or operation, XSD global element, or JSON pointer. */
  root: z.string().max(1000).optional(),
  /** Names from the root of the field whose fields are wanted; empty for the top level. */
  parent: z.array(z.string().max(1000)).max(128),
  /** Levels below `parent` to send (whole levels only, within `limit`); 1 by default. */
  levels: z.number().int().min(1).max(MAX_CHILD_LEVELS).optional(),
  /** Most rows to send; 2,000 by default. */
  limit: z.number().int().min(1).max(MAX_CHILD_ROWS).optional(),
});

/** One field under the parent: the flat row, depth counted from the parent's children (0). */
export const SchemaChildRowSchema = SchemaFieldRowSchema.extend({
  /** This row's own fields are in the answer; false for a field with fields left to ask for. */
  childrenSent: z.boolean(),
  /** The XSD complex type (or other shared definition) the field's fields come from. */
  typeRef: z.string().optional(),
});

/** Result of `schemaChildren`. */
export const SchemaChildrenResultSchema = z.object({
  title: z.string().optional(),
  rows: z.array(SchemaChildRowSchema),
  /** The first level was longer than `limit` and was cut. */
  truncated: z.boolean(),
});

/** Arguments of `schemaSearch`: the fields whose name contains `text`, found anywhere in the schema. */
export const SchemaSearchRequestSchema = SchemaChildrenRequestSchema.omit({ parent: true, levels: true, limit: true }).extend({
  text: z.string().trim().min(1).max(200),
  /** Most matching fields to bring; 50 by default. */
  limit: z.number().int().min(1).max(200).optional(),
});

/** One level the search brings: all the fields under `parent`, so the renderer lists them as if the user had opened it. */
export const SchemaSearchLevelSchema = z.object({
  parent: z.array(z.string()),
  /** The parent's shared type, so the renderer reuses the level wherever the type occurs. */
  parentType: z.string().optional(),
  rows: z.array(SchemaChildRowSchema),
});

/** Result of `schemaSearch`: the levels on the way to each match, shallowest matches first. */
export const SchemaSearchResultSchema = z.object({
  levels: z.array(SchemaSearchLevelSchema),
  /** Matching fields brought. */
  matches: z.number().int().min(0),
  /** False when the search stopped at its limits (more matches, or a schema too deep or large to walk whole). */
  complete: z.boolean(),
});

/** The schema tree methods. */
export const schemaTreeMethods = {
  schemaChildren: { args: z.tuple([SchemaChildrenRequestSchema]), result: SchemaChildrenResultSchema },
  schemaSearch: { args: z.tuple([SchemaSearchRequestSchema]), result: SchemaSearchResultSchema },
} as const;

/** Arguments of `schemaChildren` as the renderer writes them (defaults optional). */
export type SchemaChildrenRequest = z.input<typeof SchemaChildrenRequestSchema>;
/** One row of a `schemaChildren` answer. */
export type SchemaChildRow = z.infer<typeof SchemaChildRowSchema>;
/** Result of `schemaChildren`. */
export type SchemaChildrenResult = z.infer<typeof SchemaChildrenResultSchema>;
/** Arguments of `schemaSearch` as the renderer writes them. */
export type SchemaSearchRequest = z.input<typeof SchemaSearchRequestSchema>;
/** Result of `schemaSearch`. */
export type SchemaSearchResult = z.infer<typeof SchemaSearchResultSchema>;
