/**
 * Starts an engine host as a Node child process (`child_process.fork`), for
 * the web host, the CLI and the tests; the studio uses an Electron
 * `utilityProcess` instead (electron/engine-host/utility-host.ts).
 *
 * From source the entry is `engine-host-main.ts`, loaded through tsx's
 * loader (`--import`): unlike a worker thread (see ../runner/spawn-worker.ts)
 * a child process is a full Node process, where `--import` works. A bundled
 * build passes the built entry instead.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tsxExportUrl } from '../runner/tsx-package';
import type { EngineHostProcess } from './engine-host-client';
import { engineHostArgs } from './engine-host-args';

/** How to start a forked host. */
export interface ForkHostOptions {
  /** Path of a built JavaScript host entry; by default the TypeScript entry beside this file, through tsx. */
  entryPath?: string;
  /** Built runner worker entry, passed on to the host's pool. */
  runnerEntry?: URL;
  /** Worker threads in the host's pool. */
  poolSize?: number;
  /** Extra Node flags for the host, e.g. `--max-old-space-size=256`. */
  execArgv?: string[];
  /** Where the host's stderr goes (default the parent's); tests that crash hosts on purpose silence V8's report. */
  stderr?: 'inherit' | 'ignore';
}

const fromSource = import.meta.url.endsWith('.ts');

/** URL of tsx's loader (its package root export). */
function tsxLoaderUrl(): string {
  return tsxExportUrl('.', (entry) => (typeof entry === 'string' ? entry : undefined), './dist/loader.mjs');
}

/** Forks an engine host; pass it to `new EngineHostClient(() => forkEngineHost(options))`. */
export function forkEngineHost(options: ForkHostOptions = {}): EngineHostProcess {
  const useTsx = !options.entryPath && fromSource;
  const entry = options.entryPath ?? fileURLToPath(new URL(fromSource ? './engine-host-main.ts' : './engine-host-main.js', import.meta.url));
  const child = fork(entry, engineHostArgs(options), {
    // Never the parent's flags (an inspector port, vitest's loaders): only tsx and what the caller asks for.
    execArgv: [...(useTsx ? ['--import', tsxLoaderUrl()] : []), ...(options.execArgv ?? [])],
    // 'json' keeps strings as strings; the host's output shows up in the parent's.
    serialization: 'json',
    stdio: ['ignore', 'inherit', options.stderr ?? 'inherit', 'ipc'],
  });
  return {
    postMessage: (text) => {
      // The callback turns a closed channel into a no-op: the 'exit' that follows ends the runs.
      if (child.connected) child.send(text, () => undefined);
    },
    on: (event: string, listener: (...args: never[]) => void) => child.on(event, listener as (...args: unknown[]) => void),
    kill: () => child.kill('SIGKILL'),
    get pid() {
      return child.pid;
    },
  };
}
