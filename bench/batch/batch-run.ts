/**
 * Runs one batch measurement as a separate process with the RSS probe
 * preloaded: `mapwright run ... --progress` exactly as a user would start it,
 * or the hand-written stream baseline. Peak RSS is the process's own
 * `maxRSS` (worker threads included), written by rss-probe.mjs at exit.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** What one batch process gave. */
export type BatchOutcome = { ok: true; seconds: number; peakRssMb: number; stdout: string } | { ok: false; reason: string };

const ROOT = join(import.meta.dirname, '..', '..');
const PROBE = join(import.meta.dirname, 'rss-probe.mjs');

/** Runs `node --import <probe> ...args` in the repository root; never rejects. */
export async function runProbed(args: readonly string[], rssFile: string, timeoutMs: number): Promise<BatchOutcome> {
  const start = performance.now();
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }>((resolve) => {
    const child = spawn(process.execPath, ['--import', PROBE, ...args], { cwd: ROOT, env: { ...process.env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString()).slice(-4000)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
  const seconds = (performance.now() - start) / 1000;
  try {
    if (result.timedOut) return { ok: false, reason: `not finished within ${Math.round(timeoutMs / 1000)} s` };
    if (result.code !== 0) return { ok: false, reason: `exit code ${result.code}: ${result.stderr.trim().split('\n').pop() ?? ''}` };
    const probe = JSON.parse(await readFile(rssFile, 'utf8')) as { maxRssMb: number };
    return { ok: true, seconds, peakRssMb: probe.maxRssMb, stdout: result.stdout };
  } catch (error) {
    return { ok: false, reason: `no RSS reading: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await rm(rssFile, { force: true });
  }
}

/** Options the installed `mapwright run` accepts, from its help text. */
export async function runCommandOptions(): Promise<{ progress: boolean; batch: boolean }> {
  const outcome = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'mapwright.mjs'), 'run', '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', () => resolve(text));
  });
  return { progress: outcome.includes('--progress'), batch: outcome.includes('--batch') };
}
