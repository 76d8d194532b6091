/**
 * Mappings at enterprise size: generated projects of about 2,500 + 2,500
 * fields with 250, 500, 1,000 and 2,000 rules, every step a user takes timed
 * in this process, and each step's growth per doubling of the rules.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import { round, type Cell, type SectionTable } from '../report/results';
import { measureSize, SIZE_STEPS, type SizeTimes, type StepTime } from '../size/measure-size';
import { SIZE_RULE_COUNTS } from '../size/size-project';
import type { BenchOptions } from './bench-options';

/** Growth per doubling the goal allows: near-linear, with room for noise. */
export const GROWTH_GOAL = 2.2;
/** The studio recompiles and reruns on every edit: 2,000 rules should take less than this, in ms. */
export const COMPILE_RUN_GOAL_MS = 250;

/**
 * One row per size (CPU ms of each step, and compile + run in CPU and wall
 * ms), then one per doubling: the larger size's time divided by the smaller's.
 */
export function sizeRows(measured: Array<{ rules: number; times: SizeTimes }>): Array<Record<string, Cell>> {
  const compileRun = (t: SizeTimes, clock: keyof StepTime) => t.compileMs[clock] + t.runMs[clock];
  const rows: Array<Record<string, Cell>> = measured.map(({ rules, times }) => ({
    rules: String(rules),
    ...Object.fromEntries(SIZE_STEPS.map((step) => [step, round(times[step].cpuMs)])),
    compileRunMs: round(compileRun(times, 'cpuMs')),
    compileRunWallMs: round(compileRun(times, 'wallMs')),
  }));
  for (let i = 1; i < measured.length; i += 1) {
    const [small, large] = [measured[i - 1]!, measured[i]!];
    const growth = (a: number, b: number): Cell => (a > 0 ? round(b / a) : null);
    rows.push({
      rules: `growth ${small.rules} → ${large.rules}`,
      ...Object.fromEntries(SIZE_STEPS.map((step) => [step, growth(small.times[step].cpuMs, large.times[step].cpuMs)])),
      compileRunMs: growth(compileRun(small.times, 'cpuMs'), compileRun(large.times, 'cpuMs')),
      compileRunWallMs: growth(compileRun(small.times, 'wallMs'), compileRun(large.times, 'wallMs')),
    });
  }
  return rows;
}

/** Runs the size section. */
export async function sizeSection(options: BenchOptions): Promise<SectionTable> {
  const dir = await mkdtemp(join(tmpdir(), 'mapwright-size-'));
  const pool = new RunnerPool({ size: 1 });
  const measured: Array<{ rules: number; times: SizeTimes }> = [];
  try {
    await pool.run({ expression: '1' });
    for (const rules of SIZE_RULE_COUNTS) {
      const times = await measureSize(pool, join(dir, String(rules)), rules, options.quick ? 3 : 7);
      options.log(`size ${rules} rules (wall/CPU ms): ${SIZE_STEPS.map((step) => `${step} ${Math.round(times[step].wallMs)}/${Math.round(times[step].cpuMs)}`).join(', ')}`);
      measured.push({ rules, times });
    }
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
  return {
    id: 'size',
    title: 'Mappings at enterprise size',
    note: `Generated projects (bench/size/size-project.ts): a JSON Schema source and target of about 2,500 fields each (one target object of 600 fields, four arrays of 325-field items), rules coercing text to numbers, booleans and ISO dates, a tenth required. All in one process, each step the best of several runs (at least 7, quick steps up to 25) after a full collection, in CPU ms (user + system time of the process, worker threads included: on a machine shared with other work it measures the step's own work, where wall time mostly measures the wait for a core; it leaves out waiting for the disk when saving); compile + run is also given in wall ms. The steps: load + validate (what \`mapwright validate\` does: read, schemas, sample, compile), compile, reverse (read back the expression with one field's JSONata edited), run (a fresh compile's job on the 3-item sample through a warm one-worker RunnerPool: the compiled program, or jsonata where the program hands over; output validated against the target there and written as JSON), run on jsonata (the same job without the program: the expression parsed and evaluated by jsonata under the default limits), the spec as XLSX and as HTML, save (serialise and atomic write). Growth rows divide the larger size's time by the smaller's (CPU, and wall for compile + run): the goal is at most ${GROWTH_GOAL} per doubling, and compile + run under ${COMPILE_RUN_GOAL_MS} ms at 2,000 rules.`,
    columns: ['rules', ...SIZE_STEPS, 'compileRunMs', 'compileRunWallMs'],
    rows: sizeRows(measured),
  };
}
