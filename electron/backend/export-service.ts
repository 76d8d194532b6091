/**
 * The export methods of the studio backend (see contract/methods/export-methods.ts):
 * a project, saved or as the studio's unsaved text, exported as a spec, its
 * `.jsonata` expression or the document. File reads and writes pass the
 * shared file-access register; test cases run in the shared runner.
 */
import type { exportMethods, StudioApiPart } from '../contract/studio-api';
import { exportSpec, exportSpecToFile, type ExportContext } from './export/export-spec';
import { settle } from './settle';
import type { BackendServiceOptions } from './studio-backend';

/** Creates the export methods for one backend. */
export function createExportService(options: BackendServiceOptions): StudioApiPart<keyof typeof exportMethods> {
  // The shared runner makes its pool on first use, so a backend that never exports starts no threads.
  const context: ExportContext = { access: options.fileAccess, runner: options.runner };
  return {
    exportSpec: (request) => settle(() => exportSpec(context, request)),
    exportSpecToFile: (request) => settle(() => exportSpecToFile(context, request)),
  };
}
