/**
 * The transform palette: every transform kind with a label, a category, a
 * one-line description, a valid starting node and a description of its
 * parameter form. The form is derived from the zod schema of the kind (via
 * its JSON Schema), so a new parameter or kind appears in every form without
 * the renderer hard-coding it; only the words here are written by hand.
 */
import { z } from 'zod';
import { compareOpSchema, transformNodeSchema, type TransformKind, type TransformNode } from '../../transforms/transform-node';
import { PARAM_HINTS, PALETTE_INFO, type PaletteCategory } from './transform-palette-info';

/** How a form edits one parameter. */
export type ParamFieldType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  /** One of `options`. */
  | 'enum'
  /** Text, number, true/false or null (constants, defaults, map values). */
  | 'scalar'
  /** A list of texts. */
  | 'stringList'
  /** A map from text keys to scalar values (value maps). */
  | 'entries'
  /** A predicate `{ field?, op, value? }`; `options` lists the operators. */
  | 'predicate'
  /** The name of one of the document's lookup tables. */
  | 'lookupTable'
  /** A column of the row table the node's `table` names. */
  | 'lookupColumn'
  /** Anything else: edit as JSON. */
  | 'json';

/** One parameter of a transform form. */
export interface ParamField {
  name: string;
  label: string;
  type: ParamFieldType;
  /** The node is invalid without it (it has no default). */
  required: boolean;
  /** The value the node takes when the parameter is left out. */
  default?: unknown;
  options?: readonly string[];
  /** Values worth offering in a combo box (date patterns), the field accepting others too. */
  suggestions?: readonly string[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  /** A regular expression the text must match (from the schema). */
  pattern?: string;
  /** One line of help under the control. */
  help?: string;
}

/** One transform kind in the palette. */
export interface PaletteEntry {
  kind: TransformKind;
  label: string;
  category: PaletteCategory;
  description: string;
  /** Words a search box should also match (such as "regex" for replace). */
  keywords: readonly string[];
  /** A valid node to insert from the palette before the user fills in the form. */
  initial: TransformNode;
  params: ParamField[];
}

type JsonSchema = Record<string, unknown> & { type?: unknown; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[] };

const SAFE = Number.MAX_SAFE_INTEGER;

function humanise(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldType(s: JsonSchema): Pick<ParamField, 'type' | 'options'> {
  if (Array.isArray(s.enum)) return { type: 'enum', options: s.enum.map(String) };
  if (Array.isArray(s.type)) return { type: 'scalar' };
  if (Array.isArray(s.anyOf)) {
    const parts = s.anyOf.map(fieldType);
    if (parts.every((p) => p.type === 'string' || p.type === 'enum')) return { type: 'string' };
    return { type: 'json' };
  }
  if (s.const !== undefined) return { type: 'string' };
  switch (s.type) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
      return { type: s.type };
    case 'array':
      return (s.items as JsonSchema | undefined)?.type === 'string' ? { type: 'stringList' } : { type: 'json' };
    case 'object':
      if (s.properties && 'op' in s.properties) return { type: 'predicate', options: compareOpSchema.options };
      if (s.additionalProperties) return { type: 'entries' };
      return { type: 'json' };
    default:
      return { type: 'json' };
  }
}

function paramField(kind: string, name: string, s: JsonSchema, required: boolean): ParamField {
  const field: ParamField = { name, label: humanise(name), ...fieldType(s), required };
  if (s.default !== undefined) field.default = s.default;
  if (typeof s.minimum === 'number' && s.minimum > -SAFE) field.min = s.minimum;
  if (typeof s.maximum === 'number' && s.maximum < SAFE) field.max = s.maximum;
  if (typeof s.minLength === 'number') field.minLength = s.minLength;
  if (typeof s.maxLength === 'number') field.maxLength = s.maxLength;
  if (typeof s.pattern === 'string') field.pattern = s.pattern;
  if (typeof s.description === 'string') field.help = s.description;
  return { ...field, ...PARAM_HINTS[`${kind}.${name}`] };
}

function entryOf(option: z.ZodType): PaletteEntry {
  const schema = z.toJSONSchema(option, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const kind = (schema.properties!.kind as { const: TransformKind }).const;
  const required = new Set(schema.required ?? []);
  const params = Object.entries(schema.properties!)
    .filter(([name]) => name !== 'kind')
    .map(([name, s]) => paramField(kind, name, s, required.has(name)));
  const info = PALETTE_INFO[kind];
  const initial = transformNodeSchema.parse({ kind, ...info?.initial });
  return { kind, label: info?.label ?? humanise(kind), category: info?.category ?? 'advanced', description: info?.description ?? `The ${humanise(kind).toLowerCase()} transform.`, keywords: info?.keywords ?? [], initial, params };
}

let palette: readonly PaletteEntry[] | undefined;

/** Every transform kind, in the order of the library, with its parameter form. Computed once. */
export function transformPalette(): readonly PaletteEntry[] {
  palette ??= transformNodeSchema.options.map((option) => entryOf(option as z.ZodType));
  return palette;
}

/** The palette entry of `kind`, or undefined for an unknown kind. */
export function paletteEntry(kind: string): PaletteEntry | undefined {
  return transformPalette().find((e) => e.kind === kind);
}

/**
 * A valid node of `kind` to insert from the palette; a lookup names the
 * document's first table (`lookups`), since a node naming no table would be refused.
 */
export function initialTransform(kind: string, lookups: Readonly<Record<string, unknown>> = {}): TransformNode | undefined {
  const entry = paletteEntry(kind);
  if (entry === undefined) return undefined;
  const first = Object.keys(lookups)[0];
  return entry.initial.kind === 'lookup' && first !== undefined ? { ...entry.initial, table: first } : entry.initial;
}
