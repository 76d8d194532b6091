/**
 * The schema tree methods of the studio backend (see
 * contract/methods/schema-tree-methods.ts): a schema loaded once (checked
 * against the project like `importSchema`), kept for the next requests while
 * the file is unchanged, and served a level at a time.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadSchema } from '../../mapping-engine/schema/load-schema';
import type { SchemaDocument } from '../../mapping-engine/schema/model';
import type { StudioApiPart } from '../contract/studio-api';
import type { schemaTreeMethods } from '../contract/methods/schema-tree-methods';
import { checkedResolver, readBounded } from './engine/engine-context';
import { childLevels, fieldAt, indexTypes, type TypeIndex } from './engine/schema-children';
import { SEARCH_LIMITS, searchSchema } from './engine/schema-search';
import { settle } from './settle';
import type { BackendServiceOptions } from './studio-backend';

/** Schemas kept loaded (a source and a target, and one being switched to). */
const CACHED_SCHEMAS = 3;

interface Loaded {
  doc: SchemaDocument;
  types: TypeIndex;
}

/** Creates the schema tree methods for one backend. */
export function createSchemaTreeService(options: BackendServiceOptions): StudioApiPart<keyof typeof schemaTreeMethods> {
  const access = options.fileAccess;
  // Most recently used last; a key names the file's size and time, so an edited file loads again.
  const cache = new Map<string, Promise<Loaded>>();

  async function load(projectPath: string, file: string, root: string | undefined): Promise<Loaded> {
    const projectFile = await access.checkProject(projectPath);
    const path = await access.checkRead(file, projectPath);
    const info = await stat(path);
    const key = [path, root ?? '', info.size, info.mtimeMs].join('\0');
    let entry = cache.get(key);
    if (entry) cache.delete(key);
    else {
      entry = (async () => {
        const doc = await loadSchema([{ file: path, bytes: await readBounded(path, basename(file)) }], {
          resolver: checkedResolver(access, projectFile),
          ...(root ? { root } : {}),
        });
        return { doc, types: indexTypes(doc.root) };
      })();
      // A failed load is not kept: the next request tries again.
      entry.catch(() => cache.delete(key));
    }
    cache.set(key, entry);
    while (cache.size > CACHED_SCHEMAS) cache.delete(cache.keys().next().value!);
    return entry;
  }

  return {
    schemaChildren: (request) =>
      settle(async () => {
        const { doc, types } = await load(request.projectPath, request.file, request.root);
        const { field, prefix } = fieldAt(doc.root, request.parent, types);
        const { rows, truncated } = childLevels(field, prefix, types, request.levels ?? 1, request.limit ?? 2000);
        return { title: doc.title ?? basename(request.file), rows, truncated };
      }),
    schemaSearch: (request) =>
      settle(async () => {
        const { doc, types } = await load(request.projectPath, request.file, request.root);
        return searchSchema(doc.root, types, request.text, { ...SEARCH_LIMITS, matches: request.limit ?? SEARCH_LIMITS.matches });
      }),
  };
}
