/**
 * The live-preview methods of the studio backend (see
 * contract/methods/preview-methods.ts): runs of the mapping on the chosen
 * preview input, always on data that may be shown (a masked sample, or a
 * test input masked for display; see preview/masked-input.ts), the page of
 * that input for the source panel, and the tests panel's masked diff and
 * "accept current output". Runs have their own registry, polled and
 * cancelled by id like the engine's.
 */
import { loadDocument } from '../../mapping-engine/document/load-document';
import { payloadHostOf } from '../../mapping-engine/node/host/payload-host';
import type { previewMethods, StudioApiPart } from '../contract/studio-api';
import type { PreviewRequest } from '../contract/methods/preview-methods';
import type { EngineContext } from './engine/engine-context';
import { executeRun } from './engine/execute-run';
import { readPayloadPreview } from './engine/payload-preview';
import { RunRegistry } from './engine/run-registry';
import { MaskedInputs, type SafeInput } from './preview/masked-input';
import { acceptTestOutput, diffTestCase } from './preview/test-case-diff';
import { settle } from './settle';
import type { BackendServiceOptions } from './studio-backend';

/** Creates the preview methods for one backend. */
export function createPreviewService(options: BackendServiceOptions): StudioApiPart<keyof typeof previewMethods> {
  const context: EngineContext = {
    access: options.fileAccess,
    runner: () => options.runner,
    ...(options.maskKeyFile !== undefined ? { maskKeyFile: options.maskKeyFile } : {}),
  };
  const runs = new RunRegistry();
  const inputs = new MaskedInputs(context);

  /** The shown input of `request` (the project file checked first). */
  async function safeInput(request: PreviewRequest): Promise<SafeInput> {
    const projectFile = request.projectPath === undefined ? undefined : await context.access.checkProject(request.projectPath);
    const document = loadDocument(request.text, projectFile).document;
    return inputs.resolve(document, projectFile, request.input);
  }

  return {
    startPreview: (request) =>
      settle(async () => {
        const input = await safeInput(request);
        const runId = runs.start((signal, progress) =>
          executeRun(context, { ...(request.projectPath ? { projectPath: request.projectPath } : {}), text: request.text, inputFile: input.file, ...(request.params ? { params: request.params } : {}) }, signal, progress),
        );
        return { runId, masking: input.masking, maskedPaths: input.maskedPaths };
      }),

    pollPreview: (runId) => settle(async () => runs.poll(runId)),

    cancelPreview: (runId) => settle(async () => runs.cancel(runId)),

    readPreviewInput: (request) =>
      settle(async () => {
        const input = await safeInput(request);
        const page = await readPayloadPreview(input.file, input.shownAs, { page: 0, pageSize: 20, host: payloadHostOf(options.runner) });
        return { masking: input.masking, maskedPaths: input.maskedPaths, page };
      }),

    diffTestCase: (request) => settle(() => diffTestCase(context, request)),

    acceptTestOutput: (request) => settle(() => acceptTestOutput(context, request)),
  };
}
