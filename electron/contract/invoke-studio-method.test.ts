import { describe, expect, it } from 'vitest';
import { MapwrightError } from '../../mapping-engine/errors';
import { invokeStudioMethod } from './invoke-studio-method';
import type { StudioApi } from './studio-api';
import { stubStudioApi } from '../../tests/helpers/stub-studio-api';

/** A backend whose calls are recorded, so tests see what reached it. */
function recordingApi(overrides: Partial<StudioApi> = {}): { api: StudioApi; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const api: StudioApi = stubStudioApi({
    getAppInfo: async () => ({ ok: true, value: { name: 'Mapwright', version: '1', engineVersion: '1', platform: 'linux' } }),
    listSamples: async () => ({ ok: true, value: [] }),
    readSamplePreview: async (...args) => {
      calls.push(args);
      return { ok: true, value: { id: args[0], sourceText: 'x', truncated: false } };
    },
    ...overrides,
  });
  return { api, calls };
}

describe('invokeStudioMethod', () => {
  it('passes valid arguments through and returns the value', async () => {
    const { api, calls } = recordingApi();
    expect(await invokeStudioMethod(api, 'readSamplePreview', ['crm-to-erp'])).toEqual({
      ok: true,
      value: { id: 'crm-to-erp', sourceText: 'x', truncated: false },
    });
    expect(calls).toEqual([['crm-to-erp']]);
  });

  it('refuses names outside the contract, including Object.prototype members', async () => {
    const { api } = recordingApi();
    for (const name of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      expect(await invokeStudioMethod(api, name, [])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('refuses arguments that break the schema before the backend sees them', async () => {
    const { api, calls } = recordingApi();
    const bad: unknown[] = [[], [42], ['../../etc/passwd'], ['a/b'], ['ok', 'extra'], 'not-an-array', null, ['x'.repeat(101)]];
    for (const args of bad) {
      expect(await invokeStudioMethod(api, 'readSamplePreview', args)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    }
    expect(await invokeStudioMethod(api, 'listSamples', ['unexpected'])).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(calls).toEqual([]);
  });

  it('turns a thrown MapwrightError into its coded error and anything else into INTERNAL', async () => {
    const coded = recordingApi({ listSamples: () => Promise.reject(new MapwrightError('FILE_READ', 'disk gone', { file: 'samples' })) });
    expect(await invokeStudioMethod(coded.api, 'listSamples', [])).toEqual({
      ok: false,
      error: { code: 'FILE_READ', message: 'disk gone', file: 'samples' },
    });
    const plain = recordingApi({ listSamples: () => Promise.reject(new TypeError('boom')) });
    expect(await invokeStudioMethod(plain.api, 'listSamples', [])).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  it('does not let a backend bug hand out data the contract does not promise', async () => {
    const { api } = recordingApi({ getAppInfo: async () => ({ ok: true, value: { name: 'Mapwright' } as never }) });
    expect(await invokeStudioMethod(api, 'getAppInfo', [])).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('passes a backend failure through unchanged', async () => {
    const failure = { ok: false as const, error: { code: 'NOT_FOUND' as const, message: 'no sample "x"' } };
    const { api } = recordingApi({ readSamplePreview: async () => failure });
    expect(await invokeStudioMethod(api, 'readSamplePreview', ['x'])).toEqual(failure);
  });
});
