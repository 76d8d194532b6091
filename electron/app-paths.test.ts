import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './app-paths';

describe('resolveAppPaths', () => {
  const base = { appPath: '/repo', resourcesPath: '/opt/Mapwright/resources', mainDir: '/repo/.vite/build', rendererName: 'main_window' };

  it('finds the Forge Vite outputs next to the main bundle', () => {
    const paths = resolveAppPaths({ ...base, isPackaged: false });
    expect(paths.preloadPath).toBe(join('/repo/.vite/build', 'preload.cjs'));
    expect(paths.rendererDir).toBe(join('/repo/.vite/renderer/main_window'));
  });

  it('reads samples from the repository in development and from resources when packaged', () => {
    expect(resolveAppPaths({ ...base, isPackaged: false }).samplesDir).toBe(join('/repo', 'samples'));
    expect(resolveAppPaths({ ...base, isPackaged: true }).samplesDir).toBe(join('/opt/Mapwright/resources', 'samples'));
  });
});
