/**
 * The StudioApi over HTTP, for the studio served by the loopback web host
 * (`npm run web`): `POST /api/<method>` with the positional arguments as a
 * JSON array and the per-run token as a bearer token.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import { STUDIO_METHODS, type StudioApi, type StudioArgs, type StudioMethod, type StudioResult, type StudioValue } from '../../../electron/contract/studio-api';

/** Where and how to reach the web host. */
export interface HttpStudioClientOptions {
  /** Origin of the web host, e.g. `http://127.0.0.1:5180`. */
  baseUrl: string;
  /** The per-run token the host printed in its URL. */
  token: string;
  /** Injected in tests; the browser's `fetch` otherwise. */
  fetch?: typeof fetch;
}

function failed(error: CodedErrorData): { ok: false; error: CodedErrorData } {
  return { ok: false, error };
}

/** True for a body shaped like a StudioResult (the host validated the value itself). */
function isStudioResult(body: unknown): body is StudioResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const candidate = body as { ok: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error.message === 'string';
}

/**
 * Creates the HTTP client: every method of the contract, each a POST of its
 * arguments. It never throws: transport failures become coded errors too.
 */
export function createHttpStudioClient(options: HttpStudioClientOptions): StudioApi {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<M extends StudioMethod>(method: M, args: StudioArgs<M>): Promise<StudioResult<StudioValue<M>>> {
    let response: Response;
    try {
      response = await fetchFn(new URL(`/api/${method}`, options.baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify(args),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      return failed({ code: 'INTERNAL', message: `cannot reach the studio host: ${String(error)}` });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failed({ code: 'INTERNAL', message: `the studio host answered ${response.status} without a JSON body` });
    }
    if (!isStudioResult(body)) return failed({ code: 'INTERNAL', message: `the studio host answered ${response.status} with an unexpected body` });
    return body as StudioResult<StudioValue<M>>;
  }

  // One function per contract method, generated from the contract's list, so a new method needs no edit here.
  return Object.fromEntries(
    STUDIO_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args as StudioArgs<typeof method>)]),
  ) as unknown as StudioApi;
}
