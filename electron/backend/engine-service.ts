/**
 * The engine methods of the studio backend (see contract/methods/engine-methods.ts):
 * sample import with masking, payload previews, schema import, compile, runs
 * polled for progress and cancelled by id, and test runs. Each method is one
 * call into a module under `engine/`; this file only wires them and turns
 * thrown errors into coded results.
 *
 * Expressions run in the backend's {@link ExpressionRunner}: the one the host
 * passes (`StudioBackendOptions.runner`, e.g. a child-process engine host),
 * else a worker-thread pool made on first use. Its threads are unref'd, so an
 * idle pool never keeps a process alive; a host that wants to free them
 * early passes its own pool and closes it itself.
 *
 * File paths pass the {@link FileAccess} register (see engine/file-access.ts):
 * the samples folder and `readRoots` are trusted, other projects and files
 * only once the host granted them.
 */
import { payloadHostOf } from '../../mapping-engine/node/host/payload-host';
import type { engineMethods, StudioApiPart } from '../contract/studio-api';
import type { EngineContext } from './engine/engine-context';
import { executeRun } from './engine/execute-run';
import { importSample } from './engine/import-sample';
import { importSchema } from './engine/import-schema';
import { readPayloadPreview } from './engine/payload-preview';
import { RunRegistry } from './engine/run-registry';
import { runTests } from './engine/run-tests';
import { loadSampleProject } from './engine/sample-project';
import { compileInContext } from './engine/engine-context';
import { settle } from './settle';
import type { BackendServiceOptions } from './studio-backend';

/** Creates the engine methods for one backend. */
export function createEngineService(options: BackendServiceOptions): StudioApiPart<keyof typeof engineMethods> {
  const context: EngineContext = {
    access: options.fileAccess,
    runner: () => options.runner,
    ...(options.maskKeyFile !== undefined ? { maskKeyFile: options.maskKeyFile } : {}),
  };
  const runs = new RunRegistry();

  return {
    importSample: (request) => settle(() => importSample(context, request)),

    readPayloadPreview: (request) =>
      settle(async () => {
        const path = await context.access.checkRead(request.file, request.projectPath);
        return readPayloadPreview(path, request.file, { ...request, host: payloadHostOf(options.runner) });
      }),

    importSchema: (request) => settle(() => importSchema(context, request)),

    compileDocument: (request) =>
      settle(async () => {
        const { project } = await compileInContext(context, request.text, request.projectPath);
        return { expression: project.compiled.expression, sourceMap: project.compiled.sourceMap, readOnly: project.readOnly };
      }),

    startRun: (request) => settle(async () => ({ runId: runs.start((signal, progress) => executeRun(context, request, signal, progress)) })),

    pollRun: (runId) => settle(async () => runs.poll(runId)),

    cancelRun: (runId) => settle(async () => runs.cancel(runId)),

    runTests: (request) => settle(() => runTests(context, request)),

    loadSampleProject: (id) => settle(() => loadSampleProject(options.samplesDir, id)),
  };
}
