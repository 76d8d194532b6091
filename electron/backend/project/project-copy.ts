/**
 * Save As into another folder (`saveProjectCopy`): the copy must run there,
 * so every file the project refers to (schemas with what they include or
 * `$ref`, samples, lookup tables, test inputs and expected outputs) is copied
 * beside it under the same relative path. A reference that climbed out of
 * the old project's folder is copied into `external/` and re-pointed, so the
 * copy is self-contained.
 *
 * Files already in the new folder are never replaced without the user's
 * word: an identical file is left alone, a different one makes the save fail
 * with `FILE_EXISTS` listing them, and the UI asks before calling again with
 * `replaceFiles`; even then only files the studio may read (in a folder the
 * user opened) are replaced. Only visible data files are created (see
 * file-set.ts), and when the project file cannot be written, the copies are
 * undone.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { loadDocument, resolveDocumentPath, serializeDocument, type MappingDocument } from '../../../mapping-engine/document';
import { readInputFile } from '../../../mapping-engine/node/read-file';
import { loadSchema } from '../../../mapping-engine/schema/load-schema';
import type { SaveProjectCopyArgs } from '../../contract/methods/project-file-methods';
import type { ProjectState } from '../../contract/methods/project-methods';
import { checkedResolver, type EngineContext } from '../engine/engine-context';
import { PROJECT_FILE_NAME } from '../engine/file-access';
import { exists, fileExists, FileSet, isDataPath } from './file-set';

/** The project service's save, lent to the copy (grant check, validation, .bak, recent files). */
export interface CopyWriter {
  writeProject(path: string, text: string, sessionId: string | undefined): Promise<ProjectState>;
}

/** One file to copy: where it is and where it goes, both relative to their project folders. */
interface CopyItem {
  from: string;
  to: string;
}

