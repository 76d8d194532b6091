/**
 * Turns gathered evidence ({@link FieldStats}) into schema fields: picks the
 * type, decides required/nullable/repeating, enums and XML facts.
 */
import type { EnumValue, FieldOrigin, FieldType, SchemaField } from '../model';
import { makeField } from '../model';
import { absorbScalars, newStats, type FieldStats } from './field-stats';
import { formatFitsType } from './type-join';
import { hasSimpleContent, TEXT_KEY, xmlKindOf } from './xml-info';

/** Settings of the conversion. */
export interface ConversionSettings {
  origin: FieldOrigin;
  enumMaxDistinct: number;
  enumMinSamples: number;
}

/**
 * Objects and non-empty plain values met at one path: in XML an element with
 * simple content, written as text when it has no attributes. An empty value
 * next to objects is just an empty element and does not count.
 */
function isMixedShape(stats: FieldStats): boolean {
  return stats.objectCount > 0 && stats.scalarCount > 0;
}

function typeOf(stats: FieldStats): FieldType {
  if (stats.nestedArray) return 'any';
  if (stats.objectCount > 0) {
    // JSON has no member that holds "the text" of an object, so object-or-scalar stays open.
    return isMixedShape(stats) && !stats.xml ? 'any' : 'object';
  }
  if (stats.scalarType !== undefined) return stats.scalarType;
  if (stats.emptyCount > 0) return 'string';
  if (stats.nullCount > 0) return 'null';
  return 'any'; // only empty arrays: no evidence of the element type
}

/** Repetition of a value is the evidence that it comes from a code list. */
function enumOf(stats: FieldStats, settings: ConversionSettings): EnumValue[] | undefined {
  const values = stats.values;
  if (!values || values.size === 0 || values.size > settings.enumMaxDistinct) return undefined;
  let occurrences = 0;
  for (const count of values.values()) occurrences += count;
  if (occurrences <= values.size || occurrences < settings.enumMinSamples) return undefined;
  return [...values.keys()].sort();
}

function childrenOf(stats: FieldStats, settings: ConversionSettings): SchemaField[] {
  const members = new Map(stats.children);
  // An empty element is an occurrence in which no member was present.
  let occurrences = stats.objectCount + stats.emptyCount;
  if (isMixedShape(stats)) {
    // Plain-text occurrences of the element are occurrences of its #text member.
    const text = members.get(TEXT_KEY) ?? newStats(TEXT_KEY, [...stats.path, TEXT_KEY]);
    const merged = { ...text, values: text.values && new Map(text.values) };
    absorbScalars(merged, stats);
    merged.xml = true;
    members.set(TEXT_KEY, merged);
    occurrences += stats.scalarCount;
  }
  return [...members.values()].map((child) => statsToField(child, settings, occurrences));
}

/**
 * Builds the field for `stats`. `parentOccurrences` is how many times the
 * parent object was seen: a member present every time is required.
 */
export function statsToField(stats: FieldStats, settings: ConversionSettings, parentOccurrences: number): SchemaField {
  const type = typeOf(stats);
  const field = makeField({
    name: stats.name,
    path: stats.path,
    type,
    origin: { ...settings.origin },
    repeating: stats.arraySeen,
    required: stats.present >= parentOccurrences,
  });
  if (stats.nullCount > 0) field.nullable = true;
  if (typeof stats.format === 'string' && formatFitsType(stats.format, type)) field.format = stats.format;
  if (type === 'string' && field.format === undefined) {
    const values = enumOf(stats, settings);
    if (values) field.enum = values;
  }
  if (type === 'object') field.children = childrenOf(stats, settings);
  if (stats.xml) {
    field.xml = { kind: xmlKindOf(stats.name) };
    if (stats.namespace) field.xml.namespace = stats.namespace;
    if (field.children && hasSimpleContent(field.children)) field.xml.simpleContent = true;
  }
  return field;
}
