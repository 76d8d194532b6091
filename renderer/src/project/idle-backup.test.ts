import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleBackup } from './idle-backup';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A save that records what it wrote and when; `hold` keeps it running until released. */
function recorder() {
  const writes: Array<{ at: number; text: string }> = [];
  let release: (() => void) | undefined;
  let hold = false;
  const save = async (text: string) => {
    if (hold) await new Promise<void>((done) => (release = done));
    writes.push({ at: Date.now(), text });
  };
  return {
    writes,
    save,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('idle backup', () => {
  it('backs up once, after the edits pause, with the latest text', async () => {
    const r = recorder();
    const idle = createIdleBackup({ save: r.save, idleMs: 1500 });
    idle.changed('a');
    await vi.advanceTimersByTimeAsync(1000);
    idle.changed('ab');
    await vi.advanceTimersByTimeAsync(1000);
    idle.changed('abc');
    expect(r.writes).toEqual([]);
    expect(idle.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(1500);
    expect(r.writes).toEqual([{ at: 3500, text: 'abc' }]);
    expect(idle.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(r.writes).toHaveLength(1);
  });

  it('does not wait longer than maxWaitMs while edits never pause', async () => {
    const r = recorder();
    const idle = createIdleBackup({ save: r.save, idleMs: 1500, maxWaitMs: 5000 });
    for (let t = 0; t < 12_000; t += 1000) {
      idle.changed(`t${t}`);
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(r.writes.map((w) => w.at)).toEqual([5000, 10_000]);
    expect(r.writes[0]!.text).toBe('t4000');
  });

  it('runs one backup at a time and writes edits made meanwhile right after', async () => {
    const r = recorder();
    let concurrent = 0;
    let most = 0;
    const idle = createIdleBackup({
      idleMs: 100,
      save: async (text: string) => {
        most = Math.max(most, ++concurrent);
        await r.save(text);
        concurrent--;
      },
    });
    r.holdNext();
    idle.changed('one');
    await vi.advanceTimersByTimeAsync(100);
    idle.changed('two');
    await vi.advanceTimersByTimeAsync(500);
    expect(r.writes).toEqual([]);
    r.release();
    await vi.advanceTimersByTimeAsync(200);
    expect(r.writes.map((w) => w.text)).toEqual(['one', 'two']);
    expect(most).toBe(1);
  });

  it('flush writes now; cancel drops pending work and waits for a write in flight', async () => {
    const r = recorder();
    const idle = createIdleBackup({ save: r.save, idleMs: 1500 });
    idle.changed('now');
    await idle.flush();
    expect(r.writes).toEqual([{ at: 0, text: 'now' }]);

    idle.changed('dropped');
    await idle.cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(r.writes.map((w) => w.text)).toEqual(['now']);

    r.holdNext();
    idle.changed('in flight');
    void idle.flush();
    let cancelled = false;
    const cancelling = idle.cancel().then(() => (cancelled = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(cancelled).toBe(false);
    r.release();
    await cancelling;
    expect(r.writes.map((w) => w.text)).toEqual(['now', 'in flight']);
  });

  it('reports a failed backup and tries again on the next change', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const saved: string[] = [];
    const idle = createIdleBackup({
      idleMs: 100,
      onError: (e) => errors.push(e),
      save: async (text: string) => {
        if (fail) throw new Error('disk full');
        saved.push(text);
      },
    });
    idle.changed('x');
    await vi.advanceTimersByTimeAsync(100);
    expect(errors).toHaveLength(1);
    fail = false;
    idle.changed('xy');
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual(['xy']);
  });
});
