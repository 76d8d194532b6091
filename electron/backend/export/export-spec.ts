/**
 * `exportSpec` and `exportSpecToFile`: {@link exportProject} run for the
 * studio. The document may be the studio's unsaved text; every file it
 * reaches (lookup tables, schemas, test inputs and expected outputs) passes
 * the backend's file-access register, so the web host cannot be used to read
 * files outside the project. Test cases run in the backend's runner.
 */
import { isAbsolute } from 'node:path';
import { MapwrightError } from '../../../mapping-engine/errors';
import { exportProject } from '../../../mapping-engine/node/export/export-project';
import { writeFileAtomic } from '../../../mapping-engine/node/read-file';
import type { ExpressionRunner } from '../../../mapping-engine/run/run-types';
import { MAX_EXPORT_BYTES, type ExportedFile, type ExportedSpec, type ExportSpecRequest, type ExportSpecToFileRequest } from '../../contract/methods/export-methods';
import { checkedResolver } from '../engine/engine-context';
import type { FileAccess } from '../engine/file-access';
import { exportFileName, exportMediaType } from './export-format';

/** What the export methods need from the backend. */
export interface ExportContext {
  access: FileAccess;
  runner: ExpressionRunner;
}

function byteLength(content: Uint8Array | string): number {
  return typeof content === 'string' ? new TextEncoder().encode(content).byteLength : content.byteLength;
}

/**
 * The export's content, checked and bounded, for the project file `projectFile` (already checked).
 * @throws MapwrightError `ACCESS_DENIED`, the loading codes, `EXPORT_FAILED`, or `LIMIT_EXCEEDED` above {@link MAX_EXPORT_BYTES}
 */
async function exportContent(context: ExportContext, request: ExportSpecRequest, projectFile: string): Promise<Uint8Array | string> {
  const content = await exportProject(projectFile, request.kind, {
    ...(request.text !== undefined ? { text: request.text } : {}),
    ...(request.runTests !== undefined ? { runTests: request.runTests } : {}),
    runner: context.runner,
    resolver: checkedResolver(context.access, projectFile),
    checkTestFile: async (location) => {
      await context.access.checkRead(location, projectFile);
    },
  });
  const bytes = byteLength(content);
  if (bytes > MAX_EXPORT_BYTES) {
    throw new MapwrightError('LIMIT_EXCEEDED', `the ${request.kind} export is ${bytes} bytes, more than a spec should be`, {
      file: request.projectPath,
      expected: `at most ${MAX_EXPORT_BYTES} bytes`,
    });
  }
  return content;
}

/** Exports the project for a download: text as UTF-8, the XLSX workbook as base64. */
export async function exportSpec(context: ExportContext, request: ExportSpecRequest): Promise<ExportedSpec> {
  const content = await exportContent(context, request, await context.access.checkProject(request.projectPath));
  const base = { fileName: exportFileName(request.projectPath, request.kind), mediaType: exportMediaType(request.kind) };
  if (typeof content === 'string') return { ...base, encoding: 'utf8', content };
  return { ...base, encoding: 'base64', content: Buffer.from(content).toString('base64') };
}

/**
 * Where `exportSpecToFile` may write: the same places the engine may read for
 * the project (its folder and sub-folders, a trusted root, or a path the host
 * granted after the user chose it in a save dialog), because the web host
 * serves this method too and must not write elsewhere. The project file itself
 * is refused: replacing it is a save, which goes through `saveProject` and its
 * changed-on-disk check.
 * @returns the real path to write
 */
async function checkOutPath(access: FileAccess, outPath: string, projectFile: string): Promise<string> {
  if (!isAbsolute(outPath)) throw new MapwrightError('USAGE', `the export path must be absolute: ${outPath}`, { expected: 'an absolute path' });
  const target = await access.checkRead(outPath, projectFile);
  if (target === projectFile) {
    throw new MapwrightError('ACCESS_DENIED', `${outPath}: an export cannot replace the project file`, {
      file: outPath,
      expected: 'another file name (save the project to write the project file)',
    });
  }
  return target;
}

/** Exports the project and writes it atomically to `outPath` (checked, see {@link checkOutPath}). */
export async function exportSpecToFile(context: ExportContext, request: ExportSpecToFileRequest): Promise<ExportedFile> {
  const projectFile = await context.access.checkProject(request.projectPath);
  // Refused before the export runs, so a bad path costs no test run.
  const target = await checkOutPath(context.access, request.outPath, projectFile);
  const content = await exportContent(context, request, projectFile);
  await writeFileAtomic(target, content);
  return { path: target, bytes: byteLength(content) };
}
