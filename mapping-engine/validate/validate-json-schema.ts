/**
 * Validates output against an original JSON Schema document with ajv, so
 * every keyword applies (formats, minItems, if/then...), and turns each ajv
 * error into a target field path and one of the MAP_* codes.
 */
import { shownValue } from './shown-value';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { formatFieldPath, type PathStep } from './field-path';
import type { OutputViolation, ViolationCode } from './validation-types';

// Compiling a schema is far slower than validating; a target is validated once per record.
const compiled = new WeakMap<object, ValidateFunction>();
const compiledByText = new Map<string, ValidateFunction>();

/** The ajv class for the draft `schema` declares; draft-07 rules when it declares none. */
function ajvFor(schema: object, options: { allErrors: boolean; strict: boolean; verbose: boolean }): Ajv {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (typeof declared === 'string' && declared.includes('2020-12')) return new Ajv2020(options);
  if (typeof declared === 'string' && declared.includes('2019-09')) return new Ajv2019(options);
  return new Ajv(options);
}

/**
 * Compiles (once per schema object) a validator for `schema`.
 * @throws whatever ajv throws for a schema it cannot compile (unresolved `$ref`...)
 */
export function compileJsonSchema(schema: object): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  // The studio loads the target afresh for every run and it reaches the worker as a new copy, so
  // the object is new each time; its text is not. Compiling a 2,500-field schema takes seconds,
  // its text a millisecond or two.
  const text = JSON.stringify(schema);
  const sameText = compiledByText.get(text);
  if (sameText) {
    compiled.set(schema, sameText);
    return sameText;
  }
  // strict: false because real schemas carry vendor keywords; the schema loader reports those.
  const options = { allErrors: true, strict: false, verbose: true };
  const ajv = ajvFor(schema, options);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  // A few targets at most: a thread serves one studio window or one batch.
  if (compiledByText.size >= 4) compiledByText.delete(compiledByText.keys().next().value!);
  compiledByText.set(text, validate);
  return validate;
}

/** Turns a JSON pointer into path steps, indexes where the value at that point is an array. */
function stepsOf(pointer: string, value: unknown): PathStep[] {
  const steps: PathStep[] = [];
  let current: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const name = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(name)) {
      steps.push(Number(name));
      current = current[Number(name)];
    } else {
      steps.push(name);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[name] : undefined;
    }
  }
  return steps;
}

function codeOf(error: ErrorObject): ViolationCode {
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return 'MAP_REQUIRED_MISSING';
    case 'type': {
      // An array where one value belongs, or one value where an array belongs, is a repetition problem.
      const expected = String((error.params as { type?: unknown }).type);
      return expected.split(',').includes('array') || Array.isArray(error.data) ? 'MAP_REPEAT' : 'MAP_TYPE';
    }
    case 'enum':
    case 'const':
      return 'MAP_ENUM';
    case 'pattern':
      return 'MAP_PATTERN';
    case 'minItems':
    case 'maxItems':
    case 'uniqueItems':
    case 'minContains':
    case 'maxContains':
      return 'MAP_REPEAT';
    default:
      return 'MAP_SCHEMA';
  }
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return `${shownValue(error.data)} is not one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (error.keyword === 'required') return 'required field is missing';
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') return 'field is not in the target schema';
  return error.message ?? error.keyword;
}

/**
 * Validates `value` against the JSON Schema `schema`.
 * @throws when ajv cannot compile the schema (the caller falls back to the field model)
 */
export function validateWithJsonSchema(value: unknown, schema: object): OutputViolation[] {
  const validate = compileJsonSchema(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const violations: OutputViolation[] = [];
  for (const error of validate.errors ?? []) {
    // oneOf/anyOf report every branch's failure and then themselves; the summary line is enough.
    if (error.schemaPath.includes('/oneOf/') || error.schemaPath.includes('/anyOf/')) continue;
    const steps = stepsOf(error.instancePath, value);
    const missing = (error.params as { missingProperty?: unknown }).missingProperty;
    if (codeOf(error) === 'MAP_REQUIRED_MISSING' && typeof missing === 'string') steps.push(missing);
    // A field the schema does not allow is named at its own path, as the XSD walker names it, not at its parent.
    const extra = (error.params as { additionalProperty?: unknown; unevaluatedProperty?: unknown }).additionalProperty ?? (error.params as { unevaluatedProperty?: unknown }).unevaluatedProperty;
    if ((error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') && typeof extra === 'string') steps.push(extra);
    const violation: OutputViolation = { path: formatFieldPath(steps), code: codeOf(error), message: describe(error) };
    const key = `${violation.code} ${violation.path} ${violation.message}`;
    if (!seen.has(key)) violations.push(violation);
    seen.add(key);
  }
  return violations;
}
