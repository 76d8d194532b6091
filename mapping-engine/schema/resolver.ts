/**
 * How schema loaders reach other files ($ref across files, xs:include and
 * xs:import) without touching the file system themselves: the host passes a
 * {@link SourceResolver}. Locations are slash-separated paths (Windows
 * backslashes are normalised); URLs with a scheme other than `file:` are never
 * fetched, because Mapwright works offline.
 */
import { MapwrightError } from '../errors';

/** Reads referenced documents for a schema loader. */
export interface SourceResolver {
  /** Returns the bytes or text at `location` (an absolute or root-relative path from {@link resolveLocation}). */
  read(location: string): Promise<Uint8Array | string>;
}

/** Normalises `a/./b/../c` and backslashes; keeps a leading `/` or drive letter. */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const absolute = slashed.startsWith('/');
  const out: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !absolute) out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** Folder part of a path (`a/b/c.xsd` -> `a/b`). */
export function dirname(path: string): string {
  const normalized = normalizePath(path);
  const slash = normalized.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : normalized.slice(0, slash);
}

/**
 * Resolves `reference` (relative path, `file:` URL or absolute path, without
 * any `#fragment`) against the file `base`.
 * @throws MapwrightError `SCHEMA_REF` for remote URLs: nothing is fetched.
 */
export function resolveLocation(base: string, reference: string): string {
  let ref = reference.split('#')[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    if (!ref.toLowerCase().startsWith('file:')) {
      throw new MapwrightError('SCHEMA_REF', `remote reference "${reference}" is not fetched: Mapwright works offline`, {
        file: base,
        expected: 'a local file path relative to the schema',
      });
    }
    ref = decodeURIComponent(ref.replace(/^file:(\/\/)?/i, ''));
  }
  if (ref === '') return normalizePath(base);
  if (ref.startsWith('/') || /^[a-z]:[\\/]/i.test(ref)) return normalizePath(ref);
  return normalizePath(`${dirname(base)}/${ref}`);
}
