/**
 * Preview latency: edit-to-output on a 1 MB sample, and the time to cancel a
 * runaway run and have the pool ready again.
 */
import { runChild } from '../measure/run-child';
import { notRun, ratio, round, type SectionTable } from '../report/results';
import type { BenchOptions } from './bench-options';

/** Runs the preview section. */
export async function previewSection(options: BenchOptions): Promise<SectionTable> {
  const limits = { timeoutMs: 120_000, heapMb: 2_048 };
  const preview = await runChild({ kind: 'preview', sampleMb: 1 }, limits);
  options.log(`preview: ${preview.ok ? 'ok' : preview.reason}`);
  const cancel = await runChild({ kind: 'cancel' }, limits);
  options.log(`cancel: ${cancel.ok ? 'ok' : cancel.reason}`);
  const p = preview.ok ? preview.figures : {};
  const c = cancel.ok ? cancel.figures : {};
  const ms = (value: number | undefined, reason: string) => (value === undefined ? notRun(reason) : round(value));
  const previewReason = preview.ok ? '' : preview.reason;
  const cancelReason = cancel.ok ? '' : cancel.reason;
  return {
    id: 'preview',
    title: 'Preview latency',
    note: 'Medians in milliseconds. Edit-to-output: a changed mapping document compiled, run through a warm one-worker RunnerPool on the sample and written as JSON Lines; baseline: the same compile and write with jsonata evaluated in the calling thread. Cancel: a tail-recursive runaway expression aborted through its AbortSignal 300 ms after it started; "ready" is when the next job has answered (the cancelled worker is terminated and replaced); baseline: a cold pool start to a first answer.',
    columns: ['case', 'ms', 'baseline', 'baselineMs', 'ratio'],
    rows: [
      { case: `edit-to-output (${p.sampleMb === undefined ? '1' : round(p.sampleMb)} MB, ${p.records ?? '?'} orders)`, ms: ms(p.editToOutputMs, previewReason), baseline: 'jsonata in-thread', baselineMs: ms(p.inThreadMs, previewReason), ratio: ratio(p.editToOutputMs, p.inThreadMs) },
      { case: 'cancel to RUN_CANCELLED', ms: ms(c.cancelledMs, cancelReason), baseline: 'cold pool start', baselineMs: ms(c.coldStartMs, cancelReason), ratio: ratio(c.cancelledMs, c.coldStartMs) },
      { case: 'cancel to pool ready', ms: ms(c.readyMs, cancelReason), baseline: 'cold pool start', baselineMs: ms(c.coldStartMs, cancelReason), ratio: ratio(c.readyMs, c.coldStartMs) },
    ],
  };
}
