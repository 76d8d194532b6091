/**
 * The live preview measured in Debian's Chromium against the web host with
 * a production build of the renderer (as a user runs it): from a document
 * edit in the renderer (Delete on a rule in the rules table, then Ctrl+Z)
 * to the preview panel showing the new output, on the order-lines project
 * with a sample of about 1 MB and, as the same run's baseline, of 10 orders.
 * Timed in the page: from the keydown (a capturing listener) until the
 * output panel's text has changed and a frame has been drawn. That time
 * includes the preview's debounce (PREVIEW_DELAY_MS), the run in the engine
 * host, the masked output slice sent back and React rendering it. The page
 * scripts are strings: tsx's transform would wrap named functions in a
 * helper the page does not have.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { startWebHost } from '../../electron/web/web-host';
import { launchChromium, scratchSettingsDir, type ChromiumSession } from '../../tests/e2e/chromium';
import { median } from '../measure/timing';
import { generateOrders } from '../workloads/order-lines';
import { MAPPINGS_DIR } from '../workloads/workloads';

/** One sample's figures (medians over the edits, in ms). */
export interface BrowserPreviewFigures {
  sampleBytes: number;
  orders: number;
  editToRenderMs: number;
  undoToRenderMs: number;
}

/** What the section shows: the 1 MB sample and the small one it is set against. */
export interface BrowserPreview {
  large: BrowserPreviewFigures;
  small: BrowserPreviewFigures;
}

/** Each of Delete and Ctrl+Z this many times per sample. */
const EDITS = 7;
/** The rule the edit unmaps and the undo brings back: a field of every output order. */
const EDITED_RULE = 'currency';
const repo = join(import.meta.dirname, '..', '..');

/** Writes the order-lines project with a JSON Lines sample of about `bytes` bytes (at least 10 orders). */
function writeProject(folder: string, bytes: number): { file: string; sampleBytes: number; orders: number } {
  mkdirSync(folder, { recursive: true });
  const doc = JSON.parse(readFileSync(join(MAPPINGS_DIR, 'order-lines-jsonl.mapwright.json'), 'utf8')) as { name: string; source: { samples: string[] } };
  const orders = generateOrders(20_000);
  const lines: string[] = [];
  let size = 0;
  for (const order of orders) {
    if (lines.length >= 10 && size >= bytes) break;
    const line = JSON.stringify(order);
    lines.push(line);
    size += line.length + 1;
  }
  writeFileSync(join(folder, 'sample.jsonl'), `${lines.join('\n')}\n`);
  const file = join(folder, 'orders.mapwright.json');
  writeFileSync(file, JSON.stringify({ ...doc, name: `Order lines (${lines.length} orders)`, source: { ...doc.source, samples: ['sample.jsonl'] } }, null, 2));
  return { file, sampleBytes: size, orders: lines.length };
}

/** Installs the keydown clock and returns the output panel's text (what a change is seen against). */
async function armClock(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    if (!window.__clockArmed) {
      window.addEventListener('keydown', () => { window.__editAt = performance.now(); }, { capture: true });
      window.__clockArmed = true;
    }
    window.__editAt = undefined;
    return document.querySelector('.run-output')?.textContent ?? '';
  })()`);
}

/** Waits in the page until the output text differs from `before` and a frame is drawn; ms since the keydown. */
async function untilRendered(page: Page, before: string): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const before = ${JSON.stringify(before)};
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const start = performance.now();
    const output = () => document.querySelector('[data-testid=output-tree], [data-testid=run-output]')?.closest('.run-output')?.textContent ?? '';
    while (window.__editAt === undefined || output() === before) {
      if (performance.now() - start > 120000) throw new Error('the preview did not change within 2 minutes');
      await frame();
    }
    await frame();
    return performance.now() - window.__editAt;
  })()`);
}

/** The output panel's text once no run is pending (the first run after opening). */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid=output-tree], [data-testid=run-output]').first().waitFor({ timeout: 120_000 });
}

/** One edit by key on the selected rule: the time until its output shows. */
async function timedKey(page: Page, key: string): Promise<number> {
  const before = await armClock(page);
  const waiting = untilRendered(page, before);
  await page.keyboard.press(key);
  return waiting;
}

async function measureProject(session: ChromiumSession, url: string, project: { file: string; sampleBytes: number; orders: number }, log: (message: string) => void): Promise<BrowserPreviewFigures> {
  // A page of its own: leaving the previous one would ask about its unsaved history.
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1600, height: 1000 });
  try {
    return await measureOpen(page, url, project, log);
  } finally {
    await page.close();
  }
}

async function measureOpen(page: Page, url: string, project: { file: string; sampleBytes: number; orders: number }, log: (message: string) => void): Promise<BrowserPreviewFigures> {
  await page.goto(url);
  await page.getByTestId('jsonata').waitFor({ timeout: 120_000 });
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await dialog.getByLabel('Project file (absolute path)').fill(project.file);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await page.waitForFunction((file) => document.querySelector('[data-testid=project-name]')?.getAttribute('title') === file, project.file, { timeout: 120_000 });
  await settled(page);
  const edits: number[] = [];
  const undos: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    await page.getByRole('grid', { name: 'Target fields' }).locator(`[data-path="${EDITED_RULE}"]`).click();
    edits.push(await timedKey(page, 'Delete'));
    undos.push(await timedKey(page, 'Control+z'));
  }
  log(`preview in Chromium: ${project.orders} orders, edit ${Math.round(median(edits))} ms, undo ${Math.round(median(undos))} ms`);
  return { sampleBytes: project.sampleBytes, orders: project.orders, editToRenderMs: median(edits), undoToRenderMs: median(undos) };
}

/** Measures edit-to-rendered-output on the 1 MB sample and on the 10-order one. */
export async function measureBrowserPreview(log: (message: string) => void): Promise<BrowserPreview> {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-bench-preview-'));
  const large = writeProject(join(dir, 'large'), 1_000_000);
  const small = writeProject(join(dir, 'small'), 0);
  const built = join(dir, 'renderer');
  log('preview in Chromium: building the renderer (production)');
  await build({ configFile: join(repo, 'vite.renderer.config.ts'), logLevel: 'error', build: { outDir: built, emptyOutDir: true } });
  const host = await startWebHost({ samplesDir: join(repo, 'samples'), settingsDir: scratchSettingsDir(), staticDir: built, readRoots: [dir] });
  const session = await launchChromium();
  try {
    // The small one first: the engine host and the browser warm up on it, so the 1 MB figure is not a cold start.
    const smallFigures = await measureProject(session, host.url, small, log);
    const largeFigures = await measureProject(session, host.url, large, log);
    return { large: largeFigures, small: smallFigures };
  } finally {
    await session.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
