/**
 * When to back up unsaved work: after a short idle (the user paused
 * typing), and at the latest every `maxWaitMs` while the edits never pause,
 * so a crash loses seconds of work, never minutes. One backup runs at a time;
 * edits made during a backup are backed up right after it. Pure timing logic
 * with injectable timers, so it is tested without waiting.
 */

/** The timer functions the scheduler uses (the browser's by default). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** Options of {@link createIdleBackup}. */
export interface IdleBackupOptions<T> {
  /** Writes one backup; a rejection is reported to `onError` and retried on the next change. */
  save: (snapshot: T) => Promise<void>;
  /** Quiet time after the last change before a backup; 1.5 s by default. */
  idleMs?: number;
  /** Longest a change waits while edits keep coming; 10 s by default. */
  maxWaitMs?: number;
  onError?: (error: unknown) => void;
  timers?: Timers;
}

/** The scheduler of one project session. */
export interface IdleBackup<T> {
  /** Records the latest unsaved state; (re)starts the idle timer. */
  changed(snapshot: T): void;
  /** Backs up the pending state now (before closing a window, say); resolves when written. */
  flush(): Promise<void>;
  /**
   * Drops the pending state (the work was saved or deliberately discarded)
   * and resolves once a backup already being written is done, so the caller
   * can discard the backup knowing no late write will bring it back.
   */
  cancel(): Promise<void>;
  /** True while a change waits for its backup. */
  readonly pending: boolean;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** Creates the idle-backup scheduler. */
export function createIdleBackup<T>(options: IdleBackupOptions<T>): IdleBackup<T> {
  const idleMs = options.idleMs ?? 1500;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const timers = options.timers ?? browserTimers;
  let latest: { snapshot: T } | undefined;
  // When the oldest change not yet backed up was made: bounds the wait while edits keep coming.
  let firstChangeAt: number | undefined;
  let timer: unknown;
  let running: Promise<void> | undefined;

  function clearTimer(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  }

  function schedule(): void {
    clearTimer();
    if (!latest || firstChangeAt === undefined) return;
    const waited = timers.now() - firstChangeAt;
    timer = timers.setTimeout(() => void run(), Math.max(0, Math.min(idleMs, maxWaitMs - waited)));
  }

  async function run(): Promise<void> {
    clearTimer();
    if (running) {
      // One write at a time; whatever changed meanwhile is written once this one is done.
      await running;
      return latest ? run() : undefined;
    }
    if (!latest) return;
    const { snapshot } = latest;
    latest = undefined;
    firstChangeAt = undefined;
    running = options.save(snapshot).then(
      () => undefined,
      (error: unknown) => options.onError?.(error),
    );
    try {
      await running;
    } finally {
      running = undefined;
    }
    if (latest) schedule();
  }

  return {
    changed(snapshot) {
      latest = { snapshot };
      firstChangeAt ??= timers.now();
      if (!running) schedule();
    },
    flush: () => run(),
    async cancel() {
      clearTimer();
      latest = undefined;
      firstChangeAt = undefined;
      await running;
    },
    get pending() {
      return latest !== undefined;
    },
  };
}
