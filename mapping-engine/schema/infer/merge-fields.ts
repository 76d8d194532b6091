/**
 * Union of two inferred schema trees, for when a sample is added to a schema
 * inferred earlier. Follows the same rules as inference over values (see
 * docs/schemas-inference.md); only enums differ, because a finished tree no
 * longer knows how often each value occurred.
 */
import type { EnumValue, SchemaField, XmlFieldInfo } from '../model';
import { makeField } from '../model';
import { DEFAULT_ENUM_MAX_DISTINCT } from './infer-options';
import { formatFitsType, isScalarType, joinScalarTypes } from './type-join';
import { hasSimpleContent, TEXT_KEY } from './xml-info';

/** The type-specific part of a field, decided by the merge. */
type Shape = Pick<SchemaField, 'type' | 'format' | 'enum' | 'children'>;

/** A repeating `any` without members came from empty arrays only: it holds no evidence. */
function holdsNoEvidence(field: SchemaField): boolean {
  return field.type === 'any' && field.repeating && !field.children?.length;
}

function shapeOf(field: SchemaField): Shape {
  const shape: Shape = { type: field.type };
  if (field.format !== undefined) shape.format = field.format;
  if (field.enum !== undefined) shape.enum = field.enum;
  if (field.children !== undefined) shape.children = field.children;
  return shape;
}

function mergeEnums(a: EnumValue[] | undefined, b: EnumValue[] | undefined): EnumValue[] | undefined {
  // One side without an enum had values that did not look like a code list.
  if (!a || !b) return undefined;
  const union = [...new Set([...a, ...b])];
  if (union.length > DEFAULT_ENUM_MAX_DISTINCT) return undefined;
  // Code-unit order, as inference sorts, so merged and inferred enums compare equal.
  return union.sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0));
}

function mergeScalars(a: SchemaField, b: SchemaField): Shape {
  const type = joinScalarTypes(a.type, b.type);
  const shape: Shape = { type };
  if (a.format !== undefined && a.format === b.format && formatFitsType(a.format, type)) shape.format = a.format;
  if (type === 'string' && shape.format === undefined) {
    const values = mergeEnums(a.enum, b.enum);
    if (values) shape.enum = values;
  }
  return shape;
}

function optional(field: SchemaField): SchemaField {
  return field.required ? { ...field, required: false } : field;
}

function mergeChildren(a: readonly SchemaField[], b: readonly SchemaField[]): SchemaField[] {
  const byName = new Map(b.map((child) => [child.name, child]));
  const merged = a.map((child) => {
    const other = byName.get(child.name);
    byName.delete(child.name);
    return other ? mergeFields(child, other) : optional(child);
  });
  for (const rest of byName.values()) merged.push(optional(rest));
  return merged;
}

/** The text of an element seen as plain text, as the `#text` member of its object form. */
function textMemberOf(scalar: SchemaField, parent: SchemaField): SchemaField {
  const text = makeField({ name: TEXT_KEY, path: [...parent.path, TEXT_KEY], type: scalar.type, origin: scalar.origin, required: true });
  if (scalar.format !== undefined) text.format = scalar.format;
  if (scalar.enum !== undefined) text.enum = scalar.enum;
  text.xml = { kind: 'text' };
  return text;
}

function mergeObjectWithScalar(object: SchemaField, scalar: SchemaField, xml: boolean): Shape {
  // JSON has no member that holds "the text" of an object, so object-or-scalar stays open.
  if (!xml) return { type: 'any' };
  const children = (object.children ?? []).map(optional);
  const text = textMemberOf(scalar, object);
  const at = children.findIndex((child) => child.name === TEXT_KEY);
  if (at >= 0) children[at] = mergeFields(object.children![at]!, text);
  else children.push({ ...text, required: false });
  return { type: 'object', children };
}

function mergeShapes(a: SchemaField, b: SchemaField, xml: boolean): Shape {
  if (a.type === 'null' || holdsNoEvidence(a)) return shapeOf(b);
  if (b.type === 'null' || holdsNoEvidence(b)) return shapeOf(a);
  if (a.type === 'object' && b.type === 'object') return { type: 'object', children: mergeChildren(a.children ?? [], b.children ?? []) };
  if (a.type === 'object' && isScalarType(b.type)) return mergeObjectWithScalar(a, b, xml);
  if (b.type === 'object' && isScalarType(a.type)) return mergeObjectWithScalar(b, a, xml);
  if (isScalarType(a.type) && isScalarType(b.type)) return mergeScalars(a, b);
  return { type: 'any' };
}

function mergeXml(a: XmlFieldInfo | undefined, b: XmlFieldInfo | undefined, children: SchemaField[] | undefined): XmlFieldInfo | undefined {
  const base = a ?? b;
  if (!base) return undefined;
  const xml: XmlFieldInfo = { kind: base.kind };
  const namespace = a?.namespace ?? b?.namespace;
  if (namespace !== undefined) xml.namespace = namespace;
  if (children && hasSimpleContent(children)) xml.simpleContent = true;
  return xml;
}

/**
 * Union of two inferred trees for the same path (pure: neither input is
 * changed). Repeating if either repeats, required only if both require,
 * nullable if either is; types widen as in inference; members found on one
 * side only become optional. Descriptive properties are taken from `a`.
 */
export function mergeFields(a: SchemaField, b: SchemaField): SchemaField {
  const shape = mergeShapes(a, b, a.xml !== undefined || b.xml !== undefined);
  const { format: _format, enum: _enum, children: _children, xml: _xml, nullable: _nullable, ...base } = a;
  const merged: SchemaField = {
    ...base,
    ...shape,
    repeating: a.repeating || b.repeating,
    required: a.required && b.required,
  };
  if (a.nullable || b.nullable || a.type === 'null' || b.type === 'null') merged.nullable = true;
  const xml = mergeXml(a.xml, b.xml, merged.children);
  if (xml) merged.xml = xml;
  return merged;
}
