/**
 * Finds files of the installed tsx package, for starting TypeScript entries
 * from source (a runner worker, a forked engine host). Its manifest is read
 * once: workers are respawned after every kill, and each start needs it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface TsxPackage {
  dir: string;
  exports: Record<string, unknown>;
}

let cached: TsxPackage | undefined;

function tsxPackage(): TsxPackage {
  if (!cached) {
    // Resolved from here, so the working directory of the process does not matter.
    const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, unknown> };
    cached = { dir: dirname(manifestPath), exports: manifest.exports ?? {} };
  }
  return cached;
}

/**
 * File URL of what tsx exports at `subpath` (`'.'`, `'./esm/api'`), read by
 * `pick` from the export's entry in the manifest, or of `fallback` (relative
 * to the package root) when the manifest does not say.
 */
export function tsxExportUrl(subpath: string, pick: (entry: unknown) => string | undefined, fallback: string): string {
  const { dir, exports } = tsxPackage();
  return pathToFileURL(join(dir, pick(exports[subpath]) ?? fallback)).href;
}
