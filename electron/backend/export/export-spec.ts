/**
 * `exportSpec` and `exportSpecToFile`: {@link exportProject} run for the
 * studio. The document may be the studio's unsaved text; every file it
 * reaches (lookup tables, schemas, test inputs and expected outputs) passes
 * the backend's file-access register, so the web host cannot be used to read
 * files outside the project. Test cases run in the backend's runner.
 */
import { isAbsolute } from 'node:path';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { MapwrightError } from '../../../mapping-engine/errors';
import { decodeText } from '../../../mapping-engine/payload/decode';
import { exportProject } from '../../../mapping-engine/node/export/export-project';
import { writeFileAtomic } from '../../../mapping-engine/node/read-file';
import type { ExpressionRunner } from '../../../mapping-engine/run/run-types';
import { MAX_EXPORT_BYTES, type ExportedFile, type ExportedSpec, type ExportSpecRequest, type ExportSpecToFileRequest } from '../../contract/methods/export-methods';
import { checkedResolver, readBounded } from '../engine/engine-context';
import { MAX_PROJECT_TEXT } from '../../contract/methods/project-methods';
import type { FileAccess } from '../engine/file-access';
import { projectReferences } from '../persistence/project-references';
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

/** The name an export of each kind must have unless the user chose the exact file in a save dialog. */
const EXPORT_NAMES: Record<ExportSpecRequest['kind'], RegExp> = {
  xlsx: /\.xlsx$/i,
  csv: /\.csv$/i,
  md: /\.md$/i,
  html: /\.html?$/i,
  jsonata: /\.jsonata$/i,
  document: /\.mapwright\.json$/i,
};

/**
 * Where `exportSpecToFile` may write: a path the host granted for writing
 * (the user chose it in a save dialog: any name), or inside a project folder
 * the user opened under the kind's own extension. Never the project file
 * (replacing it is a save, with its changed-on-disk check) and never a file
 * the document refers to (an export named like its lookup CSV would change
 * what the mapping computes).
 * @returns the real path to write
 * @throws MapwrightError `ACCESS_DENIED`, `USAGE`
 */
async function checkOutPath(access: FileAccess, request: ExportSpecToFileRequest, projectFile: string): Promise<string> {
  const { outPath } = request;
  if (!isAbsolute(outPath)) throw new MapwrightError('USAGE', `the export path must be absolute: ${outPath}`, { expected: 'an absolute path' });
  const text = request.text ?? decodeText(await readBounded(projectFile, request.projectPath, MAX_PROJECT_TEXT), { file: request.projectPath }).text;
  let references: string[] = [];
  try {
    references = projectReferences(loadDocument(text, request.projectPath).document, projectFile);
  } catch {
    // An invalid document fails the export itself with its own coded error; there is nothing it refers to yet.
  }
  return access.checkWrite(outPath, { name: EXPORT_NAMES[request.kind], protect: [projectFile, ...references] });
}

/** Exports the project and writes it atomically to `outPath` (checked, see {@link checkOutPath}). */
export async function exportSpecToFile(context: ExportContext, request: ExportSpecToFileRequest): Promise<ExportedFile> {
  const projectFile = await context.access.checkProject(request.projectPath);
  // Refused before the export runs, so a bad path costs no test run.
  const target = await checkOutPath(context.access, request, projectFile);
  const content = await exportContent(context, request, projectFile);
  await writeFileAtomic(target, content);
  return { path: target, bytes: byteLength(content) };
}
