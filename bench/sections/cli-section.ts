/**
 * CLI start: `mapwright --help` and `mapwright validate <sample>` spawned as
 * child processes, as a shell runs them, against `node -e 0` spawned the same
 * way in the same run (see cli-start.ts). The goal is a start under 0.5 s.
 */
import { notRun, ratio, round, type Cell, type SectionTable } from '../report/results';
import type { BenchOptions } from './bench-options';
import { cliCases, timeStarts, type StartTimes } from './cli-start';

/** The start the CLI should stay under, in milliseconds. */
export const CLI_START_GOAL_MS = 500;
/** The project `validate` is timed on (relative to the repository). */
export const CLI_BENCH_PROJECT = 'samples/crm-to-erp/crm-to-erp.mapwright.json';

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const best = (values: readonly number[]): number | undefined => (values.length === 0 ? undefined : Math.min(...values));

/** One row per CLI case (the first entry of `times` is the baseline): best and median ms, and the ratios of the bests. */
export function cliRows(times: readonly StartTimes[]): Array<Record<string, Cell>> {
  const [baseline, ...cases] = times;
  const baseBest = best(baseline?.ms ?? []);
  const cell = (value: number | undefined, failed: string | undefined): Cell => (value === undefined ? notRun(failed ?? 'no run') : round(value));
  return cases.map((t) => {
    const ms = best(t.ms);
    return {
      case: t.label,
      runs: t.ms.length,
      ms: cell(ms, t.failed),
      medianMs: cell(median(t.ms), t.failed),
      baseline: baseline?.label ?? 'node -e 0',
      baselineMs: cell(baseBest, baseline?.failed),
      ratio: ratio(ms, baseBest),
      underGoal: ms === undefined ? null : ms < CLI_START_GOAL_MS ? 'yes' : 'no',
    };
  });
}

/** Runs the CLI start section. */
export async function cliSection(options: BenchOptions): Promise<SectionTable> {
  const rounds = options.quick ? 5 : 15;
  const times = await timeStarts(cliCases(CLI_BENCH_PROJECT), rounds);
  for (const t of times) options.log(`${t.label}: ${t.failed ?? `best ${round(best(t.ms) ?? NaN)} ms of ${t.ms.length}`}`);
  return {
    id: 'cli',
    title: 'CLI start',
    note: `Wall milliseconds from spawning \`node bin/mapwright.mjs <args>\` to its exit, as a shell runs it (the plain JavaScript build; one untimed call first, which builds it when a source file changed), best and median of ${rounds} calls; baseline: \`node -e 0\` spawned the same way, interleaved round by round with the CLI calls so load on the machine falls on all of them alike. Ratio: best / best. \`validate\` loads ${CLI_BENCH_PROJECT}, checks its paths against its source sample and target schema and compiles it. Goal: under ${CLI_START_GOAL_MS} ms.`,
    columns: ['case', 'runs', 'ms', 'medianMs', 'baseline', 'baselineMs', 'ratio', 'underGoal'],
    rows: cliRows(times),
  };
}
