/**
 * Preview latency, run inside a measurement child. Edit-to-output: a changed
 * mapping document is compiled (its JSONata and, as the studio's preview
 * builds its job, its program), run through a warm RunnerPool on a sample of
 * about 1 MB and written in the target format, as the studio does on every
 * edit; the baseline is the same compile and write with jsonata evaluated in
 * this thread. Cancel: a runaway expression is aborted through its
 * AbortSignal; the baseline is a cold pool start, since the cancelled
 * worker is terminated and a fresh one must start before the pool is ready.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { compileDocument } from '../../mapping-engine/compiler';
import { mappingJob } from '../../mapping-engine/compiled/engine-selection';
import { loadDocument } from '../../mapping-engine/document/load-document';
import type { MappingDocument } from '../../mapping-engine/document/document-schema';
import { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import { writePayload } from '../../mapping-engine/payload/write-payload';
import type { JsonValue } from '../../mapping-engine/payload/types';
import { generateOrders } from '../workloads/order-lines';
import { MAPPINGS_DIR } from '../workloads/workloads';
import { median, peakRssMb } from './timing';

/** Tail-recursive, so jsonata's depth guard never ends it: only its time limit or a cancel does. */
export const RUNAWAY_EXPRESSION = '( $f := function($n){ $f($n+1) }; $f(0) )';

const EDITS = 12;

/** The order-lines document with edit number `n` applied: the currency rule changes case back and forth. */
function edited(doc: MappingDocument, n: number): MappingDocument {
  const rules = doc.rules.map((rule) => (rule.target === 'currency' ? { ...rule, transforms: [{ kind: 'case' as const, mode: n % 2 === 0 ? ('lower' as const) : ('upper' as const) }] } : rule));
  return { ...doc, rules };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Edit-to-output latency on a sample of about `sampleMb`; resolves with medians in ms. */
export async function measurePreview(sampleMb: number): Promise<Record<string, number>> {
  const file = join(MAPPINGS_DIR, 'order-lines-jsonl.mapwright.json');
  const doc = loadDocument(await readFile(file, 'utf8'), file).document;
  const orders = generateOrders(20_000);
  let size = 2;
  let count = 0;
  while (count < orders.length && size < sampleMb * 1e6) size += JSON.stringify(orders[count++]).length + 1;
  const sample = orders.slice(0, count);
  const pool = new RunnerPool({ size: 1 });
  const viaPool: number[] = [];
  const inThread: number[] = [];
  try {
    await pool.run({ expression: '1' });
    for (let n = 0; n < EDITS; n++) {
      const next = edited(doc, n);
      viaPool.push(
        await timed(async () => {
          // As the studio's preview builds its job: the expression and, when the document compiles to one, the program.
          const result = await pool.run({ ...mappingJob({ document: next, compiled: compileDocument(next) }), input: sample });
          if (result.error) throw new Error(`${result.error.code} ${result.error.message}`);
          writePayload(result.value as JsonValue, 'jsonl');
        }),
      );
      inThread.push(
        await timed(async () => {
          const value = await jsonata(compileDocument(next).expression).evaluate(sample);
          writePayload(JSON.parse(JSON.stringify(value)) as JsonValue, 'jsonl');
        }),
      );
    }
  } finally {
    await pool.close();
  }
  return { sampleMb: size / 1e6, records: count, editToOutputMs: median(viaPool), inThreadMs: median(inThread), peakRssMb: peakRssMb() };
}

/** Time from abort to RUN_CANCELLED and to the next job's result, against a cold pool start; medians in ms. */
export async function measureCancel(): Promise<Record<string, number>> {
  const coldStarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const pool = new RunnerPool({ size: 1 });
    coldStarts.push(await timed(() => pool.run({ expression: '1' })));
    await pool.close();
  }
  const pool = new RunnerPool({ size: 1 });
  const toCancelled: number[] = [];
  const toReady: number[] = [];
  try {
    await pool.run({ expression: '1' });
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      const running = pool.run({ expression: RUNAWAY_EXPRESSION, limits: { timeoutMs: 60_000 } }, { signal: controller.signal });
      // Long enough that the job is surely evaluating, not still queued.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const start = performance.now();
      controller.abort();
      const result = await running;
      if (result.error?.code !== 'RUN_CANCELLED') throw new Error(`runaway ended with ${result.error?.code ?? 'a value'}, not RUN_CANCELLED`);
      toCancelled.push(performance.now() - start);
      const next = await pool.run({ expression: '1 + 1' });
      if (next.value !== 2) throw new Error('the pool did not answer after a cancel');
      toReady.push(performance.now() - start);
    }
  } finally {
    await pool.close();
  }
  return { cancelledMs: median(toCancelled), readyMs: median(toReady), coldStartMs: median(coldStarts), peakRssMb: peakRssMb() };
}
