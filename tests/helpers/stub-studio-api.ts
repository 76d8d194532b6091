/**
 * A StudioApi for tests of the transports: the methods a test cares about are
 * given, every other method answers with a coded INTERNAL failure, so a test
 * that reaches one it did not expect fails loudly instead of hanging.
 */
import { STUDIO_METHODS, type StudioApi } from '../../electron/contract/studio-api';

/** Builds a complete {@link StudioApi} from `methods`. */
export function stubStudioApi(methods: Partial<StudioApi>): StudioApi {
  const api: Record<string, unknown> = {};
  for (const method of STUDIO_METHODS) {
    api[method] = methods[method] ?? (async () => ({ ok: false, error: { code: 'INTERNAL', message: `${method} is not stubbed in this test` } }));
  }
  return api as StudioApi;
}
