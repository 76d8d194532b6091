/**
 * Typing of XML text by a schema. XML text is untyped, so the reader keeps
 * strings ("007" and "1.10" must survive) unless the schema says a field is
 * a number, an integer or a boolean; then valid text is converted and
 * invalid text stays a string for validation to report.
 */
import { pathKey, walkFields, type FieldType, type SchemaField } from '../schema/model';
import type { JsonValue } from './types';

/** The scalar types the reader converts to. */
export type XmlScalarType = Extract<FieldType, 'number' | 'integer' | 'boolean'>;

const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const INTEGER = /^[+-]?[0-9]+$/;

/** Path key -> type, for the fields of `schema` whose text the reader converts. */
export function scalarTypesOf(schema: SchemaField | undefined): Map<string, XmlScalarType> {
  const types = new Map<string, XmlScalarType>();
  if (!schema) return types;
  walkFields(schema, (field) => {
    if (field.type === 'number' || field.type === 'integer' || field.type === 'boolean') types.set(pathKey(field.path), field.type);
  });
  return types;
}

/**
 * Converts `text` to `type` when it is a valid lexical form (XSD rules:
 * surrounding white space is collapsed; booleans are true/false/1/0).
 * Integers beyond 2^53 stay strings rather than silently losing digits.
 */
export function coerceText(text: string, type: XmlScalarType | undefined): JsonValue {
  if (type === undefined) return text;
  const trimmed = text.trim();
  if (type === 'boolean') {
    if (trimmed === 'true' || trimmed === '1') return true;
    if (trimmed === 'false' || trimmed === '0') return false;
    return text;
  }
  if (!(type === 'integer' ? INTEGER : DECIMAL).test(trimmed)) return text;
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return text;
  if (type === 'integer' && !Number.isSafeInteger(number)) return text;
  return number;
}
