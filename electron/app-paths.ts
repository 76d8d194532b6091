/**
 * Where the Electron shell finds its parts, development and packaged alike.
 * Pure so the packaged layout is tested without packaging.
 */
import { join } from 'node:path';

/** Facts main.ts reads from Electron and from the Forge Vite build. */
export interface AppPathFacts {
  /** `app.isPackaged` */
  isPackaged: boolean;
  /** `app.getAppPath()`: the project root in development. */
  appPath: string;
  /** `process.resourcesPath`: where `extraResource` files land when packaged. */
  resourcesPath: string;
  /** Folder of the built main script (`.vite/build`). */
  mainDir: string;
  /** Forge's renderer name (`MAIN_WINDOW_VITE_NAME`). */
  rendererName: string;
}

/** Resolved locations of the preload script, the built renderer and the samples. */
export interface AppPaths {
  preloadPath: string;
  rendererDir: string;
  samplesDir: string;
}

/**
 * Forge's Vite plugin puts the main and preload bundles in `.vite/build` and
 * the renderer in `.vite/renderer/<name>`; samples ship as an extra resource
 * (outside the asar, so they stay plain files) and live in the repository root
 * during development.
 */
export function resolveAppPaths(facts: AppPathFacts): AppPaths {
  return {
    preloadPath: join(facts.mainDir, 'preload.cjs'),
    rendererDir: join(facts.mainDir, '..', 'renderer', facts.rendererName),
    samplesDir: facts.isPackaged ? join(facts.resourcesPath, 'samples') : join(facts.appPath, 'samples'),
  };
}
