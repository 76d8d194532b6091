/**
 * The files one schema is made of (itself, then every file it includes,
 * imports or `$ref`s, as loading it reads them), and how to lay them out in
 * a project so the references inside them still resolve: below their common
 * folder, each at its place relative to the others. Nothing is rewritten, so
 * the references stay the relative paths their authors wrote.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { loadSchema } from '../schema/load-schema';
import type { SourceResolver } from '../schema/resolver';

/**
 * Loads the schema at `file` (its `bytes` read already) through `resolver` and
 * returns the absolute paths it read: `file` first, then the others in the order loading reached them.
 * @throws MapwrightError the schema loader's codes, and the resolver's (`ACCESS_DENIED`, `FILE_READ`)
 */
export async function schemaMembers(file: string, bytes: Uint8Array, resolver: SourceResolver, root?: string): Promise<string[]> {
  const members = [resolve(file)];
  const recording: SourceResolver = {
    async read(location) {
      const content = await resolver.read(location);
      const path = resolve(location);
      if (!members.includes(path)) members.push(path);
      return content;
    },
  };
  await loadSchema([{ file: resolve(file), bytes }], { resolver: recording, ...(root !== undefined ? { root } : {}) });
  return members;
}

/**
 * `files` laid out as they are, below the nearest folder holding all of them
 * (includes may climb to `../common/`): each one's path below it, `/`-separated, in the order given.
 */
export function layoutBelowCommonFolder(files: readonly string[]): string[] {
  let base = dirname(resolve(files[0] ?? '.'));
  const below = (file: string) => relative(base, resolve(file)).split(sep)[0] !== '..';
  while (!files.every(below) && dirname(base) !== base) base = dirname(base);
  return files.map((file) => relative(base, resolve(file)).split(sep).join('/'));
}
