/** The one entry point: validate a mapping's output against its target. */
import { withImpliedRoot } from '../schema/implied-xml-root';
import { validateFields } from './validate-fields';
import { compileJsonSchema, validateWithJsonSchema } from './validate-json-schema';
import type { OutputViolation, ValidationTarget } from './validation-types';

/**
 * Lists every place where `value` breaks `target`: with ajv when the target is
 * a JSON Schema, else by walking the schema model. A JSON Schema ajv cannot
 * compile (say, a `$ref` into another file) falls back to the model, which the
 * loader already resolved, rather than failing the run.
 */
export function validateOutput(value: unknown, target: ValidationTarget): OutputViolation[] {
  const { jsonSchema, schema } = target;
  if (jsonSchema !== null && typeof jsonSchema === 'object') {
    try {
      return validateWithJsonSchema(value, jsonSchema);
    } catch (error) {
      if (!schema) {
        return [{ path: '', code: 'MAP_SCHEMA', message: `the target JSON Schema cannot be used for validation: ${error instanceof Error ? error.message : String(error)}` }];
      }
    }
  }
  // `{}` for an XML target is written as the schema's root element, empty: judged as what is written.
  return schema ? validateFields(withImpliedRoot(value, schema.root), schema.root) : [];
}

/**
 * Compiles `target`'s JSON Schema ahead of {@link validateOutput} (once per
 * schema text; seconds for thousands of fields). It runs no pattern, so the
 * runner gives it a time budget apart from the validation. A schema ajv
 * cannot compile is left to {@link validateOutput}'s fallback.
 */
export function prepareValidation(target: ValidationTarget): void {
  const { jsonSchema } = target;
  if (jsonSchema === null || typeof jsonSchema !== 'object') return;
  try {
    compileJsonSchema(jsonSchema);
  } catch {
    // validateOutput reports it, or falls back to the field model.
  }
}
