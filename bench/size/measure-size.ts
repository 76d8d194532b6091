/**
 * Times every step a user takes with a large mapping, in this process (no CLI
 * start-up): load and validate the project, compile it, read back a one-field
 * edit of its JSONata (the reverse compiler), run it on its sample through a
 * warm RunnerPool, export the spec as XLSX and HTML, and save the document.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileDocument, parseExpression } from '../../mapping-engine/compiler';
import { loadDocument } from '../../mapping-engine/document/load-document';
import { serializeDocument } from '../../mapping-engine/document/serialize-document';
import { renderXlsx } from '../../mapping-engine/node/export/xlsx-export';
import { createFsResolver, referenceScope } from '../../mapping-engine/node/fs-resolver';
import { replaceFileAtomic } from '../../mapping-engine/node/read-file';
import type { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import { readPayload } from '../../mapping-engine/payload/read-payload';
import { runMapping, validationOf } from '../../mapping-engine/run/mapping-run';
import { buildSpec } from '../../mapping-engine/spec/build-spec';
import { renderHtml } from '../../mapping-engine/spec/render-html';
import { checkProject } from '../../mapping-engine/validate/check-project';
import { loadTargetSchema } from '../../mapping-engine/validate/load-target';
import { ENGINE_VERSION } from '../../mapping-engine/version';
import { SIZE_SAMPLE, writeSizeProject } from './size-project';

/** The steps measured, in the order they run; each is a column of the size table. */
export const SIZE_STEPS = ['validateMs', 'compileMs', 'reverseMs', 'runMs', 'runJsonataMs', 'xlsxMs', 'htmlMs', 'saveMs'] as const;
/** One step's key. */
export type SizeStep = (typeof SIZE_STEPS)[number];

/**
 * The best times of one step: wall clock, and CPU (the process's user plus
 * system time, worker threads included). On a machine shared with other
 * work the CPU time is the steadier measure of the work a step does; it
 * leaves out waiting (for the disk when saving, for a core when busy).
 */
export interface StepTime {
  wallMs: number;
  cpuMs: number;
}

/** Best times of each step for one size. */
export type SizeTimes = Record<SizeStep, StepTime>;

/** The target field whose JSONata the reverse step edits: a text field of the wide object, mapped at every size. */
function editedField(sourceMap: Record<string, { start: number; end: number }>): string {
  const field = Object.keys(sourceMap).find((path) => /^block00\.text\d+$/.test(path));
  if (!field) throw new Error('no text field of block00 is mapped');
  return field;
}

/**
 * A full collection before each timed run, so no run pays for the garbage of
 * the one before (the bench runs under tsx, which gives no `--expose-gc`).
 */
let gc: (() => void) | undefined;
function collect(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Quick steps repeat past the minimum, up to this many runs or {@link STEP_BUDGET_MS} of work. */
const MAX_RUNS = 25;
const STEP_BUDGET_MS = 3_000;

/**
 * The best wall and CPU times of at least `runs` runs (more for quick
 * steps): the runs least disturbed by other work on a shared machine.
 */
async function timedBest<T = void>(runs: number, work: (prepared: T) => Promise<unknown>, setup: () => T = () => undefined as T): Promise<StepTime> {
  const best: StepTime = { wallMs: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY };
  let spent = 0;
  for (let i = 0; i < runs || (i < MAX_RUNS && spent < STEP_BUDGET_MS); i += 1) {
    const prepared = setup();
    collect();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await work(prepared);
    const took = performance.now() - start;
    const used = process.cpuUsage(cpu);
    best.wallMs = Math.min(best.wallMs, took);
    best.cpuMs = Math.min(best.cpuMs, (used.user + used.system) / 1000);
    spent += took;
  }
  return best;
}

/**
 * Generates the `rules`-rule project into `dir` and times each step, the
 * best of at least `runs` (the first also warms the code up). Each run starts from a
 * fresh compile, as after an edit (the engine compiles its program per
 * compiled mapping); the target reaches the worker and its validator once.
 * "run on jsonata" is the same job without the compiled program: what runs
 * whenever the program hands a mapping to jsonata.
 * @throws Error when a step does not do what it should (a problem, a run error, a violation)
 */
export async function measureSize(pool: RunnerPool, dir: string, rules: number, runs = 5): Promise<SizeTimes> {
  const file = await writeSizeProject(dir, rules);
  const resolver = createFsResolver(referenceScope([file]));
  const text = await readFile(file, 'utf8');
  const validateMs = await timedBest(runs, async () => {
    const check = await checkProject(await readFile(file, 'utf8'), file, resolver);
    if (check.problems.length > 0) throw new Error(`${rules} rules: ${check.problems[0]!.code} ${check.problems[0]!.message}`);
  });
  const doc = loadDocument(text, file).document;
  let compiled = compileDocument(doc);
  const compileMs = await timedBest(runs, async () => {
    compiled = compileDocument(doc);
  });
  const field = editedField(compiled.sourceMap);
  const span = compiled.sourceMap[field]!;
  const edited = `${compiled.expression.slice(0, span.start)}$uppercase(${compiled.expression.slice(span.start, span.end)})${compiled.expression.slice(span.end)}`;
  const reverseMs = await timedBest(runs, async () => {
    const parsed = parseExpression(edited, doc);
    if (parsed.document.rules.length !== doc.rules.length) throw new Error(`${rules} rules: the edit read back as ${parsed.document.rules.length} rules`);
  });
  const target = await loadTargetSchema(doc, file, resolver);
  const input = readPayload(await readFile(join(dir, SIZE_SAMPLE)), { format: 'json' });
  const fresh = () => ({ document: doc, compiled: compileDocument(doc), ...(target ? { target } : {}) });
  const clean = (result: { error?: { code: string; message: string }; violations: Array<{ code: string; message: string }> }) => {
    const problem = result.error ?? result.violations[0];
    if (problem) throw new Error(`${rules} rules: the run is not clean: ${problem.code} ${problem.message}`);
  };
  const runMs = await timedBest(runs, async (prepared) => clean(await runMapping(pool, prepared, input)), fresh);
  const runJsonataMs = await timedBest(
    runs,
    async (prepared) => {
      const validate = validationOf(prepared);
      const result = await pool.run({ expression: prepared.compiled.expression, input: input.value, ...(validate ? { validate } : {}) });
      clean({ ...(result.error ? { error: result.error } : {}), violations: result.violations ?? [] });
    },
    fresh,
  );
  const spec = () => buildSpec({ document: doc, compiled, ...(target?.schema ? { targetFields: target.schema.root } : {}), tables: {}, generatedAt: '2026-01-01T00:00:00.000Z', engineVersion: ENGINE_VERSION });
  const xlsxMs = await timedBest(runs, () => renderXlsx(spec()));
  const htmlMs = await timedBest(runs, async () => renderHtml(spec()));
  const saveMs = await timedBest(runs, () => replaceFileAtomic(file, serializeDocument(doc)));
  return { validateMs, compileMs, reverseMs, runMs, runJsonataMs, xlsxMs, htmlMs, saveMs };
}
