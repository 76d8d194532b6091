/**
 * The project file of a bundled sample (`samples/<id>/*.mapwright.json`), for
 * the studio's default view: the manifest's `project` entry when it names
 * one, else the only project file in the folder.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { decodeText } from '../../../mapping-engine/payload/decode';
import { parseJsonText } from '../../../mapping-engine/payload/json-read';
import { readInputFile } from '../../../mapping-engine/node/read-file';
import type { SampleProject } from '../../contract/methods/engine-methods';
import { isInside } from './file-access';

async function manifestProject(folder: string, id: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, 'sample.json'), 'utf8');
  } catch {
    return undefined;
  }
  const manifest = parseJsonText(text, `samples/${id}/sample.json`) as { project?: unknown } | null;
  return typeof manifest?.project === 'string' ? manifest.project : undefined;
}

/**
 * Finds and reads the project of sample `id` under `samplesDir`.
 * @throws MapwrightError `NOT_FOUND`, `SAMPLE_INVALID`, `FILE_READ`, `JSON_PARSE`
 */
export async function loadSampleProject(samplesDir: string, id: string): Promise<SampleProject> {
  const folder = join(samplesDir, id);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new MapwrightError('NOT_FOUND', `no sample "${id}"`, { file: `samples/${id}`, expected: 'a sample folder under samples/' });
  }
  const named = await manifestProject(folder, id);
  const candidates = names.filter((name) => name.endsWith('.mapwright.json'));
  const chosen = named ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (chosen === undefined) {
    throw new MapwrightError('NOT_FOUND', `sample "${id}" has no single project file`, {
      file: `samples/${id}`,
      expected: 'a "project" entry in sample.json or one *.mapwright.json file',
    });
  }
  const projectPath = join(folder, chosen);
  if (!isInside(projectPath, folder) || !chosen.endsWith('.mapwright.json')) {
    throw new MapwrightError('SAMPLE_INVALID', `sample "${id}" names a project outside its folder`, { file: `samples/${id}/sample.json`, expected: 'a *.mapwright.json path inside the sample folder' });
  }
  const text = decodeText(await readInputFile(projectPath), { file: projectPath }).text;
  return { projectPath, text };
}
