import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { processHostPort, type ProcessLike } from './host-port';

describe('processHostPort', () => {
  it("uses Electron's parentPort when present, unwrapping each message's data", () => {
    const posted: unknown[] = [];
    const emitter = new EventEmitter();
    const proc = Object.assign(new EventEmitter(), {
      parentPort: { postMessage: (m: unknown) => posted.push(m), on: (event: 'message', l: (e: { data: unknown }) => void) => emitter.on(event, l) },
      send: vi.fn(),
    }) as unknown as ProcessLike;
    const port = processHostPort(proc);
    const received: unknown[] = [];
    port?.onMessage((m) => received.push(m));
    emitter.emit('message', { data: 'hello' });
    port?.send('out');
    expect(received).toEqual(['hello']);
    expect(posted).toEqual(['out']);
    expect((proc as unknown as { send: ReturnType<typeof vi.fn> }).send).not.toHaveBeenCalled();
  });

  it("uses Node's IPC channel in a forked child, and reports the parent leaving", () => {
    const sent: unknown[] = [];
    const proc = Object.assign(new EventEmitter(), {
      send: (m: unknown, callback?: (error: Error | null) => void) => {
        sent.push(m);
        callback?.(new Error('channel closed'));
        return false;
      },
    });
    const port = processHostPort(proc as unknown as ProcessLike);
    const received: unknown[] = [];
    const gone = vi.fn();
    port?.onMessage((m) => received.push(m));
    port?.onParentGone(gone);
    proc.emit('message', 'job');
    expect(() => port?.send('result')).not.toThrow();
    proc.emit('disconnect');
    expect(received).toEqual(['job']);
    expect(sent).toEqual(['result']);
    expect(gone).toHaveBeenCalledOnce();
  });

  it('gives undefined for a process started by hand, with no channel', () => {
    expect(processHostPort(new EventEmitter() as unknown as ProcessLike)).toBeUndefined();
  });
});
