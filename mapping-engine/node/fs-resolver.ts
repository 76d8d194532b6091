/**
 * A {@link SourceResolver} over the local file system, for schema loaders
 * that follow `$ref`, `xs:include` and `xs:import` and for the files a
 * project refers to (lookup tables, schemas). Each file is read once per
 * resolver (schemas such as UBL import the same modules many times).
 *
 * The rule of docs/security.md ("The CLI"): the files named on the command
 * line are the user's choice; what THEY refer to must stay inside their
 * folders (after `..` and symbolic links are resolved), unless the user
 * passed `--allow-outside`. A reference that leaves is `ACCESS_DENIED`, named
 * by its file name only, never by a path climbing out of the folder. The
 * rule lives here, in the resolver, so the schema loaders stay unaware of it.
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { MapwrightError } from '../errors';
import type { SourceResolver } from '../schema/resolver';
import { readInputFile } from './read-file';

/** Where the references of one command may lead. */
export interface ReferenceScope {
  /** Folders references may reach (the folders of the files named on the command line). */
  roots: readonly string[];
  /** `--allow-outside`: references may lead anywhere. */
  allowOutside: boolean;
}

// The CLI sets this once per invocation from `--allow-outside` (see cli/main.ts).
let allowOutsideByDefault = false;

/** Sets whether references may leave their scope for scopes made afterwards (the CLI's `--allow-outside`). */
export function setAllowOutside(allow: boolean): void {
  allowOutsideByDefault = allow;
}

/** The scope of references made by `files` (the project or schema files the user named): their folders, plus `folders`. */
export function referenceScope(files: readonly string[], folders: readonly string[] = []): ReferenceScope {
  return { roots: [...files.map((file) => dirname(resolve(file))), ...folders.map((folder) => resolve(folder))], allowOutside: allowOutsideByDefault };
}

async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return resolve(await realpath(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

const inside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
};

/**
 * `location` when `scope` lets a reference reach it.
 * @throws MapwrightError `ACCESS_DENIED` naming the reference by its file name
 */
export async function checkReference(location: string, scope: ReferenceScope | undefined): Promise<string> {
  if (!scope || scope.allowOutside) return location;
  const real = await realOrResolved(location);
  const roots = await Promise.all(scope.roots.map(realOrResolved));
  if (roots.some((root) => inside(real, root))) return location;
  const name = basename(location);
  throw new MapwrightError('ACCESS_DENIED', `${name}: a reference outside the folder of the file that makes it`, {
    file: name,
    expected: 'a file inside the project or schema folder (pass --allow-outside to allow references anywhere)',
  });
}

/**
 * Creates a caching file-system resolver.
 * @param scope where references may lead; unchecked when absent (callers that checked already, tests)
 */
export function createFsResolver(scope?: ReferenceScope): SourceResolver {
  const cache = new Map<string, Promise<Uint8Array>>();
  return {
    read(location: string): Promise<Uint8Array> {
      let pending = cache.get(location);
      if (!pending) {
        pending = checkReference(location, scope).then(readInputFile);
        cache.set(location, pending);
      }
      return pending;
    },
  };
}
