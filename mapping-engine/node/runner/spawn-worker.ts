/**
 * Starts one runner worker thread with a heap cap.
 *
 * From source (vitest, tsx, `npx mapwright`) this module's own URL ends in
 * `.ts`. Node 20 does not apply the parent's tsx hooks to a worker, and
 * `execArgv: ['--import', 'tsx']` fails there with ERR_UNKNOWN_FILE_EXTENSION,
 * so the worker starts from a one-line bootstrap that loads the TypeScript
 * entry through tsx's `tsImport`.
 *
 * A bundled build (Electron main) must emit `runner-worker.ts` as its own
 * JavaScript entry and pass its URL as `entryUrl` (e.g. `new URL('./runner-worker.js',
 * import.meta.url)` beside `main.cjs`); without `entryUrl` a built pool looks for
 * `runner-worker.js` next to itself.
 */
import { Worker } from 'node:worker_threads';
import { tsxExportUrl } from './tsx-package';

/** How to start a worker. */
export interface SpawnWorkerOptions {
  /** Memory limit of the jobs in MiB; the thread's hard cap is {@link hardHeapCapMb} of it. */
  memoryMb: number;
  /** URL of a built JavaScript worker entry; by default the TypeScript entry beside this file. */
  entryUrl?: URL;
}

const fromSource = import.meta.url.endsWith('.ts');

/** URL of tsx's ESM API (its ESM build: `require.resolve` would give the CommonJS one, which cannot be imported from ESM). */
function tsxEsmApiUrl(): string {
  return tsxExportUrl('./esm/api', (entry) => (entry as { import?: { default?: string } } | undefined)?.import?.default, './dist/esm/api/index.mjs');
}

function tsxBootstrap(entry: URL): string {
  const api = tsxEsmApiUrl();
  // Dynamic import() works whether Node treats eval code as a script or a module.
  return `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
}

/**
 * The thread's hard heap cap for a job limit of `memoryMb`. The limit itself is
 * enforced by the heap guard at every jsonata step; the cap sits far above it
 * because one step can double an array or flatten a long string, and a worker
 * that hits its cap with more than 16 MB still to allocate aborts the whole
 * process instead of ending with ERR_WORKER_OUT_OF_MEMORY.
 */
export function hardHeapCapMb(memoryMb: number): number {
  return memoryMb * 2 + 512;
}

/** The environment a worker gets: only `MAPWRIGHT_ENGINE`, when the host process has it. */
export function workerEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return env.MAPWRIGHT_ENGINE === undefined ? {} : { MAPWRIGHT_ENGINE: env.MAPWRIGHT_ENGINE };
}

/** Starts a runner worker; it posts `{ type: 'ready' }` once it listens for jobs. */
export function spawnRunnerWorker(options: SpawnWorkerOptions): Worker {
  const common = {
    resourceLimits: { maxOldGenerationSizeMb: hardHeapCapMb(options.memoryMb), maxYoungGenerationSizeMb: Math.min(32, Math.max(4, options.memoryMb / 8)) },
    // No inherited flags (an inspector port, loaders) and no environment but the engine switch the
    // worker reads (MAPWRIGHT_ENGINE=jsonata turns the compiled program off): user code sees nothing else.
    execArgv: [],
    env: workerEnv(process.env),
  };
  if (options.entryUrl) return new Worker(options.entryUrl, common);
  if (fromSource) return new Worker(tsxBootstrap(new URL('./runner-worker.ts', import.meta.url)), { ...common, eval: true });
  return new Worker(new URL('./runner-worker.js', import.meta.url), common);
}
