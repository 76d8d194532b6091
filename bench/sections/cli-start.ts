/**
 * Start-up time of the CLI: wall time from spawning `node bin/mapwright.mjs
 * <args>` to its exit, exactly as a user's shell runs it, next to `node -e 0`
 * (Node itself starting and exiting) spawned the same way in the same run.
 * Calls are interleaved round by round, so load on a shared machine falls on
 * all of them alike, and the best of N is kept: the least disturbed start.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'mapwright.mjs');

/** One command to time: its label and the arguments after `node`. */
export interface StartCase {
  label: string;
  args: string[];
}

/** The timings of one case over every round, in milliseconds. */
export interface StartTimes {
  label: string;
  /** Each round's wall time; empty when a call failed. */
  ms: number[];
  /** Why the case could not be timed (a call that exited non-zero). */
  failed?: string;
}

/** Spawns `node <args>` in the repository folder and resolves with its wall time, or rejects with its exit code and first line of stderr. */
function timeOnce(args: readonly string[]): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) done(ms);
      else fail(new Error(`exit ${code}: ${err.split('\n')[0] ?? ''}`));
    });
  });
}

/** The CLI cases: `--help`, and `validate` of a sample project (loads, validates and compiles it, reads its schemas). */
export function cliCases(project: string): StartCase[] {
  return [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'mapwright --help', args: [BIN, '--help'] },
    { label: `mapwright validate ${project}`, args: [BIN, 'validate', project] },
  ];
}

/**
 * Times every case `rounds` times, interleaved, after one untimed call of each
 * (which builds the CLI when a source file changed since its last build).
 */
export async function timeStarts(cases: readonly StartCase[], rounds: number): Promise<StartTimes[]> {
  const times: StartTimes[] = cases.map((c) => ({ label: c.label, ms: [] }));
  for (let round = -1; round < rounds; round++) {
    for (const [i, c] of cases.entries()) {
      const entry = times[i]!;
      if (entry.failed !== undefined) continue;
      try {
        const ms = await timeOnce(c.args);
        if (round >= 0) entry.ms.push(ms);
      } catch (error) {
        entry.failed = error instanceof Error ? error.message : String(error);
        entry.ms = [];
      }
    }
  }
  return times;
}
