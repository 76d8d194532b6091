/**
 * Entry of the engine host process: a `child_process.fork` child (web host,
 * CLI, tests) or an Electron `utilityProcess` (the studio). It holds the
 * worker pool, so a fatal V8 error that no worker limit contains (one native
 * call allocating far past a thread's cap aborts its whole process) kills
 * this process, not the window or the web server; the client starts another.
 *
 * Arguments: `--runner-entry=<file URL>` (the built runner worker, packaged
 * builds only) and `--pool-size=<n>`.
 */
import { RunnerPool } from '../runner/runner-pool';
import { parseEngineHostArgs } from './engine-host-args';
import { serveEngineHost } from './engine-host-server';
import { processHostPort } from './host-port';

const port = processHostPort(process as unknown as Parameters<typeof processHostPort>[0]);
if (!port) {
  console.error('USAGE: the engine host must be started by Mapwright (fork or utilityProcess), not by hand');
  process.exitCode = 2;
} else {
  const args = parseEngineHostArgs(process.argv.slice(2));
  const pool = new RunnerPool({
    ...(args.runnerEntry ? { entryUrl: args.runnerEntry } : {}),
    ...(args.poolSize ? { size: args.poolSize } : {}),
  });
  serveEngineHost(port, pool);
  // A forked host whose parent went away has nobody to answer: stop the workers and leave.
  port.onParentGone(() => void pool.close().then(() => process.exit(0)));
}
