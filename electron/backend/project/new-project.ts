/**
 * `createProject`: a new project made from the files the user picked in the
 * New project dialog, saved where they chose. The project is self-contained:
 *
 * - a sample payload is masked on the way in (the same masking as Import
 *   sample, done by the engine host) and only the masked copy is written,
 *   into `<side>/` beside the project file;
 * - a schema is copied into `<side>/` with every file it includes or `$ref`s,
 *   keeping their layout, so its references still resolve;
 * - the project file is written last, through the same save as Save As.
 *
 * Nothing is half-made: when any step fails, every file written so far is
 * removed again (see file-set.ts). Existing files are never overwritten: a
 * side's folder that would collide becomes `<side>-2/`.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { CURRENT_FORMAT_VERSION, serializeDocument, toDocumentPath, type MappingDocumentInput } from '../../../mapping-engine/document';
import { loadOrCreateKey } from '../../../mapping-engine/node/mask/key-file';
import { payloadHostOf } from '../../../mapping-engine/node/host/payload-host';
import { readInputFile } from '../../../mapping-engine/node/read-file';
import { layoutBelowCommonFolder } from '../../../mapping-engine/node/schema-files';
import type { ProjectState } from '../../contract/methods/project-methods';
import type { CreateProjectArgs, CreateProjectResult, EndpointChoice } from '../../contract/methods/project-file-methods';
import type { EngineContext } from '../engine/engine-context';
import { PROJECT_FILE_NAME } from '../engine/file-access';
import { MAX_IMPORT_BYTES } from '../engine/import-sample';
import { DEFAULT_PAGE_SIZE, readPayloadPreview } from '../engine/payload-preview';
import { detectChosenFile, schemaFiles } from './chosen-file';
import { exists, fileExists, FileSet, isDataPath } from './file-set';

/** What the project service lends: its one save path (grant check, validation, .bak, recent files). */
export interface ProjectWriter {
  /** Writes `text` as the project at `path` (which must pass the write check) and returns its state. */
  writeProject(path: string, text: string): Promise<ProjectState>;
}

type Side = 'source' | 'target';
/** A side of the new project: its endpoint, and the masking review when a sample was masked in. */
interface PreparedSide {
  endpoint: Endpoint;
  imported?: CreateProjectResult['imports'][number];
}
type Endpoint = MappingDocumentInput['source'];

/** A file name safe on every system, keeping the extension: no separators, control or reserved characters, not hidden. */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  return cleaned || fallback;
}

/** The first of `<side>/`, `<side>-2/`... in which none of `names` exists yet. */
async function freeFolder(projectDir: string, side: Side, names: string[]): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const folder = join(projectDir, n === 1 ? side : `${side}-${n}`);
    const taken = await Promise.all(names.map((name) => exists(join(folder, name))));
    if (!taken.some(Boolean)) return folder;
  }
  throw new MapwrightError('FILE_WRITE', `no free folder for the ${side} files in ${projectDir}`, { file: basename(projectDir) });
}

/** Masks a picked sample into the project; only the masked copy is written. */
async function maskSample(context: EngineContext, files: FileSet, projectFile: string, side: Side, real: string, choice: EndpointChoice) {
  const size = (await stat(real)).size;
  const shownAs = basename(choice.file);
  if (size > MAX_IMPORT_BYTES) {
    throw new MapwrightError('LIMIT_EXCEEDED', `${shownAs} is ${Math.round(size / 1048576)} MB; samples are masked in memory`, {
      file: shownAs,
      expected: `a sample of at most ${MAX_IMPORT_BYTES / 1048576} MB (cut a large export to a representative part)`,
    });
  }
  // Only a data file's name is written: a picked `notes` or `run.sh` is stored as `notes.json`, `run.sh.csv`...
  const picked = safeFileName(shownAs, 'sample');
  const name = isDataPath(picked) ? picked : `${picked}.${choice.format ?? (await detectChosenFile(context.access, choice.file)).format}`;
  const folder = await freeFolder(dirname(projectFile), side, [name]);
  const out = join(folder, name);
  await files.prepare(out, `${basename(folder)}/${name}`);
  const { key } = await loadOrCreateKey(context.maskKeyFile, context.keyLocation);
  const host = payloadHostOf(context.runner());
  // The key crosses to the engine host as hex text.
  const hexKey = Array.from(key, (byte) => byte.toString(16).padStart(2, '0')).join('');
  // A new project has no masking policy yet: every category the detector finds is masked.
  const masked = await host.maskFile({ file: real, shownAs, key: hexKey, policy: {}, out, ...(choice.format ? { format: choice.format } : {}) });
  files.adopt(out);
  const preview = await readPayloadPreview(out, shownAs, { format: masked.format, page: 0, pageSize: DEFAULT_PAGE_SIZE, host });
  const relativePath = toDocumentPath(projectFile, out);
  const endpoint: Endpoint = { format: masked.format, samples: [relativePath] };
  return { endpoint, imported: { side, relativePath, format: masked.format, report: masked.report, preview } };
}

