/**
 * The mapping spec model: everything the source-to-target sheet says, built
 * once by `buildSpec` and rendered by every export format (Markdown, CSV,
 * HTML, XLSX), so all formats say the same thing. It holds document content
 * (paths, constants, value maps, lookup tables, defaults, notes) and test
 * outcomes, never payload values.
 */
import type { Scalar } from '../transforms/transform-node';

/** One side of the mapping as the header shows it. */
export interface SpecEndpoint {
  /** Payload format: json, jsonl, xml or csv. */
  format: string;
  /** The schema file, `inline` for an inline schema, or undefined when there is none. */
  schema?: string;
  /** Sample files (paths relative to the project file). */
  samples: string[];
}

/** The header: what the mapping is, between what, and when the spec was made. */
export interface SpecHeader {
  name: string;
  description?: string;
  source: SpecEndpoint;
  target: SpecEndpoint;
  /** The mapping document's format version. */
  formatVersion: number;
  /** The Mapwright engine that generated the spec. */
  engineVersion: string;
  /** ISO date-time the spec was generated (passed in, so golden files stay stable). */
  generatedAt: string;
  /** How errors name the input by the document's `recordKey` and `recordLabel` (`Payment-No "…" (field "Zahlungs-Nr")`). */
  records?: string;
}

/** What happens when a target field computes no value. */
export type SpecPolicy = 'omit' | 'default' | 'error';

/** One mapped target field (one rule of the document). */
export interface SpecField {
  /** Target field path as written in the document (`address.city`, ``Invoice.Amount.`@currencyID` ``). */
  path: string;
  /** Type from the target schema, when the schema lists the field. */
  type?: string;
  /** True when the target schema requires the field; undefined when the schema does not list it. */
  schemaRequired?: boolean;
  /** The array context the field sits in (its target path), if any. */
  array?: string;
  /** How an error of this field names its record: by the record key of the innermost keyed array around it, or the document's. */
  record?: string;
  /** Source field paths as written in the document. */
  sources: string[];
  /** One plain-words phrase per transform, in order. */
  steps: string[];
  /** The whole transform in plain words (the steps joined, or "copied unchanged"). */
  transform: string;
  /** The JSONata text that computes the field (from the compiled expression's source map). */
  jsonata: string;
  /** The transforms, policy and default as compact JSON, which a sheet import reads back exactly (rule-json.ts). */
  rule: string;
  policy: SpecPolicy;
  /** The policy in plain words ("required: an empty value is an error"). */
  policyText: string;
  default?: Scalar;
  notes?: string;
}

/** An array context: which source list drives which target list. */
export interface SpecArray {
  /** Target array path, or `.` when the whole output is a list. */
  target: string;
  source: string;
  /** Source, filter, sort and group-by in plain words (and how errors name an item). */
  description: string;
  /** How errors name an item by the array's `recordKey` and `recordLabel`, when it has a key. */
  records?: string;
}

/** A lookup table in full. */
export interface SpecLookup {
  name: string;
  /** `inline`, or the CSV file the entries were read from. */
  origin: string;
  keyColumn?: string;
  valueColumn?: string;
  /** Entries in key order; empty when a file table was not given to the builder. */
  entries: Array<[string, string]>;
  /** Target fields that use the table (lookups, constants read as sources, custom code mentioning it, sort and group keys). */
  usedBy: string[];
  /** Each use: the field and how it reads the table (see table-uses.ts). */
  uses?: SpecTableUse[];
  /** `rows`: a row of columns per key; `constants`: one row without a key. Absent for a table of codes. */
  shape?: 'rows' | 'constants';
  /** The columns of a row or constants table. */
  columns?: string[];
}

/** One use of a lookup table by a target field (or an array context's sort or group key). */
export interface SpecTableUse {
  target: string;
  how: 'lookup' | 'constant' | 'custom' | 'array';
  /** The column read: of a row table's row, or of a constants table. */
  column?: string;
}

/** Outcome of one test case as the spec reports it. */
export type SpecTestOutcome = 'passed' | 'failed' | 'error' | 'not run';

/** One test case and its result: counts and field paths only, never output values. */
export interface SpecTest {
  name: string;
  input: string;
  /** What the case expects in words: `output tests/x.json`, `the error MAP_REQUIRED_MISSING at lines.quantity` or `an error matching "firstName"`. */
  expects: string;
  /** The field path an expected error names, ending {@link expects}, for the renderers to show as a path. */
  field?: string;
  outcome: SpecTestOutcome;
  /** First failure message, with any payload value removed. */
  message?: string;
  /** Target field paths that differed (expected-output cases), as the spec writes paths, each once. */
  differingPaths?: string[];
}

/** A target field in the schema that no rule maps. */
export interface SpecUnmapped {
  /** Path in the document's form (names joined by dots, backticks where needed). */
  path: string;
  type: string;
  required: boolean;
}

/** A source field that the masking of samples treats as personal data (judged on the samples, or by its name where none holds it). */
export interface SpecMaskedField {
  /** The field's place in the input, as the spec writes paths (`order.line_items.title`; masking's report writes `order.line_items[].title`). */
  field: string;
  /** Masking category (email, fullName, street...) or `policy` for an `always` override. */
  category: string;
  /** Whether the field's values are masked in the project's samples. */
  masked: boolean;
  /** Why, in words. */
  reason: string;
}

/** A mapped target field and whether personal data flows into it (then its values must not be logged). */
export interface SpecPersonalTarget {
  target: string;
  personal: boolean;
  /** The masked source fields it reads. */
  from: string[];
  /** Why it is personal when no masked source says so (its own name). */
  reason?: string;
}

/** The project's masking policy and the fields it masks. Never values. */
export interface SpecMasking {
  keepCategories: string[];
  minConfidence: number;
  /** Per-field overrides of the document's policy. */
  overrides: Array<{ field: string; decision: 'always' | 'never' }>;
  fields: SpecMaskedField[];
  /** Every mapped target field, in rule order. */
  targets: SpecPersonalTarget[];
  /** How many source samples were judged by value; 0: every field was judged by its name. */
  samplesJudged: number;
}

/** The whole spec. */
export interface MappingSpec {
  header: SpecHeader;
  fields: SpecField[];
  arrays: SpecArray[];
  lookups: SpecLookup[];
  /** Undefined when tests were not run for this spec. */
  tests?: SpecTest[];
  unmapped: SpecUnmapped[];
  /** True when the target has no schema to list unmapped fields from. */
  unmappedUnknown: boolean;
  masking: SpecMasking;
}
