/**
 * Search in a schema's whole tree, also the fields the canvas has not
 * loaded: breadth first through shared types (so the shallowest matches come
 * first and a recursive type is walked only to a depth), within limits on
 * depth, fields visited and rows sent. The answer is, for every field on the
 * way to a match, all of that field's own fields, so the renderer lists the
 * path as if the user had opened each level.
 */
import type { SchemaField } from '../../../mapping-engine/schema/model';
import type { SchemaSearchResult } from '../../contract/methods/schema-tree-methods';
import { childLevels, fieldAt, fieldsOf, type TypeIndex } from './schema-children';

/** Limits of one search. */
export interface SearchLimits {
  /** Matching fields to bring. */
  matches: number;
  /** Levels below the root to walk. */
  depth: number;
  /** Fields to look at. */
  visited: number;
  /** Rows to send in all. */
  rows: number;
}

/** The limits the studio searches with. */
export const SEARCH_LIMITS: SearchLimits = { matches: 50, depth: 12, visited: 200_000, rows: 20_000 };

/** The fields under `root` whose name contains `text` (case-insensitive), and the levels leading to them. */
export function searchSchema(root: SchemaField, types: TypeIndex, text: string, limits: SearchLimits = SEARCH_LIMITS): SchemaSearchResult {
  const wanted = text.trim().toLowerCase();
  const found: string[][] = [];
  let complete = true;
  let visited = 0;
  let level: Array<{ field: SchemaField; names: string[] }> = [{ field: root, names: [] }];
  walk: for (let depth = 0; level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { field, names } of level) {
      for (const child of fieldsOf(field, types)) {
        if (++visited > limits.visited) {
          complete = false;
          break walk;
        }
        const own = [...names, child.name];
        if (child.name.toLowerCase().includes(wanted)) {
          if (found.length >= limits.matches) {
            complete = false;
            break walk;
          }
          found.push(own);
        }
        if (depth + 1 < limits.depth) next.push({ field: child, names: own });
        else if (fieldsOf(child, types).length > 0) complete = false;
      }
    }
    level = next;
  }
  // Every field on the way to a match, once, shallowest first.
  const parents = new Map<string, string[]>();
  for (const names of found) for (let n = 0; n < names.length; n++) parents.set(names.slice(0, n).join('\u0000'), names.slice(0, n));
  const levels: SchemaSearchResult['levels'] = [];
  let rows = 0;
  let matches = found.length;
  for (const parent of [...parents.values()].sort((a, b) => a.length - b.length)) {
    const { field, prefix } = fieldAt(root, parent, types);
    const answer = childLevels(field, prefix, types, 1, limits.rows);
    if (rows + answer.rows.length > limits.rows) {
      // Too many to send: the matches below this level stay unlisted.
      complete = false;
      matches = found.filter((names) => !names.slice(0, parent.length).every((n, i) => n === parent[i])).length;
      break;
    }
    rows += answer.rows.length;
    levels.push({ parent, ...(field.origin.ref !== undefined ? { parentType: field.origin.ref } : {}), rows: answer.rows });
  }
  return { levels, matches, complete };
}
