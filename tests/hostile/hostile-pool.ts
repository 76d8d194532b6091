/**
 * Runs hostile CLI jobs in a few child processes (each runs many jobs
 * in-process, one at a time) with a hard kill: when a run passes the time
 * limit, its child is killed, the run is recorded as hung and a new child
 * takes the remaining jobs.
 *
 * The limit is CPU time of the child (all its threads, read from /proc), not
 * wall time: on a loaded CI machine a run that needs 2 s of CPU can take 30 s
 * of wall time, and a hang is a run that keeps computing. A wall-clock
 * backstop (WALL_FACTOR times the limit) still catches a run that blocks
 * without computing. Where /proc is missing, the limit is wall time.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tsxExportUrl } from '../../mapping-engine/node/runner/tsx-package';
import type { ChildJob, ChildMessage } from './hostile-child';
import type { HostileOutcome } from './hostile-case';

/** One job of the pool: the file it concerns and the argv of the run. */
export interface PoolJob {
  file: string;
  argv: string[];
}

const CHILD = fileURLToPath(new URL('./hostile-child.ts', import.meta.url));

/** How many limits of wall time a run may take while it stays under the CPU limit. */
const WALL_FACTOR = 12;
/** How often the child's CPU time is read. */
const POLL_MS = 200;
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds the process has used (user + system, all threads), or undefined without /proc. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function tsxLoader(): string {
  return tsxExportUrl('.', (entry) => (typeof entry === 'string' ? entry : undefined), './dist/loader.mjs');
}

/** Runs `jobs` (in order) in one child after another until all have an outcome. */
async function runLane(jobs: PoolJob[], indexes: number[], limitMs: number, outcomes: HostileOutcome[]): Promise<void> {
  let pending = indexes;
  while (pending.length > 0) {
    pending = await runChild(jobs, pending, limitMs, outcomes);
  }
}

/** Starts one child on `indexes`; resolves with the indexes still to run when it ends or is killed. */
function runChild(jobs: PoolJob[], indexes: number[], limitMs: number, outcomes: HostileOutcome[]): Promise<number[]> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [], {
      execArgv: ['--import', tsxLoader(), '--max-old-space-size=2048', '--stack-size=984'],
      serialization: 'json',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const done = new Set<number>();
    let current: { index: number; started: number } | undefined;
    let timer: NodeJS.Timeout | undefined;
    const finish = (killed: 'timeout' | 'crash' | undefined): void => {
      if (timer) clearTimeout(timer);
      if (current && killed) {
        const job = jobs[current.index]!;
        outcomes[current.index] = { file: job.file, argv: job.argv, code: -1, err: '', ms: performance.now() - current.started, killed };
        done.add(current.index);
      }
      current = undefined;
      resolve(indexes.filter((i) => !done.has(i)));
    };
    const kill = (): void => {
      child.kill('SIGKILL');
      finish('timeout');
    };
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'start') {
        const cpuStart = cpuMs(child.pid);
        current = { index: message.index, started: performance.now() };
        if (timer) clearTimeout(timer);
        if (cpuStart === undefined) {
          timer = setTimeout(kill, limitMs);
          return;
        }
        const started = current.started;
        const check = (): void => {
          const used = (cpuMs(child.pid) ?? cpuStart) - cpuStart;
          if (used > limitMs || performance.now() - started > limitMs * WALL_FACTOR) kill();
          else timer = setTimeout(check, POLL_MS);
        };
        timer = setTimeout(check, POLL_MS);
      } else {
        const job = jobs[message.index]!;
        outcomes[message.index] = { file: job.file, argv: job.argv, code: message.code, err: message.err, ms: message.ms };
        done.add(message.index);
        current = undefined;
        if (timer) clearTimeout(timer);
      }
    });
    child.on('exit', () => finish(current ? 'crash' : undefined));
    child.send(indexes.map((index): ChildJob => ({ index, argv: jobs[index]!.argv })));
  });
}

/**
 * Runs every job across `lanes` children; returns one outcome per job, in job order.
 * @param limitMs - CPU time after which a run is killed and recorded as hung (see the file comment)
 */
export async function runHostileJobs(jobs: PoolJob[], lanes: number, limitMs: number): Promise<HostileOutcome[]> {
  const outcomes: HostileOutcome[] = new Array<HostileOutcome>(jobs.length);
  const split: number[][] = Array.from({ length: lanes }, () => []);
  jobs.forEach((_, i) => split[i % lanes]!.push(i));
  await Promise.all(split.map((indexes) => runLane(jobs, indexes, limitMs, outcomes)));
  return outcomes;
}
