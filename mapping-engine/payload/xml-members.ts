/**
 * Safe member access for objects whose keys come from documents. XML names
 * such as `__proto__` are legal, and a plain assignment would change the
 * object's prototype instead of adding data.
 */
import type { JsonValue } from './types';

/** A JSON object value. */
export type JsonObject = { [key: string]: JsonValue };

/** Sets `object[key]` as an own, enumerable data property, whatever the key. */
export function setMember<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** The own member `key` of `object`, or undefined (never an inherited one). */
export function getMember<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
