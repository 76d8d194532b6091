/**
 * A side's fields (as the backend's `importSchema` flattens them) read back
 * into names per level, so they compare with the document's paths: the
 * schema writes `contacts[].channel`, a rule inside the `contacts` array
 * context targets `contacts.channel`.
 */
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import { quoteName, splitPath } from '../../../mapping-engine/transforms/jsonata-text';

/** One field with its names from the root. */
export interface TreeField {
  row: SchemaFieldRow;
  /** Names from the root down to this field. */
  names: string[];
  /** For each level of `names`, whether that field repeats. */
  repeats: boolean[];
  /** The document path (names joined, quoted where needed, no `[]`). */
  path: string;
}

/** Comparison key of a list of names. */
export function namesKey(names: readonly string[]): string {
  return names.join('\u0000');
}

/** Comparison key of a document path (`.` and paths that do not split compare as themselves). */
export function pathKeyOf(path: string): string {
  if (path === '.') return '.';
  try {
    return namesKey(splitPath(path));
  } catch {
    return path;
  }
}

/** A document path from names. */
export function pathOf(names: readonly string[]): string {
  return names.map(quoteName).join('.');
}

/** The rows with their names, rebuilt from the depth-first order and depths. */
export function treeFields(rows: readonly SchemaFieldRow[]): TreeField[] {
  const names: string[] = [];
  const repeats: boolean[] = [];
  return rows.map((row) => {
    names.length = row.depth;
    repeats.length = row.depth;
    names.push(row.name);
    repeats.push(row.repeating);
    return { row, names: [...names], repeats: [...repeats], path: pathOf(names) };
  });
}
