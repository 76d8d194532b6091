/**
 * How the spec says errors name a record: by the key the user chose
 * (`recordKey`) under the label the user picked (`recordLabel`), as the
 * compiler writes it (compiler/record-label.ts): `Payment-No "…"` for
 * `` `Zahlungs-Nr` ``, or by the value's shape when the key holds personal
 * data. The value is written `…`: a spec describes every record.
 */
import { keyName, personalKey } from '../compiler/record-label';
import type { ArrayContext, MappingDocument } from '../document/document-schema';

/** `Payment-No "…" (field "Zahlungs-Nr")`, `id "…"`, or `email shaped "…" (the shape of field "email", personal data)`. */
export function recordWords(key: string, label: string | undefined): string {
  const field = keyName(key);
  const name = label ?? field;
  if (personalKey(key)) return `${name} shaped "…" (the shape of field "${field}", personal data)`;
  return name === field ? `${name} "…"` : `${name} "…" (field "${field}")`;
}

/**
 * How errors name an item of `a` with a key: its position as the compiler
 * writes it (`record N` for the input's records and a group's members,
 * `lines item N` otherwise), then its key (`record N: Payment-No "…" (field
 * "Zahlungs-Nr")`); undefined without a key. A group is named by its group
 * key, not an item's.
 */
export function arrayRecordWords(a: ArrayContext): string | undefined {
  if (a.recordKey === undefined || a.groupBy !== undefined) return undefined;
  const place = a.target === '.' || a.source === '$items' ? 'record N' : `${a.target} item N`;
  return `${place}: ${recordWords(a.recordKey, a.recordLabel)}`;
}

/** How errors name the whole input (or each record of a list input) by the document's key; undefined without one. */
export function documentRecordWords(doc: Pick<MappingDocument, 'recordKey' | 'recordLabel'>): string | undefined {
  return doc.recordKey === undefined ? undefined : recordWords(doc.recordKey, doc.recordLabel);
}
