/**
 * The studio backend: implements the {@link StudioApi} contract in plain
 * Node, with no Electron import, so the Electron main process, the loopback
 * web host and the tests all run the same code. It never throws: every
 * failure comes back as a coded error.
 */
import { basename, dirname, relative, sep } from 'node:path';
import { MapwrightError } from '../../mapping-engine/errors';
import { ENGINE_VERSION } from '../../mapping-engine/version';
import type { ExpressionRunner } from '../../mapping-engine/run/run-types';
import type { appMethods, StudioApi, StudioApiPart } from '../contract/studio-api';
import type { FileAccess } from './engine/file-access';
import { createAccessService } from './access-service';
import { createDraftService } from './draft-service';
import { createEditorService } from './editor-service';
import { lazyRunner } from './engine/engine-context';
import { createFileAccess } from './engine/file-access';
import { createEngineService } from './engine-service';
import { createExportService } from './export-service';
import { createPreviewService } from './preview-service';
import { createProjectService } from './project-service';
import { createSchemaTreeService } from './schema-tree-service';
import { settle } from './settle';
import { findSampleEntry, listSampleEntries } from './sample-catalog';
import { readTextPreview } from './read-preview';

/** What the backend needs from its host. */
export interface StudioBackendOptions {
  /** Folder holding one sub-folder per sample (`samples/` in the repository). */
  samplesDir: string;
  /** The application's version (Electron's `app.getVersion()`, or package.json's). */
  appVersion: string;
  /** `process.platform` of the host; a parameter so tests can pin it. */
  platform: string;
  /** Product name; defaults to `Mapwright`. */
  appName?: string;
  /** Evaluates expressions (e.g. a child-process engine host); a worker-thread pool made on first use when absent. */
  runner?: ExpressionRunner;
  /** Masking key file; the user's default key beside their settings (created on first use) when absent. */
  maskKeyFile?: string;
  /**
   * Folders granted from the start as if the user had opened a project in each
   * (read, and new project files written inside); the web host's tests use them.
   * Ignored when `fileAccess` is given.
   */
  readRoots?: string[];
  /** The register of grants, shared with the host (which grants what the user chose); `samplesDir` is its read-only root. */
  fileAccess?: FileAccess;
  /**
   * Who makes grants: `native` (Electron: the main process, after native
   * dialogs; `grantChosenPath` is refused) or `typed` (the web host: paths
   * typed in the studio's own dialogs, through `grantChosenPath`). Default `native`.
   */
  pathGrants?: 'native' | 'typed';
  /** The project the host was started with (already granted by the host); `startProject()` tells the page to open it. */
  startProject?: string;
  /**
   * Folder of the studio's own state (recent files). Electron passes
   * `app.getPath('userData')`; defaults to the platform's per-user config folder.
   */
  settingsDir?: string;
  /** Folder of unsaved-work backups; defaults to `<settingsDir>/backups`. */
  backupDir?: string;
}

/**
 * The options every section service gets: the backend's one file-access
 * register and one runner (the host's, or a pool made on first use), settled
 * here so no service makes its own.
 */
export interface BackendServiceOptions extends StudioBackendOptions {
  fileAccess: FileAccess;
  runner: ExpressionRunner;
}

/** Creates the backend for one samples directory. */
export function createStudioBackend(options: StudioBackendOptions): StudioApi {
  // One file-access register and one runner for every service: a project the
  // user opens is readable by the engine, and all runs share one pool.
  const lazy = lazyRunner(options.runner);
  const shared: BackendServiceOptions = {
    ...options,
    fileAccess: options.fileAccess ?? createFileAccess([options.samplesDir], options.readRoots ?? []),
    // The host's own runner goes through as it is: it may also read payload files (PayloadHost).
    runner: options.runner ?? { run: (job, runOptions) => lazy().run(job, runOptions) },
  };
  return {
    ...createAppService(shared),
    ...createProjectService(shared),
    ...createEngineService(shared),
    ...createEditorService(shared),
    ...createExportService(shared),
    ...createAccessService(shared),
    ...createSchemaTreeService(shared),
    ...createPreviewService(shared),
    ...createDraftService(shared),
  };
}

/** The app and sample methods. */
function createAppService(options: StudioBackendOptions): StudioApiPart<keyof typeof appMethods> {
  const { samplesDir } = options;
  return {
    getAppInfo: () =>
      settle(async () => ({
        name: options.appName ?? 'Mapwright',
        version: options.appVersion,
        engineVersion: ENGINE_VERSION,
        platform: options.platform,
      })),

    listSamples: () =>
      settle(async () =>
        (await listSampleEntries(samplesDir)).map(({ id, name, description, sourceFormat, targetFormat }) => ({
          id,
          name,
          description,
          sourceFormat,
          targetFormat,
        })),
      ),

    readSamplePreview: (id) =>
      settle(async () => {
        const entry = await findSampleEntry(samplesDir, id);
        if (!entry.sourcePath) {
          throw new MapwrightError('NOT_FOUND', `sample "${id}" has no source file`, {
            file: `${basename(samplesDir)}/${id}`,
            expected: 'a "source" path in sample.json or a file in the source/ folder',
          });
        }
        // Errors name the file as the user sees it in the repository: samples/<id>/source/...
        const shownAs = relative(dirname(samplesDir), entry.sourcePath).split(sep).join('/');
        const preview = await readTextPreview(entry.sourcePath, shownAs);
        return { id, sourceText: preview.text, truncated: preview.truncated };
      }),
  };
}
