/**
 * The engine host's message loop: it owns a worker pool (an
 * {@link ExpressionRunner}), runs every job it is sent, reads the payload
 * files it is pointed at (previews, file runs and masking), forwards cancels and
 * answers each request exactly once. Malformed messages are ignored, never fatal.
 */
import { toCodedError } from '../../errors';
import type { ExpressionRunner, RunResult } from '../../run/run-types';
import { decodeHostIn, encodeFileResult, encodeFrame, encodeMasked, encodePreview, encodeResult } from './engine-host-protocol';
import type { HostPort } from './host-port';
import { maskFileLazily, readPreviewFile, runPayloadFile } from './payload-host';

const failedRun = (error: unknown): RunResult => ({ value: undefined, timings: { parseMs: 0, evalMs: 0 }, error: toCodedError(error) });

/** Serves run, file and cancel messages on `port` with `runner`, then tells the client it is ready. */
export function serveEngineHost(port: HostPort, runner: ExpressionRunner): void {
  const running = new Map<number, AbortController>();
  /** Runs `work` as request `id` (cancellable), sending exactly one answer. */
  const track = (id: number, work: (signal: AbortSignal) => Promise<string>): void => {
    const controller = new AbortController();
    running.set(id, controller);
    void work(controller.signal).then((answer) => {
      running.delete(id);
      port.send(answer);
    });
  };
  port.onMessage((message) => {
    const frame = decodeHostIn(message);
    if (!frame) return;
    const { header, body } = frame;
    if (header.type === 'cancel') {
      running.get(header.id)?.abort();
      return;
    }
    if (running.has(header.id)) return;
    if (header.type === 'preview') {
      // Only the page (bounded record texts and counts) goes back, never the parsed file.
      const request = header.request;
      track(header.id, () =>
        readPreviewFile(request).then(
          (page) => encodePreview(header.id, { page }),
          (error: unknown) => encodePreview(header.id, { failure: toCodedError(error) }),
        ),
      );
      return;
    }
    if (header.type === 'maskFile') {
      // Only the format, the report (masked examples) and the size go back; the texts stay in this process.
      const request = header.request;
      track(header.id, () =>
        maskFileLazily(request).then(
          (result) => encodeMasked(header.id, { result }),
          (error: unknown) => encodeMasked(header.id, { failure: toCodedError(error) }),
        ),
      );
      return;
    }
    if (header.type === 'runFile') {
      const request = header.request;
      track(header.id, (signal) =>
        runPayloadFile(runner, request, signal).then(
          (result) => encodeFileResult(header.id, result),
          (error: unknown) => encodeFileResult(header.id, { failure: toCodedError(error) }),
        ),
      );
      return;
    }
    const job = {
      expression: header.expression,
      ...(header.program !== undefined ? { program: header.program } : {}),
      ...(body !== undefined ? { inputJson: body } : {}),
      ...(header.bindings ? { bindings: header.bindings } : {}),
      ...(header.limits ? { limits: header.limits } : {}),
      ...(header.validate ? { validate: header.validate } : {}),
    };
    track(header.id, (signal) =>
      runner
        .run(job, { signal })
        // The pool throws USAGE for bad limits; the client still gets exactly one answer.
        .catch(failedRun)
        .then((result) => encodeResult(header.id, result)),
    );
  });
  port.send(encodeFrame({ type: 'ready' }));
}