/** Copies a picked schema and everything it includes into the project, keeping their layout. */
async function copySchema(context: EngineContext, files: FileSet, projectFile: string, side: Side, real: string, choice: EndpointChoice, format: Endpoint['format']) {
  const members = await schemaFiles(context.access, real, choice.root);
  // Lay the files out as they were, below their common folder (includes may climb to ../common/).
  const names = layoutBelowCommonFolder(members);
  const folder = await freeFolder(dirname(projectFile), side, names);
  for (const [i, file] of members.entries()) {
    await files.write({ path: join(folder, names[i]!), content: await readInputFile(file) });
  }
  const schemaPath = toDocumentPath(projectFile, join(folder, names[0]!));
  const endpoint: Endpoint = { format, schema: { file: schemaPath, ...(choice.root !== undefined ? { root: choice.root } : {}) }, samples: [] };
  return { endpoint };
}

async function prepareSide(context: EngineContext, files: FileSet, projectFile: string, side: Side, choice: EndpointChoice): Promise<PreparedSide> {
  const detected = await detectChosenFile(context.access, choice.file);
  if (detected.kind !== choice.kind) {
    throw new MapwrightError('USAGE', `${detected.name} holds a ${detected.kind === 'sample' ? 'sample payload' : detected.kind}, not a ${choice.kind}`, {
      file: detected.name,
      expected: `pick the ${side} again`,
    });
  }
  if (choice.root !== undefined && detected.kind !== 'openapi' && detected.kind !== 'xsd') {
    throw new MapwrightError('USAGE', `${detected.name}: only OpenAPI and XSD files have roots to choose`, { file: detected.name });
  }
  if (detected.kind === 'sample') return maskSample(context, files, projectFile, side, detected.real, choice);
  return copySchema(context, files, projectFile, side, detected.real, choice, detected.format);
}

/**
 * Creates the project described by `args`.
 * @throws MapwrightError `ACCESS_DENIED` (place or picked file not granted), `FILE_EXISTS` (a project is there and
 *   `replace` is not set), `USAGE` (kind mismatch), `LIMIT_EXCEEDED`, parse and schema codes, `FILE_WRITE`
 */
export async function createProject(context: EngineContext, writer: ProjectWriter, args: CreateProjectArgs): Promise<CreateProjectResult> {
  // The place must be granted for a project file before anything is read or written.
  const projectFile = await context.access.checkWrite(args.path, { name: PROJECT_FILE_NAME });
  if (!args.replace && (await exists(projectFile))) throw fileExists([basename(args.path)]);
  const files = new FileSet(dirname(projectFile));
  try {
    // A folder typed in the dialog may not exist yet: it is made (and removed again on failure).
    await files.ensureFolder(dirname(projectFile));
    const source = await prepareSide(context, files, projectFile, 'source', args.source);
    const target = await prepareSide(context, files, projectFile, 'target', args.target);
    const text = serializeDocument({
      formatVersion: CURRENT_FORMAT_VERSION,
      name: args.name.trim(),
      source: source.endpoint,
      target: target.endpoint,
      layout: { nodes: {} },
    });
    const project = await writer.writeProject(args.path, text);
    // The folder may hold other files; only what this project consists of becomes readable.
    for (const path of files.written) await context.access.grantFile(path);
    const imports = [source, target].flatMap((side) => (side.imported ? [side.imported] : []));
    return { project, imports };
  } catch (error) {
    await files.undo();
    throw error;
  }
}
