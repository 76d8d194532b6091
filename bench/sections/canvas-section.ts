/**
 * The canvas section: the studio's canvas in Chromium on a generated project
 * of 2,000+ fields a side and 500 links (bench/size's generator). Each figure is
 * set against its budget from the canvas design: under 1 s to the first
 * interaction, under 4 ms of script per frame (also shown against the
 * 16.7 ms a 60 Hz frame has), under 3,000 DOM elements in the canvas.
 */
import { hasChromium } from '../../tests/e2e/chromium';
import { measureCanvas } from '../canvas/canvas-measure';
import { notRun, ratio, round, type SectionTable } from '../report/results';
import type { BenchOptions } from './bench-options';

const FRAME_MS = 1000 / 60;

/** Runs the canvas section. */
export async function canvasSection(options: BenchOptions): Promise<SectionTable> {
  const table = (rows: SectionTable['rows'], size = ''): SectionTable => ({
    id: 'canvas',
    title: `Canvas in Chromium${size}`,
    note: 'The web studio (a production build of the renderer) in headless Debian Chromium on the generated 500-rule project of the size section (bench/size: JSON Schema source and target of about 2,500 fields each, four array contexts, most rules through a type coercion), every top-level group opened for the frame figures. First interaction: from the click on Canvas until both trees list fields, the links are drawn and a click on a field has selected it (timed in the page); cold is the first time (the backend reads and loads both schemas), then best of 3 with the schemas loaded. Scrolling: best of 3. Script per frame: Chrome\'s ScriptDuration (Performance.getMetrics) over the animation frames counted while the opened source tree scrolls a step each frame, and while a link is dragged from a source field across the opened target tree. Ratios are against the budget (1 s, 4 ms, 3,000 elements) and, for frames, against a 60 Hz frame (16.7 ms).',
    columns: ['case', 'measured', 'unit', 'budget', 'ratio to budget', 'ratio to 60 Hz frame'],
    rows,
  });
  if (!hasChromium) return table([{ case: 'canvas', measured: notRun('no /usr/bin/chromium'), unit: null, budget: null, 'ratio to budget': null, 'ratio to 60 Hz frame': null }]);
  try {
    const f = await measureCanvas(options.log);
    const frame = (name: string, ms: number, frames: number) => ({ case: `${name} (${frames} frames)`, measured: round(ms), unit: 'ms script / frame', budget: 4, 'ratio to budget': ratio(ms, 4), 'ratio to 60 Hz frame': ratio(ms, FRAME_MS) });
    return table(
      [
        { case: 'open canvas to first interaction (cold)', measured: round(f.firstInteractionMs), unit: 'ms', budget: 1000, 'ratio to budget': ratio(f.firstInteractionMs, 1000), 'ratio to 60 Hz frame': null },
        { case: 'open canvas to first interaction (schemas loaded, best of 3)', measured: round(f.warmInteractionMs), unit: 'ms', budget: 1000, 'ratio to budget': ratio(f.warmInteractionMs, 1000), 'ratio to 60 Hz frame': null },
        frame(`scrolling the source tree (${f.visibleRows} rows open)`, f.scrollScriptMsPerFrame, f.scrollFrames),
        frame('dragging a link', f.dragScriptMsPerFrame, f.dragFrames),
        { case: `DOM elements in the canvas (${f.rowsInDom} rows mounted)`, measured: f.canvasElements, unit: 'elements', budget: 3000, 'ratio to budget': ratio(f.canvasElements, 3000), 'ratio to 60 Hz frame': null },
        { case: 'DOM elements in the whole page', measured: f.pageElements, unit: 'elements', budget: null, 'ratio to budget': null, 'ratio to 60 Hz frame': null },
      ],
      ` (${f.sourceFields} + ${f.targetFields} fields, ${f.links} links)`,
    );
  } catch (error) {
    return table([{ case: 'canvas', measured: notRun(error instanceof Error ? error.message.split('\n')[0]! : String(error)), unit: null, budget: null, 'ratio to budget': null, 'ratio to 60 Hz frame': null }]);
  }
}
