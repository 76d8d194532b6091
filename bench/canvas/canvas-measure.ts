/**
 * The canvas measured in Debian's Chromium against the web host (as the
 * e2e tests run it), on the size benchmark's generated 500-rule project:
 * time from switching the Mapping panel to Canvas until a click on a field
 * has selected it; main-thread script time per frame (Chrome's own
 * Performance.getMetrics ScriptDuration over the frames counted by
 * requestAnimationFrame) while a tree scrolls and while a link is dragged;
 * and the number of DOM elements. The renderer is a production build (as
 * the packaged app serves it; Vite's dev server runs React's development
 * build, several times slower). The page scripts are strings: tsx's
 * transform would wrap named functions in a helper the page does not have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { startWebHost } from '../../electron/web/web-host';
import { launchChromium, scratchSettingsDir } from '../../tests/e2e/chromium';
import { generateSizeProject, writeSizeProject } from '../size/size-project';

/** What one run measured. */
export interface CanvasFigures {
  sourceFields: number;
  targetFields: number;
  links: number;
  firstInteractionMs: number;
  warmInteractionMs: number;
  scrollScriptMsPerFrame: number;
  scrollFrames: number;
  dragScriptMsPerFrame: number;
  dragFrames: number;
  canvasElements: number;
  pageElements: number;
  rowsInDom: number;
  visibleRows: number;
}

/** Rules (links) of the measured project. */
const LINKS = 500;

/** Frames each gesture lasts. */
const FRAMES = 180;

const SOURCE_TREE = '[role=tree][aria-label="Source fields"]';
const TARGET_TREE = '[role=tree][aria-label="Target fields"]';

/** Main-thread script time so far, in ms. */
async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/** Starts counting animation frames in the page (window.__frames). */
async function countFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => {
      if (!window.__counting) return;
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

async function stopFrames(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    window.__counting = false;
    return window.__frames;
  })()`);
}

/**
 * Clicks Canvas and times, in the page, until both trees list fields, the
 * links are drawn and a click on a field has selected it.
 */
async function canvasToInteraction(page: Page): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const until = async (test, what) => {
      const start = performance.now();
      while (!test()) {
        if (performance.now() - start > 60000) throw new Error('timed out waiting for ' + what);
        await frame();
      }
    };
    const button = [...document.querySelectorAll('[aria-label="Mapping view"] button')].find((b) => b.textContent === 'Canvas');
    const started = performance.now();
    button.click();
    await until(() => document.querySelector('${SOURCE_TREE} [role=treeitem]') && document.querySelector('${TARGET_TREE} [role=treeitem]') && document.querySelector('.canvas-link'), 'the canvas');
    const row = document.querySelector('${SOURCE_TREE} [role=treeitem]');
    row.click();
    await until(() => row.getAttribute('aria-selected') === 'true', 'the selection');
    await frame();
    return performance.now() - started;
  })()`);
}

/**
 * Opens every top-level field of a tree by keyboard, from the bottom up (End,
 * then ArrowRight and ArrowUp: the row above a top-level field is the
 * previous one while those above it are still closed).
 */
async function openTopLevel(page: Page, tree: string): Promise<void> {
  await page.locator(tree).focus();
  await page.keyboard.press('End');
  const top = await page.locator(`${tree} [role=treeitem][aria-level="1"]`).first().getAttribute('aria-setsize');
  for (let i = 0; i < Number(top); i++) {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
  }
  await page.keyboard.press('Home');
}

const repo = join(import.meta.dirname, '..', '..');

