/**
 * Importing a sample into a project (issue 4): the picked file is read, its
 * personal data masked under the project's policy and the user's key, and
 * ONLY the masked copy is written, atomically, into the project's `samples/`
 * folder. The original is never copied, never returned and never quoted: the
 * report carries masked examples only. The reading, masking and writing run
 * in the engine host when the backend has one, so the original never enters
 * this process.
 */
import { lstat, mkdir, open, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { toDocumentPath } from '../../../mapping-engine/document/document-paths';
import { decodeText } from '../../../mapping-engine/payload/decode';
import { detectFormat } from '../../../mapping-engine/payload/detect-format';
import type { PayloadFormat } from '../../../mapping-engine/payload/types';
import { loadOrCreateKey } from '../../../mapping-engine/node/mask/key-file';
import { payloadHostOf } from '../../../mapping-engine/node/host/payload-host';
import type { ImportSampleResult } from '../../contract/methods/engine-methods';
import { readBounded, type EngineContext } from './engine-context';
import { MAX_PROJECT_TEXT } from '../../contract/methods/project-methods';
import { accessDenied, isInside, realPathOf } from './file-access';
import { DEFAULT_PAGE_SIZE, readPayloadPreview } from './payload-preview';

/** Largest sample accepted for import; masking holds the whole payload in memory. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Arguments of {@link importSample}. */
export interface ImportSampleRequest {
  projectPath: string;
  side: 'source' | 'target';
  file: string;
  format?: PayloadFormat;
  sideFormat?: PayloadFormat;
}

const FORMAT_NAMES: Record<PayloadFormat, string> = { json: 'JSON', jsonl: 'JSON Lines', xml: 'XML', csv: 'CSV' };
const HEAD_BYTES = 64 * 1024;

/**
 * Refuses a sample in another format than the side's (an XML file for a JSON
 * source): the project could not read it, and would only say so at the next
 * run. Read from the file's extension, else its first bytes, as every reader does.
 */
async function checkSampleFormat(file: string, shownAs: string, request: ImportSampleRequest, expected: PayloadFormat): Promise<void> {
  const handle = await open(file, 'r');
  let head: Uint8Array;
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const found = detectFormat(file, head, request.format);
  if (found === expected) return;
  throw new MapwrightError('SAMPLE_INVALID', `${shownAs} is ${FORMAT_NAMES[found]}, but the project's ${request.side} is ${FORMAT_NAMES[expected]}`, {
    file: shownAs,
    expected: `a ${FORMAT_NAMES[expected]} sample (or change the ${request.side} format first)`,
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    // lstat: a dangling symlink is taken, never written through.
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** A file name in `folder` that does not exist yet: `name.json`, `name-2.json`, ... (an import never overwrites). */
export async function freeName(folder: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length) || 'sample';
  for (let n = 1; n < 10_000; n++) {
    const candidate = n === 1 ? `${stem}${ext}` : `${stem}-${n}${ext}`;
    if (!(await exists(join(folder, candidate)))) return candidate;
  }
  throw new MapwrightError('FILE_WRITE', `too many samples named ${name} in ${folder}`, { file: folder });
}

/** The key as hex text, the form it crosses to the engine host in. */
function toHex(key: Uint8Array): string {
  return Array.from(key, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Makes a file name safe on every system: no separators, control or reserved characters. */
function safeName(name: string): string {
  const visible = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const cleaned = visible.replace(/[\\/:*?"<>|]/g, '_').replace(/^\.+/, '');
  return cleaned || 'sample';
}

/**
 * Imports `request.file` into the project.
 * @throws MapwrightError `ACCESS_DENIED`, `FILE_READ`, `LIMIT_EXCEEDED`, `SAMPLE_INVALID` (another format than the side's), a parse code, `MASK_KEY_INVALID`, `FILE_WRITE`
 */
export async function importSample(context: EngineContext, request: ImportSampleRequest): Promise<ImportSampleResult> {
  const projectFile = await context.access.checkProject(request.projectPath);
  // The masked copy is written beside the project: only for a project the user may save (not a bundled sample).
  await context.access.checkWrite(projectFile);
  const file = await context.access.checkRead(request.file, request.projectPath);
  const size = await stat(file).then((s) => s.size, () => 0);
  if (size > MAX_IMPORT_BYTES) {
    throw new MapwrightError('LIMIT_EXCEEDED', `${basename(file)} is ${Math.round(size / 1048576)} MB; samples are masked in memory`, {
      file: request.file,
      expected: `a sample of at most ${MAX_IMPORT_BYTES / 1048576} MB (cut a large export to a representative part)`,
    });
  }
  const saved = loadDocument(decodeText(await readBounded(projectFile, request.projectPath, MAX_PROJECT_TEXT), { file: projectFile }).text, projectFile).document;
  await checkSampleFormat(file, basename(file), request, request.sideFormat ?? saved[request.side].format);
  const policy = saved.masking ?? {};
  const { key } = await loadOrCreateKey(context.maskKeyFile, context.keyLocation);
  const folder = join(dirname(projectFile), 'samples');
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new MapwrightError('FILE_WRITE', `cannot create ${folder}: ${String(error)}`, { file: folder });
  }
  const target = join(folder, await freeName(folder, safeName(basename(file))));
  // The samples folder itself may be a link out of the project: the copy must land inside it.
  const landing = await realPathOf(target);
  if (!isInside(landing, dirname(projectFile))) throw accessDenied(`samples/${basename(target)}`, 'write');
  // The same masking as `mapwright mask`, done where files are read (the engine host when there is one):
  // this process sends paths and the key, and gets back only the format, the report and the size.
  const host = payloadHostOf(context.runner());
  const { report, format } = await host.maskFile({
    file,
    shownAs: basename(file),
    key: toHex(key),
    policy,
    out: target,
    ...(request.format ? { format: request.format } : {}),
  });
  // The copy is the project's own file from now on: readable even when the project's folder is not granted.
  await context.access.grantFile(landing);
  // The preview is read from the masked copy itself, so it shows exactly what was written.
  const preview = await readPayloadPreview(target, basename(file), { format, page: 0, pageSize: DEFAULT_PAGE_SIZE, host });
  return {
    relativePath: toDocumentPath(projectFile, target),
    format,
    report,
    preview,
  };
}
