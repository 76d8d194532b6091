/**
 * The bundled samples on disk: one folder per sample under the samples
 * directory, described by `sample.json` when present, else by its folder
 * name and the files in its `source/` and `target/` folders.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { MapwrightError } from '../../mapping-engine/errors';
import type { SampleSummary } from '../contract/studio-api';
import { SampleIdSchema } from '../contract/studio-api';
import { parseSampleManifest } from './sample-manifest';

/** A listed sample plus where its source payload lives (absolute path, if any). */
export interface SampleEntry extends SampleSummary {
  sourcePath?: string;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** A file kind from a file name: `orders.xml` -> `xml`, `x.schema.json` -> `json`. */
export function formatFromFileName(name: string | undefined): string {
  const ext = name ? extname(name).slice(1).toLowerCase() : '';
  return ext || 'unknown';
}

/** Sorted file names directly inside `dir`; none when the folder is missing. */
async function filesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return [];
    throw new MapwrightError('FILE_READ', `cannot list ${dir}: ${String(error)}`, { file: dir, cause: error });
  }
}

/** `undefined` when the file does not exist; other read failures are coded errors. */
async function readOptionalText(file: string, shownAs: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw new MapwrightError('FILE_READ', `cannot read ${shownAs}: ${String(error)}`, { file: shownAs, cause: error });
  }
}

/** Resolves `relative` inside `folder`, refusing anything that would leave it. */
function insideFolder(folder: string, relative: string, shownAs: string): string {
  const full = resolve(folder, relative);
  if (!full.startsWith(resolve(folder) + sep)) {
    throw new MapwrightError('SAMPLE_INVALID', `path "${relative}" leaves the sample folder`, { file: shownAs, expected: 'a path inside the sample folder' });
  }
  return full;
}

/** Reads one sample folder. */
async function readSample(samplesDir: string, id: string): Promise<SampleEntry> {
  const folder = join(samplesDir, id);
  const manifestName = join(basename(samplesDir), id, 'sample.json');
  const manifestText = await readOptionalText(join(folder, 'sample.json'), manifestName);
  const sourceFiles = await filesIn(join(folder, 'source'));
  if (manifestText !== undefined) {
    const manifest = parseSampleManifest(manifestText, manifestName, id);
    const source = manifest.source ?? (sourceFiles[0] && `source/${sourceFiles[0]}`);
    const entry: SampleEntry = {
      id,
      name: manifest.name,
      description: manifest.description,
      sourceFormat: manifest.sourceFormat,
      targetFormat: manifest.targetFormat,
    };
    if (source) entry.sourcePath = insideFolder(folder, source, manifestName);
    return entry;
  }
  const targetFiles = await filesIn(join(folder, 'target'));
  const entry: SampleEntry = {
    id,
    name: id,
    description: '',
    sourceFormat: formatFromFileName(sourceFiles[0]),
    targetFormat: formatFromFileName(targetFiles[0]),
  };
  if (sourceFiles[0]) entry.sourcePath = join(folder, 'source', sourceFiles[0]);
  return entry;
}

/**
 * Lists the samples, sorted by id. A missing samples directory means "no
 * samples" (a fresh checkout may not have any); folders whose names are not
 * valid sample ids (`.git`, `my sample`) are skipped.
 * @throws MapwrightError `FILE_READ`, `JSON_PARSE` or `SAMPLE_INVALID`
 */
export async function listSampleEntries(samplesDir: string): Promise<SampleEntry[]> {
  let names: string[];
  try {
    const entries = await readdir(samplesDir, { withFileTypes: true });
    names = entries.filter((e) => e.isDirectory() && SampleIdSchema.safeParse(e.name).success).map((e) => e.name);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw new MapwrightError('FILE_READ', `cannot list samples in ${samplesDir}: ${String(error)}`, { file: samplesDir, cause: error });
  }
  names.sort();
  return Promise.all(names.map((id) => readSample(samplesDir, id)));
}

/**
 * Finds one sample by id.
 * @throws MapwrightError `NOT_FOUND` for an unknown id
 */
export async function findSampleEntry(samplesDir: string, id: string): Promise<SampleEntry> {
  const entries = await listSampleEntries(samplesDir);
  const entry = entries.find((e) => e.id === id);
  if (!entry) {
    throw new MapwrightError('NOT_FOUND', `no sample "${id}"`, { expected: entries.map((e) => e.id).join(', ') || 'a sample folder under samples/' });
  }
  return entry;
}
