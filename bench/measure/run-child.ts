/**
 * Parent side of a measurement: starts a fresh Node process for one
 * {@link ChildSpec}, with a heap cap and a time limit, and reads its answer.
 * A child that runs out of time or memory gives `ok: false` with that reason.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ChildResult, ChildSpec } from './child-spec';

/** Limits of one measurement child. */
export interface ChildLimits {
  /** Wall-clock limit; the child is killed after it. */
  timeoutMs: number;
  /** V8 old-space cap of the child's main thread, in MB. */
  heapMb: number;
}

const ENTRY = join(import.meta.dirname, 'measure-child.ts');
/** The repository root: `--import tsx` resolves from the working directory. */
const ROOT = join(import.meta.dirname, '..', '..');

/** The last JSON line of a child's stdout, if it is an answer. */
export function parseChildAnswer(stdout: string): ChildResult | undefined {
  const line = stdout.trim().split('\n').pop();
  if (!line) return undefined;
  try {
    const parsed = JSON.parse(line) as ChildResult;
    return typeof parsed === 'object' && parsed !== null && 'ok' in parsed ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `spec` in a child process; never rejects. */
export function runChild(spec: ChildSpec, limits: ChildLimits): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${limits.heapMb}`, '--expose-gc', '--import', 'tsx', ENTRY, JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const answer = parseChildAnswer(stdout);
      if (answer) return resolve(answer);
      if (timedOut) return resolve({ ok: false, reason: `not finished within ${Math.round(limits.timeoutMs / 1000)} s` });
      const oom = /heap out of memory|Reached heap limit/i.test(stderr);
      resolve({ ok: false, reason: oom ? `out of memory (heap capped at ${limits.heapMb} MB)` : `child ended with ${signal ?? `exit code ${code}`}: ${stderr.trim().split('\n').pop() ?? ''}` });
    });
  });
}
