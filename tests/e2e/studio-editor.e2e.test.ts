/**
 * The JSONata editor in a real browser: the loopback web host (real backend
 * and engine, the repository's samples) in Debian's Chromium. The user edits
 * a field's expression in Monaco, applies it and sees the mapping change;
 * a broken edit gets a marker and an error notice with line and column.
 * The production build is checked too: Monaco and its worker come from the
 * bundle (no CDN) and run under the production CSP. Console errors fail.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, openPage } from './chromium';
import { outputAsText } from './studio-actions';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');

/** The lastName field of crm-to-erp as compiled, and the same wrapped in $uppercase. */
const LAST_NAME = '$split($trim($text(fullName)), " ")[-1]';
const LAST_NAME_UPPER = `$uppercase(${LAST_NAME})`;

/** The full expression as the panel holds it (Monaco renders only the visible lines). */
async function expressionText(page: Page): Promise<string> {
  return (await page.getByTestId('jsonata').textContent()) ?? '';
}

/**
 * Clicks into the editor's visible area. (Clicking `.view-lines` would aim at
 * its centre, and that element is as wide as the longest line: the browser
 * would scroll the editor sideways to reach it.)
 */
async function focusEditor(page: Page): Promise<void> {
  await page.getByTestId('jsonata-editor').click({ position: { x: 120, y: 20 } });
}

/**
 * Selects `find` in the editor with Monaco's find widget and types
 * `replacement` over it, as a user would; checks the whole text afterwards.
 */
async function replaceInEditor(page: Page, find: string, replacement: string): Promise<string> {
  const before = await expressionText(page);
  expect(before).toContain(find);
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.insertText(find);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.insertText(replacement);
  const after = before.replace(find, replacement);
  await expect.poll(() => expressionText(page)).toBe(after);
  return after;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.skipIf(!hasChromium)(`JSONata editor in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  // Applied edits are unsaved work the studio backs up: keep those backups (and recent files) out of the user's settings.
  let settingsDir: string;
  beforeAll(async () => {
    settingsDir = mkdtempSync(join(tmpdir(), 'mapwright-editor-settings-'));
    mkdirSync(screenshots, { recursive: true });
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir });
  }, 180_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (settingsDir) rmSync(settingsDir, { recursive: true, force: true });
  });

  it('applies an edited field: the mapping reads it back and the output changes', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.locator('[data-testid="jsonata-editor"] .view-lines').waitFor();
    await expect.poll(() => expressionText(page)).toContain(`"lastName": $required(${LAST_NAME}`);
    // Monaco shows the text (its lines use non-breaking spaces) with the JSONata tokens coloured.
    await expect.poll(() => page.locator('[data-testid="jsonata-editor"] .view-lines').textContent()).toContain('$required');

    await replaceInEditor(page, LAST_NAME, LAST_NAME_UPPER);
    await page.getByRole('button', { name: 'Apply' }).click();

    await page.getByTestId('jsonata-custom').waitFor();
    expect(await page.getByTestId('jsonata-custom').textContent()).toContain('Applied');
    await expect.poll(() => expressionText(page)).toContain(LAST_NAME_UPPER.slice(0, '$uppercase('.length));
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Run' }).click();
    const output = await outputAsText(page);
    await output.waitFor();
    await expect.poll(async () => JSON.parse((await output.textContent()) ?? '{}') as Record<string, unknown>).toMatchObject({ lastName: 'BEISPIEL' });

    await screenshot(page, join(screenshots, 'studio-editor-applied.png'), { fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks a broken edit at its line and column and reverts it', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.locator('[data-testid="jsonata-editor"] .view-lines').waitFor();
    // The compiler may wrap an optional field in $omitEmpty: the value inside is what is edited.
    await expect.poll(() => expressionText(page)).toContain('$round($present(annualRevenue), 0)');
    const original = await expressionText(page);
    const broken = await replaceInEditor(page, '$round($present(annualRevenue), 0)', '$round($present(annualRevenue) +* 2, 0)');
    await page.keyboard.press('ControlOrMeta+Enter');

    const notice = page.locator('.jsonata-panel [role="alert"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-error-code')).toBe('COMPILE_PARSE');
    const line = broken.slice(0, broken.indexOf('+*')).split('\n').length;
    expect(await notice.textContent()).toMatch(new RegExp(` ${line}:\\d+:`));
    // Monaco draws the marker as a squiggle on that line.
    await page.locator('[data-testid="jsonata-editor"] .squiggly-error').first().waitFor({ state: 'attached' });

    await screenshot(page, join(screenshots, 'studio-editor-error.png'), { fullPage: true });
    await page.getByRole('button', { name: 'Revert' }).click();
    await expect.poll(() => expressionText(page)).toBe(original);
    expect(await notice.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  describe('from a production build', () => {
    let built: WebHost;
    let outDir: string;
    beforeAll(async () => {
      outDir = mkdtempSync(join(tmpdir(), 'mapwright-editor-build-'));
      await build({ configFile: join(repo, 'vite.renderer.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
      // Its own settings: the backups the edits above left would otherwise be offered here.
      built = await startWebHost({ samplesDir, staticDir: outDir, settingsDir: join(settingsDir, 'built') });
    }, 300_000);
    afterAll(async () => {
      await built?.close();
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    it('bundles Monaco, its worker and its font, and refers to no CDN', () => {
      const files = filesUnder(outDir);
      expect(files.some((f) => /worker.*\.js$/i.test(f))).toBe(true);
      expect(files.some((f) => /codicon.*\.ttf$/.test(f))).toBe(true);
      for (const file of files.filter((f) => /\.(js|css|html)$/.test(f))) {
        expect(readFileSync(file, 'utf8'), file).not.toMatch(/cdn\.|jsdelivr|unpkg|cdnjs/i);
      }
    });

    it('runs Monaco under the production CSP without a console error', async () => {
      const { page, problems } = await openPage(session, built.url);
      await page.locator('[data-testid="jsonata-editor"] .view-lines').waitFor();
      await expect.poll(() => page.locator('[data-testid="jsonata-editor"] .view-lines').textContent()).toContain('$required');
      await screenshot(page, join(screenshots, 'studio-editor-built.png'), { fullPage: true });
      // The codicon font (used by the find widget's icons) loads from the app itself.
      await focusEditor(page);
      await page.keyboard.press('ControlOrMeta+F');
      await page.locator('.find-widget .codicon').first().waitFor();
      await expect.poll(() => page.evaluate(() => document.fonts.check('12px codicon'))).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
