/**
 * The engine host's message loop: it owns a worker pool (an
 * {@link ExpressionRunner}), runs every job it is sent, forwards cancels and
 * answers each job exactly once. Malformed messages are ignored, never fatal.
 */
import { toCodedError } from '../../errors';
import type { ExpressionRunner, RunResult } from '../../run/run-types';
import { decodeHostIn, encodeFrame, encodeResult } from './engine-host-protocol';
import type { HostPort } from './host-port';

/** Serves run and cancel messages on `port` with `runner`, then tells the client it is ready. */
export function serveEngineHost(port: HostPort, runner: ExpressionRunner): void {
  const running = new Map<number, AbortController>();
  port.onMessage((message) => {
    const frame = decodeHostIn(message);
    if (!frame) return;
    const { header, body } = frame;
    if (header.type === 'cancel') {
      running.get(header.id)?.abort();
      return;
    }
    if (running.has(header.id)) return;
    const controller = new AbortController();
    running.set(header.id, controller);
    const job = {
      expression: header.expression,
      ...(body !== undefined ? { inputJson: body } : {}),
      ...(header.bindings ? { bindings: header.bindings } : {}),
      ...(header.limits ? { limits: header.limits } : {}),
    };
    void runner
      .run(job, { signal: controller.signal })
      // The pool throws USAGE for bad limits; the client still gets exactly one answer.
      .catch((error: unknown): RunResult => ({ value: undefined, timings: { parseMs: 0, evalMs: 0 }, error: toCodedError(error) }))
      .then((result) => {
        running.delete(header.id);
        port.send(encodeResult(header.id, result));
      });
  });
  port.send(encodeFrame({ type: 'ready' }));
}
