/**
 * The input value the source preview shows and lineage reads, from the
 * backend's page of the (masked) input: one JSON or XML document is its one
 * record; CSV and JSON Lines are arrays of records, as the mapping sees them.
 */
import type { PayloadPreview } from '../../../electron/contract/methods/engine-methods';

/** The value of the page's records, or undefined when a record was cut (its text is no longer JSON). */
export function pageValue(page: PayloadPreview): unknown {
  if (page.records.some((r) => r.truncated)) return undefined;
  try {
    const values = page.records.map((r) => JSON.parse(r.text) as unknown);
    if ((page.format === 'json' || page.format === 'xml') && values.length === 1) return values[0];
    return values;
  } catch {
    return undefined;
  }
}

/** Whether `path` is one of `wanted` or lies inside one of them (`contacts[1].value` inside `contacts[1]`). */
export function isInside(path: string, wanted: readonly string[]): boolean {
  return wanted.some((w) => path === w || path.startsWith(`${w}.`) || path.startsWith(`${w}[`) || w === '');
}
