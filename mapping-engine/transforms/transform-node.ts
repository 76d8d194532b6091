/**
 * The typed transform nodes of a mapping rule. A rule's value flows through a
 * chain of these nodes; each is plain JSON-safe data `{ kind, ...params }` so
 * the mapping document stays the single source of truth (DEVELOPERS.md rule 2).
 */
import { z } from 'zod';

/** A JSON value usable as a constant, default or map entry. */
export const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof scalarSchema>;

/** Comparison operators of filters and conditions. */
export const compareOpSchema = z.enum(['=', '!=', '<', '<=', '>', '>=', 'exists', 'empty', 'in']);
export type CompareOp = z.infer<typeof compareOpSchema>;

/** A test on a value (or on a field of it when `field` is set). */
export const predicateSchema = z.strictObject({
  field: z.string().min(1).optional(),
  op: compareOpSchema,
  value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
});
export type Predicate = z.infer<typeof predicateSchema>;

/** What to do with a value the transform cannot handle. */
export const onInvalidSchema = z.enum(['error', 'omit']);

/** Date patterns: fixed-width tokens (yyyy yy MM dd HH mm ss SSS) or a named form. */
const datePattern = z.string().min(1);

/**
 * Where a date is written: a fixed offset (`+0100`), `source` (the offset the
 * ISO timestamp was written with) or an IANA zone name (`Europe/Berlin`,
 * checked when compiled). Without one, dates are written in UTC.
 */
export const dateZoneSchema = z.union([
  z.string().regex(/^[+-]\d{4}$/),
  z.literal('source'),
  z.string().regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'a time zone: +HHMM, "source" or an IANA name such as Europe/Berlin'),
]);

/** Separators a number's text may use. */
const decimalSeparatorSchema = z.enum(['.', ',']);
const thousandsSeparatorSchema = z.enum(['', ',', '.', ' ', "'"]);

const node = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) => z.strictObject({ kind: z.literal(kind), ...shape });

/** Every transform node kind, validated. */
export const transformNodeSchema = z.discriminatedUnion('kind', [
  node('copy', {}),
  node('constant', { value: scalarSchema }),
  node('default', { value: scalarSchema }),
  node('concat', { separator: z.string().default(''), keepEmpty: z.boolean().optional() }),
  node('split', { separator: z.string().min(1), index: z.number().int().optional() }),
  node('substring', { start: z.number().int(), length: z.number().int().min(0).optional() }),
  node('trim', {}),
  node('case', { mode: z.enum(['upper', 'lower', 'title']) }),
  node('pad', { width: z.number().int().min(1).max(1000), char: z.string().min(1).default(' '), side: z.enum(['left', 'right']).default('left') }),
  node('replace', { pattern: z.string().min(1), replacement: z.string(), regex: z.boolean().default(false), flags: z.string().regex(/^[im]*$/).optional() }),
  node('parseNumber', { decimalSeparator: decimalSeparatorSchema.default('.'), thousandsSeparator: thousandsSeparatorSchema.default(''), onInvalid: onInvalidSchema.default('error') }),
  node('formatNumber', { picture: z.string().min(1), decimalSeparator: z.string().length(1).optional(), groupingSeparator: z.string().length(1).optional() }),
  /** `fixed`: written as text with exactly `decimals` fraction digits (`1001.00`), as amounts in files are. */
  node('round', { decimals: z.number().int().min(0).max(15).default(0), fixed: z.boolean().optional() }),
  node('arithmetic', { op: z.enum(['+', '-', '*', '/', '%']), operand: z.number() }),
  node('calculate', { op: z.enum(['+', '-', '*', '/']) }),
  node('date', { from: datePattern, to: datePattern, timezone: dateZoneSchema.optional(), pivotYear: z.number().int().min(0).max(99).default(50), onInvalid: onInvalidSchema.default('error') }),
  node('valueMap', { entries: z.record(z.string(), scalarSchema), default: scalarSchema.optional(), onUnknown: z.enum(['default', 'error', 'keep']).default('default') }),
  /** `column`: of a row table, the column of the found row (`name`, `iban`); a code table has none. */
  node('lookup', { table: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), column: z.string().regex(/^[^`]+$/, 'a column name without backticks').optional(), default: scalarSchema.optional(), onUnknown: z.enum(['default', 'error', 'keep']).default('default') }),
  /** `reject`: when the test holds, the record is rejected with this reason (RECORD_REJECTED) instead of a value chosen. */
  node('condition', { when: predicateSchema, then: scalarSchema.optional(), else: scalarSchema.optional(), reject: z.string().min(1).max(200).optional() }),
  /**
   * A typed check of a present value: its length, a pattern (anchored, as XSD patterns are), a numeric
   * range, one of a list, or check digits (IBAN mod 97, Luhn). A value that fails rejects the record
   * (`reject`, RECORD_REJECTED) or becomes no value (`missing`), so the rule's required policy applies.
   */
  node('check', {
    test: z.enum(['length', 'pattern', 'range', 'oneOf', 'iban', 'luhn']),
    min: z.number().optional(),
    max: z.number().optional(),
    exclusiveMin: z.number().optional(),
    exclusiveMax: z.number().optional(),
    pattern: z.string().min(1).max(1000).optional(),
    values: z.array(z.string()).max(1000).optional(),
    onFail: z.enum(['reject', 'missing']).default('reject'),
  }),
  node('parseBoolean', { trueValues: z.array(z.string()).default(['true', 'yes', 'y', '1']), falseValues: z.array(z.string()).default(['false', 'no', 'n', '0']), onInvalid: onInvalidSchema.default('error') }),
  node('aggregate', {
    fn: z.enum(['sum', 'count', 'min', 'max', 'average', 'join']),
    field: z.string().min(1).optional(),
    separator: z.string().default(', '),
    /** A second field of each item multiplied with `field` (quantity times price). */
    times: z.string().min(1).optional(),
    /** Each item's value rounded (half to even) before the items are combined, as a ledger books each line. */
    itemDecimals: z.number().int().min(0).max(15).optional(),
    /** Item values that are text are read as numbers with these separators (an error names the field). */
    decimalSeparator: decimalSeparatorSchema.optional(),
    thousandsSeparator: thousandsSeparatorSchema.optional(),
    /**
     * Money: sum, average, min and max computed exactly to this many fraction digits, on whole
     * numbers of 1/10^decimals (scaled integers), so `0.10 + 0.20 + 1000.70` is `1001`, never `1001.0000000000001`.
     */
    decimals: z.number().int().min(0).max(15).optional(),
    /** With `decimals`: the result written as text with exactly that many fraction digits (`1001.00`). */
    fixed: z.boolean().optional(),
  }),
  node('pick', { field: z.string().min(1).optional(), index: z.number().int().optional() }),
  node('filter', { when: predicateSchema }),
  node('sort', { field: z.string().min(1).optional(), descending: z.boolean().default(false) }),
  node('custom', { expression: z.string().min(1) }),
]);

/** One transform node as stored in the document (defaults applied). */
export type TransformNode = z.infer<typeof transformNodeSchema>;
/** The kinds of transform nodes. */
export type TransformKind = TransformNode['kind'];
/** The node type of one kind. */
export type NodeOf<K extends TransformKind> = Extract<TransformNode, { kind: K }>;
