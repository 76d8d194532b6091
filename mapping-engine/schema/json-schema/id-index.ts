/**
 * Finds the `$id`s and anchors declared inside a schema document, so a
 * `$ref` can name a schema by identifier instead of by file location
 * (schemastore's `https://json.schemastore.org/...` ids, octokit's relative
 * `common/user.schema.json` ids).
 */
import { isObject } from './json-pointer';
import { normalizeUri, resolveUri, splitFragment } from './uri';

/** Keywords whose values are data, not subschemas: an `$id` inside them is not an id. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example', 'x-examples']);

/** The id a node declares (`$id`, or `id` in draft-04 documents), if any. */
export function declaredId(node: unknown, draft04: boolean): string | undefined {
  if (!isObject(node)) return undefined;
  const id = node.$id ?? (draft04 ? node.id : undefined);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** Base URI in effect inside `node`, given the base of its parent. Plain-name fragments (`#foo`) do not change it. */
export function baseWithin(parentBase: string | undefined, node: unknown, draft04: boolean): string | undefined {
  const id = declaredId(node, draft04);
  if (id === undefined || id.startsWith('#')) return parentBase;
  return normalizeUri(resolveUri(parentBase, id));
}

/** One identifier found in a document. */
export interface DeclaredId {
  /** Resource URI (no fragment) or `uri#anchor`. */
  uri: string;
  pointer: string[];
}

/** Lists every resource id and anchor in `root`, depth-first. */
export function collectIds(root: unknown, draft04: boolean): DeclaredId[] {
  const found: DeclaredId[] = [];
  const visit = (node: unknown, pointer: string[], parentBase: string | undefined, depth: number): void => {
    if (depth > 200) return; // ids deeper than this are not worth a stack overflow
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...pointer, String(index)], parentBase, depth + 1));
      return;
    }
    if (!isObject(node)) return;
    const base = baseWithin(parentBase, node, draft04);
    const id = declaredId(node, draft04);
    if (id !== undefined) {
      if (id.startsWith('#')) found.push({ uri: `${splitFragment(base ?? '').document}${id}`, pointer });
      else if (base !== undefined) found.push({ uri: base, pointer });
    }
    if (typeof node.$anchor === 'string') found.push({ uri: `${splitFragment(base ?? '').document}#${node.$anchor}`, pointer });
    for (const [key, value] of Object.entries(node)) {
      if (!DATA_KEYWORDS.has(key)) visit(value, [...pointer, key], base, depth + 1);
    }
  };
  visit(root, [], undefined, 0);
  return found;
}
