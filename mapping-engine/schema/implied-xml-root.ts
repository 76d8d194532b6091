/**
 * The root element an XML target's schema names, for output that has none.
 * A mapping with no rules yet (or whose every field came out empty) gives
 * `{}`, which no XML document can express; when the target schema names
 * exactly one root element (an XSD's root, or the element of the XML samples
 * a target was inferred from), that output is that element, empty:
 * `<Document xmlns="…"/>`. The XML writer and the output validation both read
 * it so, so the written file and the violations reported for it agree
 * (`Document.CstmrCdtTrfInitn` is missing, not `Document`).
 */
import type { SchemaField } from './model';

/** The one XML root element `schemaRoot` names; undefined when it names none or several. */
export function impliedRootName(schemaRoot: SchemaField | undefined): string | undefined {
  const roots = (schemaRoot?.children ?? []).filter((child) => child.xml?.kind === 'element');
  return roots.length === 1 ? roots[0]!.name : undefined;
}

/** `value` with the schema's root element filled in when it is an object with no members; else `value` itself. */
export function withImpliedRoot<T>(value: T, schemaRoot: SchemaField | undefined): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length > 0) return value;
  const name = impliedRootName(schemaRoot);
  return name === undefined ? value : ({ [name]: {} } as T);
}
