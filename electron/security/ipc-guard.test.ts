import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../contract/studio-api';
import { stubStudioApi } from '../../tests/helpers/stub-studio-api';
import { guardStudioHandler, senderProblem, type InvokeEventLike } from './ipc-guard';
import { APP_ORIGIN } from './origin';

const api: StudioApi = stubStudioApi({
  getAppInfo: async () => ({ ok: true, value: { name: 'Mapwright', version: '1', engineVersion: '1', platform: 'linux' } }),
  listSamples: async () => ({ ok: true, value: [] }),
  readSamplePreview: async (id) => ({ ok: true, value: { id, sourceText: 'text', truncated: false } }),
});

const mainFrame = (url: string): InvokeEventLike => ({ senderFrame: { url, parent: null } });

describe('senderProblem', () => {
  it('trusts the main frame of the packaged app and of the dev server', () => {
    expect(senderProblem(mainFrame('mapwright://app/index.html'), APP_ORIGIN)).toBeUndefined();
    expect(senderProblem(mainFrame('http://localhost:5173/'), 'http://localhost:5173')).toBeUndefined();
  });

  it('refuses a destroyed frame, a subframe, and every other origin', () => {
    expect(senderProblem({ senderFrame: null }, APP_ORIGIN)).toMatch(/gone/);
    expect(senderProblem({ senderFrame: { url: 'mapwright://app/index.html', parent: {} } }, APP_ORIGIN)).toMatch(/subframe/);
    for (const url of ['mapwright://evil/index.html', 'file:///etc/passwd', 'https://example.com/', 'http://localhost:5174/', 'about:blank', 'not a url']) {
      expect(senderProblem(mainFrame(url), APP_ORIGIN), url).toBeDefined();
    }
    expect(senderProblem(mainFrame('http://localhost:5174/'), 'http://localhost:5173')).toMatch(/not the studio/);
  });
});

describe('guardStudioHandler', () => {
  const handler = guardStudioHandler(api, 'readSamplePreview', APP_ORIGIN);

  it('answers a trusted sender with valid arguments', async () => {
    expect(await handler(mainFrame('mapwright://app/'), 'crm-to-erp')).toEqual({ ok: true, value: { id: 'crm-to-erp', sourceText: 'text', truncated: false } });
  });

  it('returns ACCESS_DENIED (never throws) for an untrusted sender', async () => {
    expect(await handler(mainFrame('https://example.com/'), 'crm-to-erp')).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });

  it('validates the arguments with the contract', async () => {
    expect(await handler(mainFrame('mapwright://app/'), { id: 'crm-to-erp' })).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(await handler(mainFrame('mapwright://app/'))).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });
});
