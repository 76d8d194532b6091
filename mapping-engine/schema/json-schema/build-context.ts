/**
 * State shared by one conversion of JSON Schema (or OpenAPI schema objects)
 * into the schema model.
 */
import { MapwrightError } from '../../errors';
import type { FieldOrigin } from '../model';
import type { SchemaRegistry } from './schema-registry';

/** What to do with a `$ref` to a web URI that is not available offline. */
export type RemoteRefPolicy =
  /** Keep the field as open content (`type: 'any'`, `open: true`, `origin.ref` = the URI). */
  | 'open'
  /** Fail with `SCHEMA_REF`. */
  | 'error';

/** Default depth at which nesting is cut (marked `recursive`), so a huge acyclic schema still ends. */
export const DEFAULT_MAX_DEPTH = 32;

/**
 * Most fields one load may produce; past it the load fails rather than exhausting memory or
 * time (an exponential `oneOf` or `$ref` graph reaches it in a few seconds, not hours).
 */
export const MAX_FIELDS = 50_000;

/** Shared conversion state. */
export interface BuildContext {
  registry: SchemaRegistry;
  originKind: FieldOrigin['kind'];
  maxDepth: number;
  remoteRefs: RemoteRefPolicy;
  /** Fields made so far (checked against {@link MAX_FIELDS}). */
  fieldCount: number;
  /** File named in a LIMIT_EXCEEDED error. */
  file: string;
  /** Schemas being collected right now, one inside the other (see {@link enterSchema}). */
  nesting: number;
}

/** Deepest nesting of allOf/anyOf/$ref inside one field before the load gives up. */
export const MAX_NESTING = 400;

/**
 * Notes that one more schema is being collected inside the current one.
 * Inline `allOf` in `allOf` thousands deep would otherwise overflow the stack.
 * @throws MapwrightError `LIMIT_EXCEEDED` past {@link MAX_NESTING}.
 */
export function enterSchema(ctx: BuildContext): void {
  ctx.nesting++;
  if (ctx.nesting > MAX_NESTING) {
    throw new MapwrightError('LIMIT_EXCEEDED', `schema keywords nest more than ${MAX_NESTING} levels deep`, {
      file: ctx.file,
      expected: 'a schema with less deeply nested allOf/anyOf/oneOf',
    });
  }
}

/**
 * Counts one more field.
 * @throws MapwrightError `LIMIT_EXCEEDED` past {@link MAX_FIELDS}.
 */
export function countField(ctx: BuildContext): void {
  ctx.fieldCount++;
  if (ctx.fieldCount > MAX_FIELDS) {
    throw new MapwrightError('LIMIT_EXCEEDED', `schema expands to more than ${MAX_FIELDS} fields`, {
      file: ctx.file,
      expected: 'a smaller schema, a sub-schema as root, or a lower maxDepth',
    });
  }
}

/** Options that shape a whole build, as the JSON Schema and OpenAPI loaders take them. */
export interface BuildOptions {
  maxDepth?: number;
  remoteRefs?: RemoteRefPolicy;
}

/** A fresh context for building one root field from `registry`. */
export function newBuildContext(registry: SchemaRegistry, originKind: FieldOrigin['kind'], file: string, options: BuildOptions): BuildContext {
  return { registry, originKind, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, remoteRefs: options.remoteRefs ?? 'open', fieldCount: 0, file, nesting: 0 };
}
