/** Types shared by the output validators. */
import type { SchemaDocument } from '../schema/model';

/** Codes of output violations (also listed in ERROR_CODES). */
export type ViolationCode = 'MAP_REQUIRED_MISSING' | 'MAP_TYPE' | 'MAP_ENUM' | 'MAP_REPEAT' | 'MAP_PATTERN' | 'MAP_SCHEMA';

/** One place where a mapping's output breaks the target schema. */
export interface OutputViolation {
  /** Target field path, such as `address.postcode` or `lines[2].total`; `''` for the whole output. */
  path: string;
  code: ViolationCode;
  message: string;
}

/**
 * What output is validated against: the original JSON Schema document when
 * the target is one (so every keyword counts, not only what the field model
 * keeps), else the schema model (XSD, OpenAPI, inferred from samples).
 */
export interface ValidationTarget {
  schema?: SchemaDocument;
  jsonSchema?: unknown;
}
