import { describe, expect, it } from 'vitest';
import { engineEntries } from './engine-entries';

describe('engineEntries', () => {
  it('points at the host and worker bundles beside main.cjs, the worker as a file URL', () => {
    const entries = engineEntries('/opt/Mapwright/resources/app.asar/.vite/build');
    expect(entries.hostEntryPath).toBe('/opt/Mapwright/resources/app.asar/.vite/build/engine-host-main.cjs');
    expect(entries.runnerEntry.href).toBe('file:///opt/Mapwright/resources/app.asar/.vite/build/runner-worker.cjs');
  });

  it('escapes characters a file URL cannot hold as they are', () => {
    expect(engineEntries('/Users/ada/My Apps/.vite/build').runnerEntry.href).toBe('file:///Users/ada/My%20Apps/.vite/build/runner-worker.cjs');
  });
});
