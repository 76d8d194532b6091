/**
 * Follows a run to its end by polling `pollRun`, the same over IPC and HTTP.
 * Each poll is one small message, and the wait between polls is a timer, so
 * the UI thread is never held while the backend works.
 */
import type { RunStatus } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi, StudioResult } from '../../../electron/contract/studio-api';

/** Time between two polls. Short enough that a fast run feels immediate. */
export const POLL_INTERVAL_MS = 100;

/** Options of {@link followRun}. */
export interface FollowRunOptions {
  /** Called with every status polled, the last one included. */
  onStatus: (status: RunStatus) => void;
  /** True once the caller no longer cares (a newer run, an unmounted view): polling stops. */
  abandoned?: () => boolean;
  intervalMs?: number;
  /** Injected in tests; a timer otherwise. */
  sleep?: (ms: number) => Promise<void>;
}

const timer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls run `runId` until it is no longer `running` and resolves with the
 * last result: a final status, a coded error of the poll itself, or
 * `undefined` when the caller abandoned the run first.
 */
export async function followRun(api: Pick<StudioApi, 'pollRun'>, runId: string, options: FollowRunOptions): Promise<StudioResult<RunStatus> | undefined> {
  const sleep = options.sleep ?? timer;
  for (;;) {
    if (options.abandoned?.()) return undefined;
    const result = await api.pollRun(runId);
    if (options.abandoned?.()) return undefined;
    if (!result.ok) return result;
    options.onStatus(result.value);
    if (result.value.state !== 'running') return result;
    await sleep(options.intervalMs ?? POLL_INTERVAL_MS);
  }
}