/** Measures the canvas on the budget project. */
export async function measureCanvas(log: (message: string) => void): Promise<CanvasFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-bench-canvas-'));
  // The size benchmark's generated project (bench/size) with 500 rules: about 2,500 fields a side, four array contexts.
  const project = await writeSizeProject(join(dir, 'project'), LINKS);
  const generated = generateSizeProject(LINKS);
  const built = join(dir, 'renderer');
  log('canvas: building the renderer (production)');
  await build({ configFile: join(repo, 'vite.renderer.config.ts'), logLevel: 'error', build: { outDir: built, emptyOutDir: true } });
  const host = await startWebHost({ samplesDir: join(repo, 'samples'), settingsDir: scratchSettingsDir(), startProject: project, staticDir: built });
  const session = await launchChromium();
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.goto(host.url);
    await page.waitForFunction((file) => document.querySelector('[data-testid=project-name]')?.getAttribute('title') === file, project, { timeout: 120_000 });
    await page.getByTestId('jsonata').waitFor();
    log('canvas: project open');

    // Canvas to first interaction: cold (the backend loads both schemas), then warm (it keeps them), best of 3.
    const firstInteractionMs = await canvasToInteraction(page);
    log(`canvas: first interaction ${Math.round(firstInteractionMs)} ms (cold)`);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Rules' }).click();
      await page.locator(SOURCE_TREE).waitFor({ state: 'detached' });
      warm.push(await canvasToInteraction(page));
    }
    const warmInteractionMs = Math.min(...warm);
    log(`canvas: first interaction ${Math.round(warmInteractionMs)} ms (warm)`);

    await openTopLevel(page, SOURCE_TREE);
    await openTopLevel(page, TARGET_TREE);
    const visibleRows = await page.locator(SOURCE_TREE).evaluate((el) => Math.round(el.scrollHeight / 28));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    // Scrolling the source tree from its top, a step each frame; best of 3 (the machine may be busy).
    const scrolls: Array<{ ms: number; frames: number }> = [];
    for (let i = 0; i < 3; i++) {
      await page.locator(SOURCE_TREE).evaluate((el) => {
        el.scrollTop = 0;
      });
      const before = await scriptMs(cdp);
      await countFrames(page);
      await page.evaluate(`(async () => {
        const el = document.querySelector('${SOURCE_TREE}');
        for (let i = 0; i < ${FRAMES}; i++) {
          el.scrollTop += 45;
          await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        }
      })()`);
      const frames = await stopFrames(page);
      scrolls.push({ ms: ((await scriptMs(cdp)) - before) / frames, frames });
    }
    const { ms: scrollScriptMsPerFrame, frames: scrollFrames } = scrolls.sort((x, y) => x.ms - y.ms)[0]!;
    log(`canvas: scrolling ${scrollScriptMsPerFrame.toFixed(2)} ms script per frame over ${scrollFrames} frames`);
    const rowsInDom = await page.locator(`${SOURCE_TREE} [role=treeitem]`).count();

    // Dragging a link from a source field across the target tree.
    const over = (await page.locator(TARGET_TREE).boundingBox())!;
    const box = (await page.locator(SOURCE_TREE).boundingBox())!;
    // A field row well inside the tree's viewport (the overscan rows above and below are out of sight).
    const rows = await page.locator(`${SOURCE_TREE} [role=treeitem][aria-level="2"]`).all();
    let from = (await rows[0]!.boundingBox())!;
    for (const row of rows) {
      const at = (await row.boundingBox())!;
      from = at;
      if (at.y > box.y + box.height / 3) break;
    }
    await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 3 + 12, from.y + from.height / 2 + 4, { steps: 3 });
    // The drag has begun: its line follows the pointer.
    await page.locator('.canvas-link-ghost').waitFor({ timeout: 10_000 });
    const before = await scriptMs(cdp);
    await countFrames(page);
    for (let i = 0; i < FRAMES; i++) {
      const t = i / FRAMES;
      // Chrome delivers pointer moves aligned to frames; the page counts the frames they span.
      await page.mouse.move(from.x + (over.x + over.width / 3 - from.x) * Math.min(1, t * 3), over.y + 20 + (over.height - 40) * t);
    }
    const dragFrames = await stopFrames(page);
    const dragScriptMsPerFrame = ((await scriptMs(cdp)) - before) / dragFrames;
    await page.keyboard.press('Escape');
    await page.mouse.up();
    log(`canvas: dragging ${dragScriptMsPerFrame.toFixed(2)} ms script per frame over ${dragFrames} frames`);

    const counts = await page.evaluate(() => ({ canvas: document.querySelector('[data-testid=canvas]')!.querySelectorAll('*').length, page: document.querySelectorAll('*').length }));
    return {
      sourceFields: generated.sourceFields,
      targetFields: generated.targetFields,
      links: LINKS,
      firstInteractionMs,
      warmInteractionMs,
      scrollScriptMsPerFrame,
      scrollFrames,
      dragScriptMsPerFrame,
      dragFrames,
      canvasElements: counts.canvas,
      pageElements: counts.page,
      rowsInDom,
      visibleRows,
    };
  } finally {
    await session.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
