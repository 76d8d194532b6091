import { describe, expect, it } from 'vitest';
import { studioWindowOptions } from './window-options';

describe('studioWindowOptions', () => {
  const options = studioWindowOptions('/app/.vite/build/preload.cjs');

  it('isolates and sandboxes the renderer (Electron security checklist)', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/.vite/build/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('opens hidden until ready and titled Mapwright', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Mapwright');
  });
});
