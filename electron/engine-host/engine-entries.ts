/**
 * Where the built engine host and runner worker live. Forge's Vite plugin
 * builds both next to `main.cjs` in `.vite/build` (see forge.config.ts and
 * vite.engine.config.ts), in development (`npm start`) and packaged alike,
 * so the Electron shell always starts built JavaScript, never TypeScript.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** File names of the engine bundles in `.vite/build`. */
export const ENGINE_HOST_BUNDLE = 'engine-host-main.cjs';
export const RUNNER_WORKER_BUNDLE = 'runner-worker.cjs';

/** The built entries the engine host needs. */
export interface EngineEntries {
  /** Path of the host process entry (`utilityProcess.fork` or `child_process.fork` take a path). */
  hostEntryPath: string;
  /** URL of the runner worker entry (a `Worker` takes a URL; RunnerPool's `entryUrl`). */
  runnerEntry: URL;
}

/** The engine bundles beside the main bundle in `mainDir` (main.ts's `__dirname`). */
export function engineEntries(mainDir: string): EngineEntries {
  return { hostEntryPath: join(mainDir, ENGINE_HOST_BUNDLE), runnerEntry: pathToFileURL(join(mainDir, RUNNER_WORKER_BUNDLE)) };
}
