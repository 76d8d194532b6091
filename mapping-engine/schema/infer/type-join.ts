/**
 * How two pieces of type evidence combine. Shared by inference over values and
 * by {@link mergeFields} over finished trees so both give the same answer.
 */
import type { FieldType } from '../model';

const SCALAR_TYPES: ReadonlySet<FieldType> = new Set(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'time']);

/** True for the types a single JSON scalar or text value can have. */
export function isScalarType(type: FieldType): boolean {
  return SCALAR_TYPES.has(type);
}

/**
 * Joins two scalar types: equal types stay, integer and number widen to
 * number, anything else falls back to string (every scalar can be read as
 * text, so a mapping on a string field never loses data).
 */
export function joinScalarTypes(a: FieldType, b: FieldType): FieldType {
  if (a === b) return a;
  if ((a === 'integer' && b === 'number') || (a === 'number' && b === 'integer')) return 'number';
  return 'string';
}

/** Which field type a format hint belongs to; a hint that no longer fits the joined type is dropped. */
export function formatFitsType(format: string, type: FieldType): boolean {
  switch (format) {
    case 'date':
      return type === 'date';
    case 'date-time':
      return type === 'datetime';
    case 'time':
      return type === 'time';
    default:
      return type === 'string';
  }
}
