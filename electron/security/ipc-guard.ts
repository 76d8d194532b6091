/**
 * The ONE wrapper every IPC handler goes through (Electron security checklist:
 * "validate the sender of all IPC messages"). It refuses calls from subframes
 * and from any origin but the studio's own, then hands the untrusted
 * arguments to {@link invokeStudioMethod}, which validates them against the
 * contract. Written against a structural event type so it is tested in plain
 * Node with fake senders; main.ts passes Electron's real `IpcMainInvokeEvent`.
 */
import { invokeStudioMethod, failure } from '../contract/invoke-studio-method';
import type { StudioApi, StudioMethod, StudioResult } from '../contract/studio-api';
import { originOf } from './origin';

/** What the guard reads of Electron's `WebFrameMain`. */
export interface SenderFrameLike {
  url: string;
  /** `null` for a top-level (main) frame. */
  parent: unknown;
}

/** What the guard reads of Electron's `IpcMainInvokeEvent`. */
export interface InvokeEventLike {
  /** Electron gives `null` when the frame has navigated away or been destroyed. */
  senderFrame: SenderFrameLike | null;
}

/** Why a sender is refused, or `undefined` when it is trusted. */
export function senderProblem(event: InvokeEventLike, appOrigin: string): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame is gone';
  if (frame.parent !== null) return 'calls from subframes are not allowed';
  const origin = originOf(frame.url);
  if (origin === undefined || origin !== appOrigin.toLowerCase()) return `origin ${origin ?? frame.url} is not the studio's`;
  return undefined;
}

/**
 * Makes the `ipcMain.handle` listener of one method.
 * @param appOrigin the renderer's origin: the Vite dev server's in development, `mapwright://app` when packaged
 */
export function guardStudioHandler(
  api: StudioApi,
  method: StudioMethod,
  appOrigin: string,
): (event: InvokeEventLike, ...args: unknown[]) => Promise<StudioResult<unknown>> {
  return async (event, ...args) => {
    const problem = senderProblem(event, appOrigin);
    if (problem) return failure({ code: 'ACCESS_DENIED', message: `${method} refused: ${problem}` });
    return invokeStudioMethod(api, method, args);
  };
}
