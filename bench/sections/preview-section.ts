/**
 * Preview latency: edit-to-output on a 1 MB sample, and the time to cancel a
 * runaway run and have the pool ready again; and the same edit made in the
 * studio in Chromium, timed to the rendered output (bench/preview).
 */
import { hasChromium } from '../../tests/e2e/chromium';
import { runChild } from '../measure/run-child';
import { measureBrowserPreview, type BrowserPreview } from '../preview/preview-browser';
import { notRun, ratio, round, type SectionTable } from '../report/results';
import type { BenchOptions } from './bench-options';

/** Runs the preview section. */
export async function previewSection(options: BenchOptions): Promise<SectionTable> {
  const limits = { timeoutMs: 120_000, heapMb: 2_048 };
  const preview = await runChild({ kind: 'preview', sampleMb: 1 }, limits);
  options.log(`preview: ${preview.ok ? 'ok' : preview.reason}`);
  const cancel = await runChild({ kind: 'cancel' }, limits);
  options.log(`cancel: ${cancel.ok ? 'ok' : cancel.reason}`);
  let browser: BrowserPreview | undefined;
  let browserReason = hasChromium ? '' : 'no /usr/bin/chromium';
  if (hasChromium) {
    try {
      browser = await measureBrowserPreview(options.log);
    } catch (error) {
      browserReason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      options.log(`preview in Chromium: ${browserReason}`);
    }
  }
  const p = preview.ok ? preview.figures : {};
  const c = cancel.ok ? cancel.figures : {};
  const ms = (value: number | undefined, reason: string) => (value === undefined ? notRun(reason) : round(value));
  const previewReason = preview.ok ? '' : preview.reason;
  const cancelReason = cancel.ok ? '' : cancel.reason;
  return {
    id: 'preview',
    title: 'Preview latency',
    note: 'Medians in milliseconds. Edit-to-output: a changed mapping document compiled (its JSONata and its program, as the studio builds its run job), run through a warm one-worker RunnerPool on the sample and written as JSON Lines; baseline: the same compile and write with jsonata evaluated in the calling thread. In Chromium: the studio (production build, web host) on the same order-lines mapping with a sample of about 1 MB, a rule unmapped by Delete in the rules table (then Ctrl+Z), timed in the page from the keydown until the output panel shows the new output and a frame is drawn; this includes the preview\'s 300 ms debounce, the run in the engine host and rendering; baseline: the same edits on a sample of 10 orders. Cancel: a tail-recursive runaway expression aborted through its AbortSignal 300 ms after it started; "ready" is when the next job has answered (the cancelled worker is terminated and replaced); baseline: a cold pool start to a first answer.',
    columns: ['case', 'ms', 'baseline', 'baselineMs', 'ratio'],
    rows: [
      { case: `edit-to-output (${p.sampleMb === undefined ? '1' : round(p.sampleMb)} MB, ${p.records ?? '?'} orders)`, ms: ms(p.editToOutputMs, previewReason), baseline: 'jsonata in-thread', baselineMs: ms(p.inThreadMs, previewReason), ratio: ratio(p.editToOutputMs, p.inThreadMs) },
      ...browserRows(browser, browserReason),
      { case: 'cancel to RUN_CANCELLED', ms: ms(c.cancelledMs, cancelReason), baseline: 'cold pool start', baselineMs: ms(c.coldStartMs, cancelReason), ratio: ratio(c.cancelledMs, c.coldStartMs) },
      { case: 'cancel to pool ready', ms: ms(c.readyMs, cancelReason), baseline: 'cold pool start', baselineMs: ms(c.coldStartMs, cancelReason), ratio: ratio(c.readyMs, c.coldStartMs) },
    ],
  };
}

/** The rows of the measurement in Chromium. */
function browserRows(b: BrowserPreview | undefined, reason: string): SectionTable['rows'] {
  const ms = (value: number | undefined) => (value === undefined ? notRun(reason) : round(value));
  const size = b ? `${round(b.large.sampleBytes / 1e6)} MB, ${b.large.orders} orders` : '1 MB';
  const small = b ? `${b.small.orders} orders` : 'a small sample';
  return [
    { case: `Chromium: edit to rendered output (${size})`, ms: ms(b?.large.editToRenderMs), baseline: `same edit, ${small}`, baselineMs: ms(b?.small.editToRenderMs), ratio: ratio(b?.large.editToRenderMs, b?.small.editToRenderMs) },
    { case: `Chromium: undo to rendered output (${size})`, ms: ms(b?.large.undoToRenderMs), baseline: `same undo, ${small}`, baselineMs: ms(b?.small.undoToRenderMs), ratio: ratio(b?.large.undoToRenderMs, b?.small.undoToRenderMs) },
  ];
}
