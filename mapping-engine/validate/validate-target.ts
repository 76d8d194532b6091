/**
 * Validation of a loaded target, including one only inferred from samples.
 * A schema inferred from a few samples knows some things for sure (a sample
 * held an object here, a list there, a number) and guesses the rest: a field
 * the samples always had may be optional, a field they never showed may
 * exist, text that looked like a number may be any text. So an inferred
 * target is checked only for what it knows: JSON kinds (with integer widened
 * to number and null always allowed), objects versus plain values, a
 * repeating JSON field given one value, an array where the samples always
 * had one JSON value. Required fields, unknown fields, enumerations (inference
 * calls any field with few distinct values one), patterns, occurrence bounds
 * and the lexical types of XML and CSV text are not judged (see docs/running.md).
 */
import type { SchemaField } from '../schema/model';
import type { LoadedTarget } from './load-target';
import { validateOutput } from './validate-output';
import type { OutputViolation, ValidationTarget } from './validation-types';

function isTextual(field: SchemaField): boolean {
  return field.xml !== undefined || field.origin.kind === 'csv-header';
}

function relaxedType(field: SchemaField): SchemaField['type'] {
  if (field.type === 'object' || field.type === 'any') return field.type;
  // Text formats hold every scalar as text; a sample's "12" says nothing about the next value.
  if (isTextual(field)) return 'string';
  if (field.type === 'integer') return 'number';
  // Dates and times are strings in JSON; their form was only ever a guess from the samples.
  if (field.type === 'date' || field.type === 'datetime' || field.type === 'time') return 'string';
  // A field the samples only showed as null may hold anything.
  if (field.type === 'null') return 'any';
  return field.type;
}

/**
 * The field tree of an inferred schema with every guess removed, so that
 * {@link validateOutput} on it reports only what the samples establish.
 */
export function relaxInferredField(field: SchemaField): SchemaField {
  const relaxed: SchemaField = {
    ...field,
    type: relaxedType(field),
    required: false,
    nullable: true,
    open: true,
    // An XML element seen once may repeat; the XML writer writes one value and a one-item list alike.
    repeating: field.repeating || field.xml?.kind === 'element',
  };
  delete relaxed.pattern;
  delete relaxed.enum;
  delete relaxed.minOccurs;
  delete relaxed.maxOccurs;
  if (field.children) relaxed.children = field.children.map(relaxInferredField);
  return relaxed;
}

const relaxedRoots = new WeakMap<SchemaField, SchemaField>();

/**
 * What validating against `target` needs, as plain JSON-safe data: the
 * original JSON Schema (with the field model as ajv's fallback), or the
 * field model with every guess removed when the target is inferred. This is
 * what crosses to the runner worker, which validates there under a time
 * limit (a user's `pattern` can backtrack for ever).
 */
export function validationTargetOf(target: LoadedTarget): ValidationTarget {
  // One object per loaded target: the pool sends a target to a thread once per object, and the
  // thread's ajv compiles once per object, so a fresh wrapper per run cost a 2,500-field target
  // a copy to the thread and a new ajv compile (about 400 ms) on every run.
  let made = targets.get(target);
  if (!made) {
    made = makeValidationTarget(target);
    targets.set(target, made);
  }
  return made;
}

const targets = new WeakMap<LoadedTarget, ValidationTarget>();

function makeValidationTarget(target: LoadedTarget): ValidationTarget {
  if (!target.schema) return target.jsonSchema === undefined ? {} : { jsonSchema: target.jsonSchema };
  const root = target.schema.root;
  if (!target.inferred) return { ...(target.jsonSchema !== undefined ? { jsonSchema: target.jsonSchema } : {}), schema: { root } };
  let relaxed = relaxedRoots.get(root);
  if (!relaxed) {
    relaxed = relaxInferredField(root);
    relaxedRoots.set(root, relaxed);
  }
  return { schema: { root: relaxed } };
}

/**
 * Validates `value` against `target`: fully for a schema file or inline
 * schema, and only for what samples establish when the target is inferred.
 * Runs the target's patterns: call it only where a hard time limit can stop
 * it (the runner worker), never on a thread that serves a window or requests.
 */
export function validateTarget(value: unknown, target: LoadedTarget): OutputViolation[] {
  return validateOutput(value, validationTargetOf(target));
}
