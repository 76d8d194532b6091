/**
 * Where CLI commands write. Injected so tests can run commands in-process and
 * capture output without spawning Node.
 */

/** Output sinks of one CLI invocation. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A writable stream as far as {@link endQuietlyOnClosedOutput} needs it. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

let stdoutClosed = false;

/** The real process streams; once stdout is closed (`| head`), further output is dropped. */
export const processIo: CliIo = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

const guarded = new WeakSet<object>();

/**
 * Makes a closed output (the reader of a pipe went away: `mapwright test … | head`)
 * end the CLI quietly: the `EPIPE` is handled, nothing more is written and
 * `onClosed` ends the process with the exit code so far. Other stream errors
 * are left to Node. Installing twice on one stream is a no-op.
 */
export function endQuietlyOnClosedOutput(stream: OutputStream, onClosed: () => void): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    if (stream === process.stdout) stdoutClosed = true;
    onClosed();
  });
}

/** Guards the process streams (see {@link endQuietlyOnClosedOutput}); `main` calls this when writing to them. */
export function guardProcessOutput(): void {
  const exit = (): never => process.exit(process.exitCode ?? 0);
  endQuietlyOnClosedOutput(process.stdout, exit);
  // A closed stderr has nowhere to report to either; the same quiet end.
  endQuietlyOnClosedOutput(process.stderr, exit);
}
