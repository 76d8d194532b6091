/**
 * The intermediate form between XSD components and schema fields. Each type
 * and global element is compiled once into these shapes; the tree builder then
 * instantiates fresh SchemaField objects from them for every place they occur.
 * Nothing here is ever handed to a caller, so sharing these objects between
 * occurrences is safe.
 */
import type { EnumValue, FieldType, ValueFacets } from '../model';

/** A simple type reduced to what a field can carry. */
export interface SimpleInfo {
  type: FieldType;
  /** XSD built-in name for types the FieldType does not capture (`anyURI`, `gYear`...). */
  format?: string;
  enum?: EnumValue[];
  pattern?: string;
  /** The `maxLength` (or `length`) facet. */
  maxLength?: number;
  /** The other value facets (minLength, bounds, digits). */
  facets?: ValueFacets;
  /** `{ns}Name` of the simple type (built-in or named); absent for anonymous types. */
  ref?: string;
  /** File that defines the type. */
  file: string;
}

/** An attribute as it applies to an element. */
export interface AttributeUse {
  /** Local name, without `@`. */
  name: string;
  /** Namespace when qualified. */
  ns?: string;
  required: boolean;
  simple: SimpleInfo;
  description?: string;
}

/** Occurrence bounds; `max` is `Infinity` for unbounded. */
export interface Occurs {
  min: number;
  max: number;
}

/** An element declaration (global or local). */
export interface ElementDecl {
  name: string;
  /** Namespace when qualified. */
  ns?: string;
  nillable: boolean;
  description?: string;
  /** File that declares the element. */
  file: string;
  /** Compiles (once) and returns the element's type. */
  type(): CompiledType;
}

/** A particle of a content model. */
export type Particle =
  | ({ kind: 'element'; decl: ElementDecl } & Occurs)
  | ({ kind: 'any' } & Occurs)
  | ModelGroup;

/** xs:sequence, xs:choice or xs:all with its occurrence bounds. */
export interface ModelGroup extends Occurs {
  kind: 'sequence' | 'choice' | 'all';
  items: Particle[];
}

/** A simple or complex type compiled for field building. */
export interface CompiledType {
  /** Identity used to detect recursion: `{ns}Name` or a unique key for an anonymous type. */
  key: string;
  /** `{ns}Name` for a named type; absent for an anonymous one. */
  ref?: string;
  file: string;
  /** Set for simple types and for complex types with simple content. */
  simple?: SimpleInfo;
  attributes: AttributeUse[];
  /** xs:anyAttribute present (here or in a base type). */
  anyAttribute: boolean;
  /** Element content; absent for simple and empty types. */
  content?: ModelGroup;
  mixed: boolean;
  /** xs:anyType: anything goes. */
  anyType: boolean;
  description?: string;
}
