/**
 * One engine measurement, run inside a measurement child: generate the
 * workload's records, then time one way of mapping them (Mapwright's batch
 * run of their JSON Lines bytes in slices through the RunnerPool, the same
 * expression through plain jsonata in one call, or the hand-written function).
 */
import jsonata from 'jsonata';
import { buildProgram } from '../../mapping-engine/compiled/run-program';
import { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import { loadWorkload } from '../workloads/workloads';
import type { ChildSpec } from './child-spec';
import { jsonLinesBytes, runChunked } from './chunked-run';
import { bestOf, peakRssMb, repeatFor, settledRssMb } from './timing';

type EngineSpec = Extract<ChildSpec, { kind: 'engine' }>;

function checkCount(output: unknown, expected: number): void {
  // Mapwright's run gives JSON Lines text: one line per record.
  const count = Array.isArray(output) ? output.length : typeof output === 'string' ? output.split('\n').length - 1 : -1;
  if (count !== expected) throw new Error(`expected ${expected} output records, got ${count}`);
}

/** Measures `spec`; resolves with seconds, records/s, input and peak RSS (MB). */
export async function measureEngine(spec: EngineSpec): Promise<Record<string, number>> {
  const workload = await loadWorkload(spec.workload);
  const records = workload.generate(spec.records);
  const inputRssMb = settledRssMb();
  const warmup = records.slice(0, Math.min(records.length, 1000));
  const repeat = repeatFor(spec.records);
  let seconds: number;
  if (spec.impl === 'hand-written') {
    workload.byHand(warmup);
    seconds = await bestOf(() => checkCount(workload.byHand(records), records.length), repeat);
  } else if (spec.impl === 'compiled') {
    // The compiled program in this thread over all records in one call (the engine alone: no thread crossing, no JSON),
    // timed in turn with the hand-written function in the same process, so their ratio holds on a busy machine.
    if (!workload.program) throw new Error(`${workload.name} does not compile to a program`);
    const program = buildProgram(workload.program);
    // Both warmed up until V8 has optimised them (one pass over 1,000 records left the program unoptimised at 10k).
    for (let i = 0; i < 20; i++) {
      program(warmup);
      workload.byHand(warmup);
    }
    const runs = spec.records <= 10_000 ? 15 : Math.max(3, repeat.runs);
    let handSeconds = Infinity;
    seconds = Infinity;
    for (let i = 0; i < runs; i++) {
      seconds = Math.min(seconds, await bestOf(() => checkCount(program(records), records.length), { runs: 1, budgetMs: 0 }));
      handSeconds = Math.min(handSeconds, await bestOf(() => checkCount(workload.byHand(records), records.length), { runs: 1, budgetMs: 0 }));
    }
    return { seconds, recordsPerSecond: records.length / seconds, handSeconds, inputRssMb, peakRssMb: peakRssMb() };
  } else if (spec.impl === 'jsonata') {
    const expression = jsonata(workload.expression);
    await expression.evaluate(warmup);
    seconds = await bestOf(async () => checkCount(await expression.evaluate(records), records.length), repeat);
  } else {
    // Big limits: the benchmark measures speed, not the preview's guards; a chunk is small anyway.
    const pool = new RunnerPool({ size: spec.workers ?? 2, defaultLimits: { timeoutMs: 600_000, memoryMb: 512 } });
    try {
      // The records as the JSON Lines file batch mode would read (written before the timing, as the file is on disk).
      const bytes = jsonLinesBytes(records);
      const warmBytes = jsonLinesBytes(warmup);
      // The warm-up starts every worker (two slices per worker), so thread start-up is not counted.
      // The job carries the compiled program with the expression, as batch mode sends it.
      await runChunked(pool, workload, warmBytes, { sliceBytes: Math.ceil(warmBytes.length / (2 * (spec.workers ?? 2))) });
      seconds = await bestOf(async () => checkCount(await runChunked(pool, workload, bytes), records.length), repeat);
    } finally {
      await pool.close();
    }
  }
  return { seconds, recordsPerSecond: records.length / seconds, inputRssMb, peakRssMb: peakRssMb() };
}
