/**
 * How well a source list fits a target list, for suggesting an array
 * context: the lists' own names (plurals and synonyms folded, `line_items` ~
 * `lines`) and how many of the target item's fields have a counterpart among
 * the source item's fields (`sku`, `quantity`, `price` in both). Overlap is
 * the stronger evidence when the names say little (`OrderLine` ~ `lines`,
 * `packages` into the rows of a CSV output).
 */
import type { SchemaField } from '../schema/model';
import { compareNames, normaliseName, type NameMatch, type NormalName } from './normalise-name';

/** Item fields compared at most (a huge XSD item would cost more than it tells). */
const MAX_ITEM_FIELDS = 200;

/** The leaf names of one item of `list`: its fields and its objects' fields, not those of lists nested in it. */
function itemNames(list: SchemaField): NormalName[] {
  const out: NormalName[] = [];
  const visit = (field: SchemaField, depth: number): void => {
    for (const child of field.children ?? []) {
      if (out.length >= MAX_ITEM_FIELDS) return;
      const leaf = !child.children || child.children.length === 0;
      // An element's text beside its attributes (`PriceAmount.#text`) is named by its element.
      if (leaf) out.push(normaliseName(child.name === '#text' ? field.name : child.name));
      else if (!child.repeating && depth < 3) visit(child, depth + 1);
    }
  };
  visit(list, 0);
  return out;
}

/** The target item's fields with a counterpart (same name, synonym or the same words) in the source item. */
export function itemOverlap(target: SchemaField, source: SchemaField): { matched: string[]; total: number } {
  const sourceNames = itemNames(source);
  const targetNames = itemNames(target);
  const matched = targetNames.filter((t) => sourceNames.some((s) => compareNames(t, s).score >= 0.8)).map((t) => t.raw);
  return { matched, total: targetNames.length };
}

/**
 * The fit of `source` for `target` (both repeating objects; `targetName` the
 * target list's name, the root's being empty): the name match, raised by
 * the share of item fields that match, or carried by that share alone when
 * at least half of them do.
 */
export function listMatch(target: SchemaField, targetName: NormalName, source: SchemaField): NameMatch {
  const name = compareNames(targetName, normaliseName(source.name));
  const { matched, total } = itemOverlap(target, source);
  const ratio = total === 0 ? 0 : matched.length / total;
  if (matched.length < 2 || ratio < 0.25) return name;
  const shown = matched.slice(0, 4).join(', ') + (matched.length > 4 ? ', ...' : '');
  const fields = `${matched.length} of ${total} item fields match (${shown})`;
  if (name.score >= 0.5) return { score: Math.min(1, name.score + 0.2 * ratio), reason: `${name.reason}; ${fields}` };
  if (ratio >= 0.5) return { score: 0.5 + 0.3 * ratio, reason: fields };
  return name;
}
