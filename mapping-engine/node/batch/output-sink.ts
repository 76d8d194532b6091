/**
 * Where a batch run writes its output as chunks finish. A file is written to
 * a temporary file beside it and renamed over it only when the whole run
 * succeeded, so a failed or cancelled run leaves the old file (or none),
 * never a half-written one.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MapwrightError } from '../../errors';

/** A destination written piece by piece, then committed or abandoned. */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** Makes the output final. */
  commit(): Promise<void>;
  /** Abandons the output; never throws. */
  abort(): Promise<void>;
}

function writeError(path: string, error: unknown): MapwrightError {
  return new MapwrightError('FILE_WRITE', `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, { file: path });
}

/** A file written atomically at `path` on commit. */
export function atomicFileSink(path: string): OutputSink {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let handle: FileHandle | undefined;
  const opened = async (): Promise<FileHandle> => (handle ??= await open(temp, 'w'));
  return {
    async write(text) {
      try {
        await (await opened()).write(text);
      } catch (error) {
        throw writeError(path, error);
      }
    },
    async commit() {
      try {
        const file = await opened();
        await file.sync();
        await file.close();
        handle = undefined;
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw writeError(path, error);
      }
    },
    async abort() {
      await handle?.close().catch(() => undefined);
      handle = undefined;
      await rm(temp, { force: true }).catch(() => undefined);
    },
  };
}

/** A sink that hands each piece to `write` (stdout); nothing to commit or take back. */
export function streamSink(write: (text: string) => void): OutputSink {
  return {
    write: async (text) => {
      if (text !== '') write(text);
    },
    commit: async () => undefined,
    abort: async () => undefined,
  };
}

/**
 * Abandons `sink` when the process is interrupted (Ctrl-C, `kill`), then lets
 * the signal end the process as it would have, so an interrupted batch run
 * leaves no temporary file. Returns the function that removes the handlers.
 */
export function abortOnSignals(sink: OutputSink, signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    remove();
    void sink.abort().finally(() => process.kill(process.pid, signal));
  };
  const remove = (): void => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
  for (const signal of signals) process.once(signal, handler);
  return remove;
}