/** `path` relative to `folder` with forward slashes; undefined when it lies outside. */
function inside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  if (rel === '' || rel.split(sep)[0] === '..' || /^[A-Za-z]:|^[\\/]/.test(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** The files a schema reference consists of (itself, then its includes and `$ref`s), as absolute paths. */
async function schemaMembers(context: EngineContext, projectFile: string, file: string, root: string | undefined): Promise<string[]> {
  const checked = checkedResolver(context.access, projectFile);
  const seen = new Set<string>([file]);
  const resolver = { read: (location: string) => (seen.add(location), checked.read(location)) };
  await loadSchema([{ file, bytes: await resolver.read(file) }], { resolver, ...(root !== undefined ? { root } : {}) });
  return [...seen];
}

/** A document path of `doc` may be re-pointed: every file reference goes through `map`. */
function repoint(doc: MappingDocument, map: (path: string) => string): MappingDocument {
  const side = (endpoint: MappingDocument['source']): MappingDocument['source'] => ({
    ...endpoint,
    ...(endpoint.schema && 'file' in endpoint.schema ? { schema: { ...endpoint.schema, file: map(endpoint.schema.file) } } : {}),
    samples: endpoint.samples.map(map),
  });
  const lookups = Object.fromEntries(Object.entries(doc.lookups).map(([name, table]) => [name, 'file' in table ? { ...table, file: map(table.file) } : table]));
  const tests = doc.tests.map((test) => ({ ...test, input: map(test.input), ...(test.expected !== undefined ? { expected: map(test.expected) } : {}) }));
  return { ...doc, source: side(doc.source), target: side(doc.target), lookups, tests };
}

/** Plans the copies of everything `doc` (at `projectFile`) refers to; `moved` re-points references that leave the folder. */
async function planCopies(context: EngineContext, doc: MappingDocument, projectFile: string): Promise<{ items: CopyItem[]; moved: Map<string, string> }> {
  const folder = dirname(projectFile);
  const items = new Map<string, CopyItem>();
  const moved = new Map<string, string>();
  const taken = new Set<string>();
  const add = (from: string, to: string) => {
    if (!items.has(from)) items.set(from, { from, to });
    taken.add(to);
  };
  /** A reference as written: copied to the same place, or into external/ when it climbs out. */
  const reference = (written: string): string => {
    const absolute = resolveDocumentPath(projectFile, written);
    const rel = inside(folder, absolute);
    if (rel !== undefined) {
      add(absolute, rel);
      return rel;
    }
    const known = moved.get(written);
    if (known !== undefined) return known;
    let to = `external/${basename(absolute)}`;
    for (let n = 2; taken.has(to); n++) to = `external/${n}-${basename(absolute)}`;
    moved.set(written, to);
    add(absolute, to);
    return to;
  };
  repoint(doc, reference);
  for (const side of [doc.source, doc.target]) {
    if (!side.schema || !('file' in side.schema)) continue;
    const main = resolveDocumentPath(projectFile, side.schema.file);
    for (const member of (await schemaMembers(context, projectFile, main, side.schema.root)).slice(1)) {
      const rel = inside(folder, member);
      // An include outside the project was readable only through a grant; copying it would detach it from its schema.
      if (rel === undefined || moved.has(side.schema.file)) {
        throw new MapwrightError('USAGE', `${basename(member)} (included by ${basename(main)}) is outside the project folder and cannot be copied with it`, {
          file: basename(member),
          expected: 'a schema whose includes are inside the project folder',
        });
      }
      add(member, rel);
    }
  }
  return { items: [...items.values()], moved };
}

/**
 * Saves `args.text` at `args.path` with the files it refers to copied from beside `args.from`.
 * @returns the saved project and the relative paths copied
 * @throws MapwrightError `ACCESS_DENIED`, `FILE_EXISTS` (different files in the way), `USAGE`, `FILE_READ`, `FILE_WRITE`, document codes
 */
export async function saveProjectCopy(context: EngineContext, writer: CopyWriter, args: SaveProjectCopyArgs): Promise<{ project: ProjectState; copied: string[] }> {
  const fromFile = await context.access.checkProject(args.from);
  const target = await context.access.checkWrite(args.path, { name: PROJECT_FILE_NAME });
  const loaded = loadDocument(args.text, args.path);
  if (dirname(fromFile) === dirname(target)) return { project: await writer.writeProject(args.path, args.text, args.sessionId), copied: [] };

  const { items, moved } = await planCopies(context, loaded.document, fromFile);
  const newFolder = dirname(target);
  const writes: { path: string; to: string; content: Uint8Array }[] = [];
  const conflicts: string[] = [];
  for (const item of items) {
    if (!isDataPath(item.to)) {
      throw new MapwrightError('ACCESS_DENIED', `${item.to}: the studio copies only visible data and schema files`, {
        file: item.to,
        expected: 'a .json, .xml, .xsd, .csv, .yaml (...) file that is not hidden',
      });
    }
    const content = await readInputFile(await context.access.checkRead(item.from, fromFile));
    const path = join(newFolder, ...item.to.split('/'));
    if (await exists(path)) {
      const current = await readFile(path).catch(() => undefined);
      if (current && Buffer.compare(current, content) === 0) continue;
      // Replacing is destructive: only a file the studio may read anyway (a folder the user opened), never one
      // it was not given, whatever the page confirms.
      if (args.replaceFiles && !(await context.access.canRead(path))) {
        throw new MapwrightError('ACCESS_DENIED', `${item.to}: a different file is there, and the studio may not replace it`, {
          file: item.to,
          expected: 'a folder without these files, or open the project that is there first',
        });
      }
      conflicts.push(item.to);
    }
    writes.push({ path, to: item.to, content });
  }
  if (conflicts.length > 0 && !args.replaceFiles) throw fileExists(conflicts);

  const text = moved.size === 0 ? args.text : serializeDocument(repoint(loaded.document, (path) => moved.get(path) ?? path));
  const files = new FileSet(newFolder);
  try {
    for (const write of writes) await files.write({ path: write.path, content: write.content }, { replace: true, shownAs: write.to });
    const project = await writer.writeProject(args.path, text, args.sessionId);
    // The new folder may hold other files; only the copy's own references become readable.
    for (const item of items) await context.access.grantFile(join(newFolder, ...item.to.split('/')));
    return { project, copied: writes.map((write) => write.to) };
  } catch (error) {
    await files.undo();
    throw error;
  }
}
