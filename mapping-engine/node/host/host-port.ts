/**
 * The engine host's side of its message channel, whichever process model
 * started it: a Node `child_process.fork` child talks through `process.send`
 * and `process.on('message')`; an Electron `utilityProcess` through
 * `process.parentPort`, whose messages arrive wrapped in `{ data }`. The host
 * code sees only {@link HostPort}, so one entry file serves both.
 */

/** A channel to the parent that carries strings. */
export interface HostPort {
  /** Sends one message string to the parent. */
  send(text: string): void;
  /** Calls `listener` with every message the parent sends. */
  onMessage(listener: (message: unknown) => void): void;
  /** Calls `listener` once the parent is gone (a fork's IPC channel closed); Electron ends a utility process itself. */
  onParentGone(listener: () => void): void;
}

/** The parts of Electron's `process.parentPort` the host uses (typed here so the engine needs no Electron types). */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The parts of `process` the host uses; a parameter so both shapes are testable without spawning. */
export interface ProcessLike {
  parentPort?: ParentPortLike;
  send?: (message: unknown, callback?: (error: Error | null) => void) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

/**
 * The channel to the parent of this process: Electron's `parentPort` when it
 * exists, else Node's IPC channel, else `undefined` (the entry was started by
 * hand, with nobody to talk to).
 */
export function processHostPort(proc: ProcessLike): HostPort | undefined {
  const parentPort = proc.parentPort;
  if (parentPort) {
    return {
      send: (text) => parentPort.postMessage(text),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      onParentGone: () => undefined,
    };
  }
  const send = proc.send?.bind(proc);
  if (!send) return undefined;
  return {
    // The callback swallows a closed channel: the parent is gone and 'disconnect' ends the host.
    send: (text) => void send(text, () => undefined),
    onMessage: (listener) => void proc.on('message', listener),
    onParentGone: (listener) => void proc.once('disconnect', listener),
  };
}
