import { describe, expect, it } from 'vitest';
import { createHttpStudioClient } from './http-studio-client';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records the request and answers with `body` (or throws `error`). */
function fakeFetch(answer: { status?: number; body?: string; error?: Error }): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetchFn = (async (url: URL | RequestInfo, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    if (answer.error) throw answer.error;
    return new Response(answer.body ?? '', { status: answer.status ?? 200 });
  }) as typeof fetch;
  return { fetch: fetchFn, sent };
}

describe('createHttpStudioClient', () => {
  it('POSTs the arguments as a JSON array with the bearer token and returns the result', async () => {
    const value = { id: 'crm-to-erp', sourceText: '{}', truncated: false };
    const { fetch, sent } = fakeFetch({ body: JSON.stringify({ ok: true, value }) });
    const client = createHttpStudioClient({ baseUrl: 'http://127.0.0.1:5180', token: 't0k', fetch });
    expect(await client.readSamplePreview('crm-to-erp')).toEqual({ ok: true, value });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('http://127.0.0.1:5180/api/readSamplePreview');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.body).toBe('["crm-to-erp"]');
    expect(sent[0]?.init.headers).toMatchObject({ Authorization: 'Bearer t0k', 'Content-Type': 'application/json' });
  });

  it('passes the host coded errors through', async () => {
    const error = { code: 'ACCESS_DENIED', message: 'missing or wrong web host token' };
    const { fetch } = fakeFetch({ status: 401, body: JSON.stringify({ ok: false, error }) });
    expect(await createHttpStudioClient({ baseUrl: 'http://127.0.0.1:1', token: 'x', fetch }).listSamples()).toEqual({ ok: false, error });
  });

  it('never throws: network failures and odd bodies become INTERNAL errors', async () => {
    const down = fakeFetch({ error: new TypeError('Failed to fetch') });
    expect(await createHttpStudioClient({ baseUrl: 'http://127.0.0.1:1', token: 'x', fetch: down.fetch }).getAppInfo()).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('Failed to fetch') },
    });
    for (const body of ['<html>proxy error</html>', '{"value": 1}', '{"ok": false, "error": "nope"}']) {
      const odd = fakeFetch({ status: 502, body });
      expect(await createHttpStudioClient({ baseUrl: 'http://127.0.0.1:1', token: 'x', fetch: odd.fetch }).listSamples(), body).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
    }
  });
});
