import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { copyForSaveAs, folderOfPath } from './save-as-copy';

type CopyApi = Pick<StudioApi, 'saveProjectCopy'>;

/** A backend that answers FILE_EXISTS until asked to replace, recording every call. */
function fakeApi() {
  const calls: Parameters<CopyApi['saveProjectCopy']>[0][] = [];
  const api: CopyApi = {
    async saveProjectCopy(args) {
      calls.push(args);
      if (!args.replaceFiles) return { ok: false, error: { code: 'FILE_EXISTS', message: '2 files already exist', file: 'lookups/a.csv', expected: 'lookups/a.csv\ntests/b.json' } };
      return { ok: true, value: { project: { sessionId: 's', path: args.path, name: 'x', text: '{"moved":true}', readOnly: false, dirty: false }, copied: ['lookups/a.csv'] } };
    },
  };
  return { api, calls };
}

describe('copyForSaveAs', () => {
  it('does nothing for an untitled project or the same folder', async () => {
    const { api, calls } = fakeApi();
    expect(await copyForSaveAs(api, { to: '/a/x.mapwright.json', text: '{}' })).toEqual({ status: 'skip' });
    expect(await copyForSaveAs(api, { from: '/a/y.mapwright.json', to: '/a/x.mapwright.json', text: '{}' })).toEqual({ status: 'skip' });
    expect(calls).toEqual([]);
  });

  it('asks about the files in the way, then copies with replaceFiles', async () => {
    const { api, calls } = fakeApi();
    const request = { from: '/old/p.mapwright.json', to: '/new/p.mapwright.json', text: '{}', sessionId: 's1' };
    expect(await copyForSaveAs(api, request)).toEqual({ status: 'ask', files: ['lookups/a.csv', 'tests/b.json'] });
    expect(await copyForSaveAs(api, { ...request, replaceFiles: true })).toEqual({ status: 'copied', text: '{"moved":true}', copied: ['lookups/a.csv'] });
    expect(calls.map((call) => call.replaceFiles)).toEqual([undefined, true]);
    expect(calls[0]).toMatchObject({ path: '/new/p.mapwright.json', from: '/old/p.mapwright.json', sessionId: 's1' });
  });

  it('splits folders on either separator', () => {
    expect(folderOfPath('C:\\maps\\a.mapwright.json')).toBe('C:\\maps');
    expect(folderOfPath('/m/a.mapwright.json')).toBe('/m');
  });
});
