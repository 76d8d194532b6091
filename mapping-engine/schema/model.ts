/**
 * The one schema model of Mapwright: a tree of fields. Samples, JSON Schema,
 * OpenAPI, XSD and CSV headers are all converted into it, and the canvas, the
 * compiler, validation and the spec export all read it.
 *
 * Path conventions (the same as the payload readers produce, see docs/formats.md):
 * the root field has `path: []`; an XML document's root element is a child of
 * the root (`{ Invoice: {...} }`); XML attributes are named `@name`, the text
 * of an element that also has attributes or children is `#text`.
 */

/** Scalar and structural types a field can have. `any` is open content (xs:any, untyped JSON). */
export type FieldType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time'
  | 'object'
  | 'null'
  | 'any';

/** XSD value facets beyond enumeration, pattern and maxLength, most derived first. */
export interface ValueFacets {
  minLength?: number;
  minInclusive?: number;
  maxInclusive?: number;
  minExclusive?: number;
  maxExclusive?: number;
  totalDigits?: number;
  fractionDigits?: number;
}

/** A value an enumeration may list. */
export type EnumValue = string | number | boolean | null;

/** Where a field definition came from. */
export interface FieldOrigin {
  kind: 'sample' | 'json-schema' | 'openapi' | 'xsd' | 'csv-header';
  /** File the definition was read from (as given by the caller). */
  file?: string;
  /** JSON pointer (`#/components/schemas/Pet`) or XSD component (`{ns}TypeName`). */
  ref?: string;
}

/** XML specifics of a field; absent for JSON and CSV payloads. */
export interface XmlFieldInfo {
  kind: 'element' | 'attribute' | 'text';
  /** Namespace URI; absent for no namespace. */
  namespace?: string;
  /**
   * Element with simple content and attributes: its value is an object with
   * `#text` and `@attr` members when attributes are present, and the plain
   * text when none are (see docs/formats-xml.md).
   */
  simpleContent?: boolean;
}

/** One node of the schema tree. */
export interface SchemaField {
  /** Local name as it appears in a value (`ID`, `@currencyID`, `#text`, `first_name`). Root: `''`. */
  name: string;
  /** Names from the root down to this field, the root excluded. */
  path: string[];
  type: FieldType;
  /** The field holds an array of values of `type` (XML maxOccurs > 1, JSON array). */
  repeating: boolean;
  /** The field must be present (within its parent). */
  required: boolean;
  /** `null` is allowed as well as `type`. */
  nullable?: boolean;
  enum?: EnumValue[];
  /** A format hint: JSON Schema formats (`email`, `date-time`, `uri`) or XSD built-in type names. */
  format?: string;
  pattern?: string;
  /** Most characters a text value may have (JSON Schema `maxLength`, XSD `maxLength` or `length` facet). */
  maxLength?: number;
  /** The other value facets (XSD `minLength`, bounds, `totalDigits`, `fractionDigits`; JSON Schema targets are checked by ajv). */
  facets?: ValueFacets;
  description?: string;
  minOccurs?: number;
  /** `undefined` = unbounded when `repeating`. */
  maxOccurs?: number;
  /** The children are alternatives (oneOf/anyOf/xs:choice), exactly one of which applies. */
  choice?: boolean;
  /**
   * For content that is one xs:choice: how many alternatives must be present (`min`: 0 for an optional
   * choice, else 1) and whether every alternative is a single element (`singleElements`), so that two
   * different ones present break the schema. Output validation enforces it.
   */
  choiceRule?: { min: number; singleElements: boolean };
  /** The object may hold members the schema does not list (xs:any, additionalProperties). */
  open?: boolean;
  /** True when the type definition recursed and children were cut at this field. */
  recursive?: boolean;
  origin: FieldOrigin;
  xml?: XmlFieldInfo;
  children?: SchemaField[];
}

/** A loaded schema: its root field plus document-level facts. */
export interface SchemaDocument {
  root: SchemaField;
  /** For XML: namespace URI -> preferred prefix (from the XSD or the sample). */
  namespaces?: Record<string, string>;
  /** Title or root element name, for display. */
  title?: string;
}

/** Key used for path lookups: segments joined with `/`. */
export function pathKey(path: readonly string[]): string {
  return path.join('/');
}

/** Visits every field depth-first, parents before children. */
export function walkFields(root: SchemaField, visit: (field: SchemaField, depth: number) => void, depth = 0): void {
  visit(root, depth);
  for (const child of root.children ?? []) walkFields(child, visit, depth + 1);
}

/** Finds the field at `path` (an array of names, root excluded), or undefined. */
export function findField(root: SchemaField, path: readonly string[]): SchemaField | undefined {
  let current: SchemaField | undefined = root;
  for (const name of path) {
    current = current?.children?.find((child) => child.name === name);
    if (!current) return undefined;
  }
  return current;
}

/**
 * The set of path keys (see {@link pathKey}) of repeating fields: the XML
 * reader uses it so a single `<InvoiceLine>` still becomes an array.
 */
export function repeatingPaths(root: SchemaField): Set<string> {
  const keys = new Set<string>();
  walkFields(root, (field) => {
    if (field.repeating && field.path.length > 0) keys.add(pathKey(field.path));
  });
  return keys;
}

/** Creates a field with the defaults most builders want. */
export function makeField(init: Partial<SchemaField> & Pick<SchemaField, 'name' | 'path' | 'type' | 'origin'>): SchemaField {
  return { repeating: false, required: false, ...init };
}
