/** Turns a backend method's thrown errors into coded failures. */
import { toCodedError } from '../../mapping-engine/errors';
import type { StudioResult } from '../contract/studio-api';

/**
 * Runs `work` and turns a thrown error into a coded failure, because an
 * exception loses its code when it crosses IPC or HTTP.
 */
export async function settle<T>(work: () => Promise<T>): Promise<StudioResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toCodedError(error) };
  }
}
