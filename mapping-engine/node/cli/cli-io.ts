/**
 * Where CLI commands write. Injected so tests can run commands in-process and
 * capture output without spawning Node.
 */

/** Output sinks of one CLI invocation. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The real process streams. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
