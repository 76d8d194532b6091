/**
 * A file the user picked as a project's source or target, before any project
 * exists: what it holds (a sample payload, a JSON Schema, an OpenAPI document
 * or an XSD), the payload format it stands for, and the roots to choose from.
 *
 * The picked file must be granted. The files a picked schema includes or
 * `$ref`s are read only when granted too, or when they lie in the picked
 * schema's own folder (or below) and have a schema's name: a schema from an
 * untrusted source cannot pull `~/.ssh/id_rsa` or another folder's data into
 * the project through an include.
 */
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { detectFormat, extensionOf } from '../../../mapping-engine/payload/detect-format';
import type { PayloadFormat } from '../../../mapping-engine/payload/types';
import { readInputFile } from '../../../mapping-engine/node/read-file';
import { detectSchemaKind, loadSchema } from '../../../mapping-engine/schema/load-schema';
import { listOpenApiRoots } from '../../../mapping-engine/schema/openapi';
import type { SourceResolver } from '../../../mapping-engine/schema/resolver';
import { listXsdRoots } from '../../../mapping-engine/schema/xsd';
import type { ChosenFileInfo, ChosenFileKind } from '../../contract/methods/project-file-methods';
import { isInside, type FileAccess } from '../engine/file-access';

/** Largest JSON or YAML file parsed to tell a schema from a sample; a larger one is taken as a sample. */
export const MAX_DETECT_BYTES = 16 * 1024 * 1024;

/** Largest file a picked schema may include (as for a project's references). */
const MAX_SCHEMA_BYTES = 128 * 1024 * 1024;

/** Names a schema's includes and `$ref`s may have when read without their own grant. */
const SCHEMA_NAME = /\.(xsd|json|ya?ml)$/i;

/** The first `length` bytes of a file. */
async function head(path: string, length = 64 * 1024): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The resolver of a picked schema's references: granted files, or schema files
 * in the picked schema's folder tree; `seen` collects every real path read.
 */
export function pickedSchemaResolver(access: FileAccess, schemaReal: string, seen?: Set<string>): SourceResolver {
  const folder = dirname(schemaReal);
  return {
    async read(location) {
      let real: string;
      try {
        real = await access.checkRead(location);
      } catch (error) {
        real = await realpath(location).catch(() => location);
        if (!(error instanceof MapwrightError) || error.code !== 'ACCESS_DENIED' || !isInside(real, folder) || !SCHEMA_NAME.test(real)) {
          throw new MapwrightError('ACCESS_DENIED', `${basename(location)}: the schema refers to a file outside its folder`, {
            file: basename(location),
            expected: `a file in the schema's folder or below (${basename(schemaReal)} is in ${basename(folder)}/)`,
          });
        }
        const info = await stat(real).catch(() => undefined);
        if (!info?.isFile()) throw new MapwrightError('FILE_READ', `cannot read ${basename(location)}: not a regular file`, { file: basename(location) });
      }
      const size = (await stat(real)).size;
      if (size > MAX_SCHEMA_BYTES) {
        throw new MapwrightError('LIMIT_EXCEEDED', `${basename(location)} is ${size} bytes, more than a schema file may be`, { file: basename(location) });
      }
      seen?.add(real);
      return readInputFile(real);
    },
  };
}

/** What {@link detectChosenFile} found, with the file's real path. */
export interface DetectedFile extends ChosenFileInfo {
  real: string;
}

/** The payload format a schema kind describes. */
function formatOfKind(kind: Exclude<ChosenFileKind, 'sample'>): PayloadFormat {
  return kind === 'xsd' ? 'xml' : 'json';
}

/**
 * Detects what the granted file at `path` holds and lists its roots.
 * @throws MapwrightError `ACCESS_DENIED`, `FILE_READ`, `OPENAPI_INVALID`, `YAML_PARSE`, `XSD_PARSE`, `SCHEMA_*`...
 */
export async function detectChosenFile(access: FileAccess, path: string): Promise<DetectedFile> {
  const real = await access.checkRead(path);
  const name = basename(path);
  const size = (await stat(real)).size;
  const ext = extensionOf(name);
  // Only JSON and YAML need parsing to tell a schema from a sample; anything else is judged by its head.
  const structured = ext === 'json' || ext === 'yaml' || ext === 'yml';
  if (structured && size > MAX_DETECT_BYTES && ext !== 'json') {
    throw new MapwrightError('LIMIT_EXCEEDED', `${name} is ${size} bytes, more than a schema file may be`, { file: name, expected: `at most ${MAX_DETECT_BYTES} bytes` });
  }
  const bytes = structured && size <= MAX_DETECT_BYTES ? await readInputFile(real) : await head(real);
  const kind: ChosenFileKind = structured && size > MAX_DETECT_BYTES ? 'sample' : await detectSchemaKind({ file: name, bytes });
  if (kind === 'sample') return { real, name, kind, format: detectFormat(name, bytes), roots: [] };
  const resolver = pickedSchemaResolver(access, real);
  const full = structured ? bytes : await readInputFile(real);
  const roots = kind === 'openapi' ? await listOpenApiRoots(full, real, resolver) : kind === 'xsd' ? await listXsdRoots(full, real, resolver) : [];
  return { real, name, kind, format: formatOfKind(kind), roots };
}

/**
 * Every file a picked schema consists of (itself first, then what it includes
 * or `$ref`s), as real paths, read through {@link pickedSchemaResolver}.
 * Loading it also proves the root exists (`SCHEMA_ROOT` otherwise).
 */
export async function schemaFiles(access: FileAccess, real: string, root: string | undefined): Promise<string[]> {
  const seen = new Set<string>([real]);
  const resolver = pickedSchemaResolver(access, real, seen);
  await loadSchema([{ file: real, bytes: await readInputFile(real) }], { resolver, ...(root !== undefined ? { root } : {}) });
  return [...seen];
}
