/**
 * Starts the engine host as an Electron `utilityProcess`: a Node process
 * that Electron owns and ends with the app, and whose crash (a fatal V8
 * error in a user's expression) never reaches the window. Thin by design:
 * the protocol, the crash handling and the replacement all live in
 * EngineHostClient and are tested with a forked host in plain Node.
 */
import { utilityProcess } from 'electron';
import type { EngineHostProcess } from '../../mapping-engine/node/host/engine-host-client';
import { engineHostArgs } from '../../mapping-engine/node/host/engine-host-args';
import type { EngineEntries } from './engine-entries';

/** Name of the process in Electron's metrics and crash reports. */
export const ENGINE_SERVICE_NAME = 'Mapwright engine';

/** Starts one engine host utility process; pass it as `new EngineHostClient(() => spawnUtilityHost(entries))`. */
export function spawnUtilityHost(entries: EngineEntries, poolSize?: number): EngineHostProcess {
  const child = utilityProcess.fork(entries.hostEntryPath, engineHostArgs({ runnerEntry: entries.runnerEntry, ...(poolSize ? { poolSize } : {}) }), {
    serviceName: ENGINE_SERVICE_NAME,
    stdio: 'inherit',
  });
  return {
    postMessage: (text) => child.postMessage(text),
    on: (event: string, listener: (...args: never[]) => void) => child.on(event as 'exit', listener as (code: number) => void),
    kill: () => child.kill(),
    get pid() {
      return child.pid;
    },
  };
}
