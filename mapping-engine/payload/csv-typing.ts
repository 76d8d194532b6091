/**
 * Schema-driven typing of CSV text. Without a schema every value stays the
 * text it was (so `007` and `+31...` survive); a schema field typed number,
 * integer or boolean converts text that is exactly such a value. Anything
 * else is kept as text and reported, never coerced into something wrong.
 */
import { findField, type SchemaField } from '../schema/model';
import type { JsonValue } from './types';

/** Converts one cell's text; returns `undefined` when the text does not fit the type. */
export type CellConverter = (text: string) => JsonValue | undefined;

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;

function toNumber(text: string): JsonValue | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function toInteger(text: string): JsonValue | undefined {
  const trimmed = text.trim();
  if (!INTEGER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  // Beyond 2^53 the number would silently change: keep the text.
  return Number.isSafeInteger(value) ? value : undefined;
}

function toBoolean(text: string): JsonValue | undefined {
  const lower = text.trim().toLowerCase();
  // Same spellings as the XML reader (xs:boolean allows 1 and 0).
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return undefined;
}

/** Type name for messages, per converter. */
export const CONVERTER_TYPES = new WeakMap<CellConverter, string>([
  [toNumber, 'number'],
  [toInteger, 'integer'],
  [toBoolean, 'boolean'],
]);

/**
 * One converter per header key (undefined = keep text), from the schema field
 * at path `[header]`. Headers are looked up by their original name first,
 * then by the unique key the reader gave them.
 */
export function columnConverters(schema: SchemaField | undefined, keys: readonly string[], originals: readonly string[]): Array<CellConverter | undefined> {
  if (!schema) return keys.map(() => undefined);
  return keys.map((key, index) => {
    const field = findField(schema, [key]) ?? findField(schema, [originals[index] ?? key]);
    if (!field || field.repeating) return undefined;
    if (field.type === 'number') return toNumber;
    if (field.type === 'integer') return toInteger;
    if (field.type === 'boolean') return toBoolean;
    return undefined;
  });
}
