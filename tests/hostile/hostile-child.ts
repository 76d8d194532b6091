/**
 * Child process of the hostile suite: runs the CLI in-process on each job it
 * is sent, one after the other, and reports start and end over IPC so the
 * parent can kill it when one run passes the time limit.
 */
import { main } from '../../mapping-engine/node/cli/main';

/** A job sent by the parent. */
export interface ChildJob {
  index: number;
  argv: string[];
}

/** Messages to the parent. */
export type ChildMessage = { type: 'start'; index: number } | { type: 'done'; index: number; code: number; err: string; ms: number };

const MAX_ERR = 4000;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, () => resolve()));
}

async function runJob(job: ChildJob): Promise<void> {
  await send({ type: 'start', index: job.index });
  let err = '';
  const started = performance.now();
  let code: number;
  try {
    code = await main(job.argv, {
      // Output is only counted: big conversions must not pile up in memory.
      stdout: () => undefined,
      stderr: (text) => {
        if (err.length < MAX_ERR) err += text.slice(0, MAX_ERR);
      },
    });
  } catch (error) {
    // main() must never throw; report it the way the suite checks it.
    code = 99;
    err = `THROWN ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, MAX_ERR);
  }
  await send({ type: 'done', index: job.index, code, err, ms: performance.now() - started });
}

process.on('message', (jobs: ChildJob[]) => {
  void (async () => {
    for (const job of jobs) await runJob(job);
    process.disconnect();
  })();
});
