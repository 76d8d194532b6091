/**
 * Engine throughput: each workload at each size, three ways: Mapwright (the
 * records' JSON Lines bytes in slices through a RunnerPool of two workers, as
 * batch mode runs a file), plain jsonata in one call, and the hand-written function.
 * Every way runs in its own child process, so peak RSS is its own.
 */
import type { ChildLimits } from '../measure/run-child';
import { runChild } from '../measure/run-child';
import type { ChildResult, EngineImpl } from '../measure/child-spec';
import { notRun, ratio, round, type Cell, type SectionTable } from '../report/results';
import { WORKLOAD_NAMES } from '../workloads/workloads';
import { sizeLabel, type BenchOptions } from './bench-options';

/** Record counts of the engine benchmark; `chosen` (from `--engine-sizes 10000,100000`) replaces the defaults. */
export function engineSizes(quick: boolean, chosen?: string): number[] {
  const sizes = chosen?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (sizes && sizes.length > 0) return sizes;
  return quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
}

/** The value of `--engine-sizes`, when given. */
function chosenSizes(): string | undefined {
  const at = process.argv.indexOf('--engine-sizes');
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Time and memory allowed to one engine child with `records` records. */
export function engineLimits(records: number): ChildLimits {
  if (records >= 1_000_000) return { timeoutMs: 240_000, heapMb: 6_144 };
  if (records >= 100_000) return { timeoutMs: 180_000, heapMb: 4_096 };
  return { timeoutMs: 60_000, heapMb: 2_048 };
}

/**
 * Why a measurement is skipped: when the previous size's time, scaled up
 * linearly (every workload is linear in records), is past three quarters of
 * the child's time limit (the rest goes to generating the records), running
 * it would only end in a kill. `undefined` means run it.
 */
export function skipReason(previous: { records: number; seconds: number } | undefined, records: number, limits: ChildLimits): string | undefined {
  if (!previous) return undefined;
  const projected = (previous.seconds * records) / previous.records;
  if (projected * 1000 <= limits.timeoutMs * 0.75) return undefined;
  return `${sizeLabel(previous.records)} took ${round(previous.seconds)} s, so ${sizeLabel(records)} needs about ${round(projected)} s, more than this size may take (${limits.timeoutMs / 1000} s limit)`;
}

function figure(result: ChildResult, name: string): number | undefined {
  return result.ok ? result.figures[name] : undefined;
}

/** Records/s of a result, or why there is none. */
export function throughputCell(result: ChildResult): Cell {
  return result.ok ? round(result.figures.recordsPerSecond ?? NaN) : notRun(result.reason);
}

/** The note under the engine table (exported so a page can be rendered again with today's words). */
export const ENGINE_NOTE =
  'Records per second of three mappings over generated records. Mapwright = the mapping run as batch mode runs a file: the records as JSON Lines bytes (written before the timing, as a file on disk), cut into slices of 128 KiB at line ends and moved to the RunnerPool (2 workers), which parse, map and write each slice as JSON Lines text; each job carries the compiled JavaScript program (mapping-engine/compiled) and the JSONata expression, and a record the program does not reproduce runs through jsonata. So it includes parsing and writing JSON, which the other three (records already in memory, output left as values) do not. Compiled engine = the same program in the measuring thread over all records in one call (the engine alone, without the thread crossing); its ratio to hand-written comes from the two timed in turn in that same child process (best of at least three runs each), so it holds while other work loads the machine. jsonata = the JSONata expression through the plain jsonata package in one call; hand-written = a JavaScript function doing the same work. Ratios are time divided by the other time on the same records in the same run (lower is better; below 1 means the first was faster). Peak RSS is each child process\'s maxRSS and includes the generated input (input RSS: the process with only the records in memory). Goal: the compiled engine at >= 25% of hand-written speed (time ratio <= 4). What the compiled engine does not compile runs through jsonata: a whole document with a custom transform, a formatNumber picture jsonata rejects, a date pattern without a year, month and day, or a time zone without a rule; and any chunk on which the program meets a value it does not reproduce (see mapping-engine/compiled/README.md).';

/** Runs the engine section. */
export async function engineSection(options: BenchOptions): Promise<SectionTable> {
  const rows: SectionTable['rows'] = [];
  const previous = new Map<string, { records: number; seconds: number }>();
  for (const records of engineSizes(options.quick, chosenSizes())) {
    for (const workload of WORKLOAD_NAMES) {
      const results = {} as Record<EngineImpl, ChildResult>;
      for (const impl of ['mapwright', 'compiled', 'jsonata', 'hand-written'] as const) {
        const key = `${workload} ${impl}`;
        const skip = skipReason(previous.get(key), records, engineLimits(records));
        results[impl] = skip ? { ok: false, reason: skip } : await runChild({ kind: 'engine', workload, records, impl, workers: 2 }, engineLimits(records));
        const result = results[impl];
        if (result.ok) previous.set(key, { records, seconds: result.figures.seconds ?? 0 });
        options.log(`engine ${workload} ${sizeLabel(records)} ${impl}: ${result.ok ? 'ok' : result.reason}`);
      }
      const seconds = (impl: EngineImpl) => figure(results[impl], 'seconds');
      rows.push({
        workload,
        records: sizeLabel(records),
        mapwrightPerSecond: throughputCell(results.mapwright),
        compiledPerSecond: throughputCell(results.compiled),
        jsonataPerSecond: throughputCell(results.jsonata),
        handWrittenPerSecond: throughputCell(results['hand-written']),
        compiledToHandWritten: ratio(seconds('compiled'), figure(results.compiled, 'handSeconds')),
        mapwrightToJsonata: ratio(seconds('mapwright'), seconds('jsonata')),
        mapwrightToHandWritten: ratio(seconds('mapwright'), seconds('hand-written')),
        mapwrightPeakRssMb: figure(results.mapwright, 'peakRssMb') ?? null,
        jsonataPeakRssMb: figure(results.jsonata, 'peakRssMb') ?? null,
        handWrittenPeakRssMb: figure(results['hand-written'], 'peakRssMb') ?? null,
        inputRssMb: figure(results['hand-written'], 'inputRssMb') ?? null,
      });
    }
  }
  return {
    id: 'engine',
    title: 'Engine throughput',
    note: ENGINE_NOTE,
    columns: ['workload', 'records', 'mapwrightPerSecond', 'compiledPerSecond', 'jsonataPerSecond', 'handWrittenPerSecond', 'compiledToHandWritten', 'mapwrightToJsonata', 'mapwrightToHandWritten', 'mapwrightPeakRssMb', 'jsonataPeakRssMb', 'handWrittenPeakRssMb', 'inputRssMb'],
    rows,
  };
}
