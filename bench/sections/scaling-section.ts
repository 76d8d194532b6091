/**
 * Scaling: Mapwright's chunked run of each workload at 100k records with a
 * pool of one worker and of two. Quick mode runs the flat rename at 10k only,
 * enough to see the path work in a few seconds.
 */
import { runChild } from '../measure/run-child';
import { ratio, round, type SectionTable } from '../report/results';
import { WORKLOAD_NAMES } from '../workloads/workloads';
import { sizeLabel, type BenchOptions } from './bench-options';
import { engineLimits, throughputCell } from './engine-section';

/** Runs the scaling section. */
export async function scalingSection(options: BenchOptions): Promise<SectionTable> {
  const records = options.quick ? 10_000 : 100_000;
  const workloads = options.quick ? WORKLOAD_NAMES.slice(0, 1) : WORKLOAD_NAMES;
  const rows: SectionTable['rows'] = [];
  for (const workload of workloads) {
    const one = await runChild({ kind: 'engine', workload, records, impl: 'mapwright', workers: 1 }, engineLimits(records));
    const two = await runChild({ kind: 'engine', workload, records, impl: 'mapwright', workers: 2 }, engineLimits(records));
    options.log(`scaling ${workload} ${sizeLabel(records)}: ${one.ok && two.ok ? 'ok' : 'failed'}`);
    rows.push({
      workload,
      records: sizeLabel(records),
      oneWorkerPerSecond: throughputCell(one),
      twoWorkersPerSecond: throughputCell(two),
      speedup: ratio(one.ok ? one.figures.seconds : undefined, two.ok ? two.figures.seconds : undefined),
      oneWorkerPeakRssMb: one.ok ? round(one.figures.peakRssMb ?? NaN) : null,
      twoWorkersPeakRssMb: two.ok ? round(two.figures.peakRssMb ?? NaN) : null,
    });
  }
  return {
    id: 'scaling',
    title: 'Scaling over workers',
    note: 'Mapwright\'s chunked run with a pool of one worker and of two. Speedup = one-worker time divided by two-worker time (2 is perfect on 2 cores; the main thread also serialises chunks and results).',
    columns: ['workload', 'records', 'oneWorkerPerSecond', 'twoWorkersPerSecond', 'speedup', 'oneWorkerPeakRssMb', 'twoWorkersPeakRssMb'],
    rows,
  };
}
