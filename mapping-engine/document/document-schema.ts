/**
 * The mapping document (`*.mapwright.json`), format version 1, as a zod
 * schema. Semantics (source, target, rules, lookups, arrays, tests) are kept
 * apart from the canvas `layout`, so moving a node never changes the mapping.
 */
import { z } from 'zod';
import { predicateSchema, scalarSchema, transformNodeSchema } from '../transforms/transform-node';
import { splitPath } from '../transforms/jsonata-text';
import { MASK_CATEGORIES } from '../masking/types';
import { PARAM_SOURCE, parameterNameSchema, parameterSchema } from '../compiler/run-parameters';
import { lookupColumnProblem, tableSourceProblem } from '../compiler/table-checks';
import { tableSource } from '../compiler/lookup-table';
import { depthOf, MAX_PAYLOAD_DEPTH } from '../payload/depth-limit';
import type { JsonValue } from '../payload/types';

/** The format version this build writes. */
export const CURRENT_FORMAT_VERSION = 1;

/** A file reference, relative to the project file, with forward slashes. */
export const relativeFileSchema = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.includes('\\'), 'must be a path relative to the project file, with forward slashes');

/**
 * Names a field, lookup table or path step may not have: code that builds
 * objects keyed by field names (target trees, spec rows) would reach the
 * prototype chain through them. Refused when a document is loaded.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Most names in one field path; real schemas nest a few dozen levels, deeper paths only exhaust the stack. */
export const MAX_PATH_NAMES = 100;

const RESERVED_MESSAGE = 'uses a reserved name (__proto__, constructor or prototype)';

