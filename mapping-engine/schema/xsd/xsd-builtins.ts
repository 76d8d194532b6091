/**
 * XML Schema built-in datatypes -> field types, and typing of facet values.
 * Only the string family itself maps to a bare `string`; any other built-in
 * that has no FieldType of its own keeps its name as `format`, so a consumer
 * can still tell an `anyURI` from a `gYear`. The floating-point numbers do
 * too (`number` with format `double`): their text may have an exponent,
 * `INF` or `NaN`, which an `xs:decimal` (a bare `number`) may not.
 */
import type { EnumValue, FieldType } from '../model';
import { XSD_NS } from './xsd-dom';
import { FLOATING_NUMBER } from './xsd-number-kinds';
import type { SimpleInfo } from './xsd-model';

const PLAIN_STRING = new Set(['string', 'normalizedString', 'token']);
const INTEGER = new Set([
  'integer',
  'int',
  'long',
  'short',
  'byte',
  'nonNegativeInteger',
  'positiveInteger',
  'nonPositiveInteger',
  'negativeInteger',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
]);
const OTHER: Record<string, FieldType> = {
  boolean: 'boolean',
  date: 'date',
  dateTime: 'datetime',
  dateTimeStamp: 'datetime',
  time: 'time',
};

/** Field type (and format) of the built-in datatype `local` of the XML Schema namespace. */
export function builtinSimple(local: string, file: string): SimpleInfo {
  const ref = `{${XSD_NS}}${local}`;
  if (PLAIN_STRING.has(local)) return { type: 'string', ref, file };
  if (local === 'decimal') return { type: 'number', ref, file };
  if (FLOATING_NUMBER.has(local)) return { type: 'number', format: local, ref, file };
  if (INTEGER.has(local)) return { type: 'integer', ref, file };
  const other = OTHER[local];
  if (other) return { type: other, ref, file };
  return { type: 'string', format: local, ref, file };
}

/** Types an enumeration value as the field type says (numbers stay strings when they do not parse). */
export function typedFacetValue(value: string, type: FieldType): EnumValue {
  if (type === 'number' || type === 'integer') {
    const trimmed = value.trim();
    const parsed = Number(trimmed);
    return trimmed !== '' && Number.isFinite(parsed) ? parsed : value;
  }
  if (type === 'boolean') {
    const trimmed = value.trim();
    if (trimmed === 'true' || trimmed === '1') return true;
    if (trimmed === 'false' || trimmed === '0') return false;
  }
  return value;
}

/** Simple info of the `xml:` attributes, which every processor knows without a schema document. */
export function xmlNamespaceAttribute(local: string, file: string): SimpleInfo | undefined {
  const ref = `{http://www.w3.org/XML/1998/namespace}${local}`;
  switch (local) {
    case 'lang':
      return { type: 'string', format: 'language', ref, file };
    case 'space':
      return { type: 'string', enum: ['default', 'preserve'], ref, file };
    case 'base':
      return { type: 'string', format: 'anyURI', ref, file };
    case 'id':
      return { type: 'string', format: 'ID', ref, file };
    default:
      return undefined;
  }
}
