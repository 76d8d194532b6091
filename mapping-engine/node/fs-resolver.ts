/**
 * A {@link SourceResolver} over the local file system, for schema loaders
 * that follow `$ref`, `xs:include` and `xs:import`. Each file is read once per
 * resolver (schemas such as UBL import the same modules many times).
 */
import { readInputFile } from './read-file';
import type { SourceResolver } from '../schema/resolver';

/** Creates a caching file-system resolver. */
export function createFsResolver(): SourceResolver {
  const cache = new Map<string, Promise<Uint8Array>>();
  return {
    read(location: string): Promise<Uint8Array> {
      let pending = cache.get(location);
      if (!pending) {
        pending = readInputFile(location);
        cache.set(location, pending);
      }
      return pending;
    },
  };
}
