/**
 * The project-file methods (contract/methods/project-file-methods.ts): new
 * project from picked files, Save As with the referenced files copied, and a
 * test case written from the current input. The project service lends its one
 * save path, so these writes pass the same grant check, validation, `.bak`
 * and recent-files bookkeeping as Save and Save As.
 */
import type { projectFileMethods, StudioApiPart } from '../../contract/studio-api';
import type { ProjectState } from '../../contract/methods/project-methods';
import { lazyRunner, type EngineContext } from '../engine/engine-context';
import type { FileAccess } from '../engine/file-access';
import { settle } from '../settle';
import type { StudioBackendOptions } from '../studio-backend';
import { detectChosenFile } from './chosen-file';
import { createProject } from './new-project';
import { saveProjectCopy } from './project-copy';
import { addTestCase } from './test-case-files';

/** The project service's save: writes `text` at `path` (checked) and returns the saved state. */
export type WriteProject = (path: string, text: string, sessionId: string | undefined) => Promise<ProjectState>;

/** Creates the project-file methods for one backend. */
export function createProjectFileService(options: StudioBackendOptions, access: FileAccess, writeProject: WriteProject): StudioApiPart<keyof typeof projectFileMethods> {
  const context: EngineContext = {
    access,
    // The backend passes its one runner; a service on its own (tests) makes a pool on first use.
    runner: lazyRunner(options.runner),
    ...(options.maskKeyFile !== undefined ? { maskKeyFile: options.maskKeyFile } : {}),
  };
  return {
    inspectChosenFile: ({ path }) =>
      settle(async () => {
        const { name, kind, format, roots } = await detectChosenFile(context.access, path);
        return { name, kind, format, roots };
      }),
    createProject: (args) => settle(() => createProject(context, { writeProject: (path, text) => writeProject(path, text, undefined) }, args)),
    saveProjectCopy: (args) => settle(() => saveProjectCopy(context, { writeProject }, args)),
    addTestCase: (args) => settle(() => addTestCase(context, args)),
  };
}