/** The names of a field or source path (`/`, `../` steps dropped), empty for `$key`, `$position`, `.` or a path that does not parse. */
function pathNames(path: string): string[] {
  try {
    return path.startsWith('$') || path === '.' ? [] : splitPath(path.replace(/^(\.\.\/)+/, '').replace(/^\//, ''));
  } catch {
    return []; // reported by the syntax check
  }
}

/** True when no name of the path is reserved (see {@link RESERVED_NAMES}). */
function noReservedName(path: string): boolean {
  return !pathNames(path).some((name) => RESERVED_NAMES.has(name));
}

const TOO_LONG_MESSAGE = `has more than ${MAX_PATH_NAMES} names`;

/** A field path: names joined by dots, a name with dots or spaces in backticks. */
export const fieldPathSchema = z
  .string()
  .min(1)
  .refine((p) => {
    try {
      splitPath(p);
      return true;
    } catch {
      return false;
    }
  }, 'must be a field path such as address.city or `cbc:ID`')
  .refine(noReservedName, RESERVED_MESSAGE)
  .refine((p) => pathNames(p).length <= MAX_PATH_NAMES, TOO_LONG_MESSAGE);

/**
 * A source field path: relative to the current context, `/` first for the
 * input root, each leading `../` for the context around the current array,
 * `.` for the context itself (the rows of a CSV input), `$key` for the
 * group key inside a grouped array, `$items` for the group's members (the
 * source of an array inside a grouped one), or `$position` for the element's 1-based
 * position in the target array.
 */
export const sourcePathSchema = z
  .string()
  .min(1)
  .refine((p) => {
    if (p === '$key' || p === '$position' || p === '$items' || p === '.' || PARAM_SOURCE.test(p) || tableSource(p)) return true;
    try {
      splitPath(p.replace(/^(\.\.\/)+/, '').replace(/^\//, ''));
      return true;
    } catch {
      return false;
    }
  }, 'must be a source path such as billing.street, /order.id, ../id, $position or `cbc:ID`')
  .refine(noReservedName, RESERVED_MESSAGE)
  .refine((p) => pathNames(p).length <= MAX_PATH_NAMES, TOO_LONG_MESSAGE);

/** Payload formats a mapping can read or write. */
export const payloadFormatSchema = z.enum(['json', 'jsonl', 'xml', 'csv']);

/** The schema of a side: a file reference or an inline schema. */
export const schemaRefSchema = z.union([
  z.strictObject({
    file: relativeFileSchema,
    /** Which root of the file: an OpenAPI component or operation, an XSD global element, or a JSON pointer (`#/...`) into a JSON Schema. */
    root: z.string().min(1).max(1000).optional(),
  }),
  z.strictObject({
    // Bounded depth: an inline schema is copied and walked recursively by every consumer.
    inline: z.record(z.string(), z.unknown()).refine((inline) => depthOf(inline as JsonValue) <= MAX_PAYLOAD_DEPTH, `nests more than ${MAX_PAYLOAD_DEPTH} levels deep`),
  }),
]);

/** Source or target side of a mapping. */
export const endpointSchema = z.strictObject({
  format: payloadFormatSchema,
  schema: schemaRefSchema.optional(),
  samples: z.array(relativeFileSchema).default([]),
});

/** A column of a row or constants table: written in backticks when it is not a plain name, so it holds none. */
const columnNameSchema = z.string().min(1).regex(/^[^`]+$/, 'a column name without backticks').refine((name) => !RESERVED_NAMES.has(name), RESERVED_MESSAGE);

/**
 * A lookup table: inline entries, or a CSV file with a key and a value column;
 * a row table (`rows`: key -> a row of named columns, read by a lookup's
 * `column`); or a constants table (`constants`: one row without a key, read
 * as the source `$table.<name>.<column>`); a row table may be a CSV file
 * with a key column, a constants table a one-row CSV file. See
 * compiler/lookup-table.ts and compiler/table-file.ts.
 */
export const lookupTableSchema = z.union([
  z.strictObject({ entries: z.record(z.string(), z.string()) }),
  z.strictObject({ file: relativeFileSchema, keyColumn: z.string().min(1), valueColumn: z.string().min(1) }),
  // A CSV file of rows by key (the header names the columns), and a one-row CSV file of constants.
  z.strictObject({ file: relativeFileSchema, keyColumn: z.string().min(1) }),
  z.strictObject({ file: relativeFileSchema }),
  z.strictObject({ rows: z.record(z.string(), z.record(columnNameSchema, z.string())) }),
  z.strictObject({ constants: z.record(columnNameSchema, z.string()) }),
]);

/** A source array driving a target array, with optional filter, sort and group-by. */
export const arrayContextSchema = z.strictObject({
  /** The target array's path, or "." when the whole output is an array (one CSV row per item). */
  target: z.union([z.literal('.'), fieldPathSchema]),
  source: sourcePathSchema,
  filter: predicateSchema.optional(),
  /** Items (of a grouped array: groups) in the order of a field, computed by `transforms` when given (a date read from `dd.MM.yyyy`); stable. */
  sort: z.strictObject({ field: fieldPathSchema, descending: z.boolean().default(false), transforms: z.array(transformNodeSchema).optional() }).optional(),
  groupBy: fieldPathSchema.optional(),
  /** Transforms computing the group key from the `groupBy` field (`$key`), such as a date read from `dd.MM.yyyy`. */
  groupTransforms: z.array(transformNodeSchema).optional(),
  /** The source field (relative to an item) whose value names an item in required-field errors. */
  recordKey: sourcePathSchema.optional(),
  /** How the record key is shown in errors (`Payment-No` for `Zahlungs-Nr`: `Payment-No "PAY-0042"`); the key's name when not given. */
  recordLabel: z.string().trim().min(1).max(80).optional(),
  /** `error`: an array with no element is the same error as a missing required field (`lines is required`). */
  required: z.enum(['omit', 'error']).optional(),
});

/** What to do when a target field computes no value. */
export const requiredPolicySchema = z.enum(['omit', 'default', 'error']);

/** One mapped target field. */
export const ruleSchema = z
  .strictObject({
    target: fieldPathSchema,
    sources: z.array(sourcePathSchema).default([]),
    transforms: z.array(transformNodeSchema).default([]),
    required: requiredPolicySchema.default('omit'),
    default: scalarSchema.optional(),
    notes: z.string().optional(),
  })
  .refine((r) => r.required !== 'default' || r.default !== undefined, { message: 'required "default" needs a default value', path: ['default'] });

/** An error code as a test expects it (`MAP_REQUIRED_MISSING`, `MAP_INVALID_VALUE`, `RUN_EVALUATION`, ...). */
const errorCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/, 'an error code such as MAP_REQUIRED_MISSING');

/**
 * The failure a test case expects: the target field it belongs to and its
 * code (`{ "field": "lines[].quantity", "code": "MAP_REQUIRED_MISSING" }`;
 * no field for errors of the whole run). The older text form, an error code
 * or text the message contains, is still read.
 */
export const expectedErrorSchema = z.union([z.string().min(1), z.strictObject({ field: z.string().min(1).optional(), code: errorCodeSchema })]);

/** A place where a test's output is expected to break the target schema (`{ "field": "lines", "code": "MAP_REPEAT" }`). */
export const expectedViolationSchema = z.strictObject({ field: z.string(), code: errorCodeSchema });

/**
 * A test case: an input payload and either the output it must give
 * (`expected`, a file) or the failure it must raise (`expectError`). The
 * output is also checked against the target schema: it must fit unless the
 * case lists the violations it expects (`expectViolation`).
 */
export const testCaseSchema = z
  .strictObject({
    name: z.string().min(1),
    input: relativeFileSchema,
    expected: relativeFileSchema.optional(),
    expectError: expectedErrorSchema.optional(),
    expectViolation: z.array(expectedViolationSchema).min(1).optional(),
    /** Run parameters this case sets (`{ "CreDtTm": "2024-07-01T08:00:00Z" }`), so a default of "now" is pinned. */
    params: z.record(z.string(), scalarSchema).optional(),
  })
  .refine((t) => (t.expected === undefined) !== (t.expectError === undefined), { message: 'a test case has either expected or expectError', path: ['expected'] })
  .refine((t) => t.expectViolation === undefined || t.expectError === undefined, { message: 'a test case expecting an error has no output to break the schema', path: ['expectViolation'] });

/**
 * The project's masking policy (never the key, which lives apart from the
 * project so the file can be shared). Category defaults, a confidence floor
 * and per-field overrides keyed by the detection report's field path.
 */
export const maskingPolicySchema = z.strictObject({
  keepCategories: z.array(z.enum(MASK_CATEGORIES)).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  fields: z.record(z.string().min(1), z.enum(['always', 'never'])).optional(),
});

/** Canvas layout: positions only, never semantics. Unknown keys are kept for newer canvases. */
export const layoutSchema = z.looseObject({
  nodes: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })).default({}),
  viewport: z.strictObject({ x: z.number(), y: z.number(), zoom: z.number().positive() }).optional(),
});

/** The whole document. */
export const mappingDocumentSchema = z
  .strictObject({
    formatVersion: z.literal(CURRENT_FORMAT_VERSION),
    name: z.string().min(1),
    description: z.string().optional(),
    source: endpointSchema,
    target: endpointSchema,
    lookups: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a lookup table name is letters, digits and _').refine((name) => !RESERVED_NAMES.has(name), RESERVED_MESSAGE), lookupTableSchema).default({}),
    /** Run parameters the rules read as `$param.<name>` (see compiler/run-parameters.ts). */
    parameters: z.record(parameterNameSchema, parameterSchema).optional(),
    /** The source field whose value names the whole input in required-field errors (such as an account id). */
    recordKey: sourcePathSchema.optional(),
    /** How `recordKey` is shown in errors (`Order "#1052"` for `order.name`); the key's name when not given. */
    recordLabel: z.string().trim().min(1).max(80).optional(),
    arrays: z.array(arrayContextSchema).default([]),
    rules: z.array(ruleSchema).default([]),
    tests: z.array(testCaseSchema).default([]),
    masking: maskingPolicySchema.optional(),
    layout: layoutSchema.default({ nodes: {} }),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.rules.forEach((rule, i) => {
      rule.sources.forEach((source, j) => {
        const param = PARAM_SOURCE.exec(source)?.[1];
        if (param !== undefined && !Object.hasOwn(doc.parameters ?? {}, param)) ctx.addIssue({ code: 'custom', message: `no parameter named ${param}`, path: ['rules', i, 'sources', j] });
        const problem = tableSourceProblem(doc.lookups, source);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['rules', i, 'sources', j] });
      });
      if (seen.has(rule.target)) ctx.addIssue({ code: 'custom', message: `a second rule for target field ${rule.target}`, path: ['rules', i, 'target'] });
      seen.add(rule.target);
      rule.transforms.forEach((t, j) => {
        if (t.kind === 'lookup' && !Object.hasOwn(doc.lookups, t.table)) ctx.addIssue({ code: 'custom', message: `no lookup table named ${t.table}`, path: ['rules', i, 'transforms', j, 'table'] });
        else if (t.kind === 'lookup') {
          const problem = lookupColumnProblem(doc.lookups[t.table]!, t.table, t.column);
          if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['rules', i, 'transforms', j, problem.startsWith('table') ? 'table' : 'column'] });
        }
      });
    });
    const arrays = new Set<string>();
    doc.arrays.forEach((a, i) => {
      if (arrays.has(a.target)) ctx.addIssue({ code: 'custom', message: `a second array context for ${a.target}`, path: ['arrays', i, 'target'] });
      arrays.add(a.target);
    });
  });

/** A validated mapping document (defaults applied). */
export type MappingDocument = z.infer<typeof mappingDocumentSchema>;
/** Input form of a document (defaults optional), for building one in code. */
export type MappingDocumentInput = z.input<typeof mappingDocumentSchema>;
export type MappingRule = z.infer<typeof ruleSchema>;
export type ArrayContext = z.infer<typeof arrayContextSchema>;
export type LookupTable = z.infer<typeof lookupTableSchema>;
export type TestCase = z.infer<typeof testCaseSchema>;
export type ExpectedError = z.infer<typeof expectedErrorSchema>;
export type ExpectedViolation = z.infer<typeof expectedViolationSchema>;
/** The masking policy stored in a project. */
export type MaskingPolicy = z.infer<typeof maskingPolicySchema>;
