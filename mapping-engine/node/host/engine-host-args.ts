/**
 * The engine host's command line, written by whoever starts it (fork-host.ts,
 * electron/engine-host/utility-host.ts) and read by engine-host-main.ts.
 */

/** Options a host process takes. */
export interface EngineHostArgs {
  /** URL of the built runner worker entry (packaged app); absent when running from source. */
  runnerEntry?: URL;
  /** Worker threads in the pool. */
  poolSize?: number;
}

/** Writes {@link EngineHostArgs} as `--runner-entry=<file URL>` and `--pool-size=<n>`. */
export function engineHostArgs(options: EngineHostArgs): string[] {
  const args: string[] = [];
  if (options.runnerEntry) args.push(`--runner-entry=${options.runnerEntry.href}`);
  if (options.poolSize !== undefined) args.push(`--pool-size=${options.poolSize}`);
  return args;
}

/** Reads the switches {@link engineHostArgs} writes; anything else is ignored (Electron and Node add their own). */
export function parseEngineHostArgs(argv: readonly string[]): EngineHostArgs {
  const args: EngineHostArgs = {};
  for (const arg of argv) {
    const [name, value] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === '--runner-entry' && value && URL.canParse(value)) args.runnerEntry = new URL(value);
    if (name === '--pool-size' && value && /^[1-9]\d{0,2}$/.test(value)) args.poolSize = Number(value);
  }
  return args;
}
