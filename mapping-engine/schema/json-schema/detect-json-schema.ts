/**
 * Tells a JSON Schema apart from a sample payload that happens to be an
 * object, for format detection. Payloads often have a `type` member
 * (`{"type": "order"}`), so `type` only counts when it names JSON Schema types.
 */
import { isObject } from './json-pointer';

const SCHEMA_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

function isSchemaType(value: unknown): boolean {
  if (typeof value === 'string') return SCHEMA_TYPES.has(value);
  return Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && SCHEMA_TYPES.has(t));
}

function isSchemaMap(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((v) => isObject(v) || typeof v === 'boolean');
}

/**
 * Heuristic: true for an object with a `$schema` string, or with JSON Schema
 * keywords at the top (`type` naming schema types, `properties` or
 * `$defs`/`definitions` whose members are all schemas). OpenAPI documents are
 * not JSON Schemas.
 */
export function isJsonSchemaDocument(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (typeof value.openapi === 'string' || typeof value.swagger === 'string') return false;
  if (typeof value.$schema === 'string') return true;
  if (isSchemaType(value.type)) return true;
  return ['properties', '$defs', 'definitions'].some((k) => isSchemaMap(value[k]) && Object.keys(value[k] as object).length > 0);
}
