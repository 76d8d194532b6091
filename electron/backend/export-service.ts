/**
 * The export methods of the studio backend (see contract/methods/export-methods.ts):
 * a project, saved or as the studio's unsaved text, exported as a spec, its
 * `.jsonata` expression or the document. File reads and writes pass the
 * shared file-access register; test cases run in the shared runner.
 */
import type { exportMethods, StudioApiPart } from '../contract/studio-api';
import { lazyRunner } from './engine/engine-context';
import { createFileAccess } from './engine/file-access';
import { exportSpec, exportSpecToFile, type ExportContext } from './export/export-spec';
import { settle } from './settle';
import type { StudioBackendOptions } from './studio-backend';

/** Creates the export methods for one backend. */
export function createExportService(options: StudioBackendOptions): StudioApiPart<keyof typeof exportMethods> {
  const runner = lazyRunner(options.runner);
  const context: ExportContext = {
    access: options.fileAccess ?? createFileAccess([options.samplesDir, ...(options.readRoots ?? [])]),
    // Resolved per run, so a backend that never exports starts no threads.
    runner: { run: (job, runOptions) => runner().run(job, runOptions) },
  };
  return {
    exportSpec: (request) => settle(() => exportSpec(context, request)),
    exportSpecToFile: (request) => settle(() => exportSpecToFile(context, request)),
  };
}
