/**
 * The Export dialog in a real browser: the loopback web host (real backend,
 * real worker-thread engine, the repository's samples) opened in Debian's
 * Chromium. The user opens the studio on crm-to-erp, presses "Export…",
 * picks Markdown, then the Excel workbook, and keeps the downloads; the test
 * reads what was downloaded. Console errors fail the test.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, scratchSettingsDir, openPage } from './chromium';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');

/** The bytes of a finished download. */
async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

describe.skipIf(!hasChromium)(`studio export in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  beforeAll(async () => {
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir() });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
  });

  it('exports the Markdown spec and the XLSX workbook of crm-to-erp as downloads', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('jsonata').waitFor();
    await expect.poll(() => page.getByTestId('jsonata').textContent()).toContain('customerNumber');

    const exportButton = page.getByRole('button', { name: 'Export…' });
    await exportButton.click();
    const dialog = page.getByRole('dialog', { name: 'Export mapping' });
    await dialog.waitFor();
    // The chosen format has the focus; every format carries its line of explanation.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('xlsx');
    expect(await dialog.getByRole('radio').count()).toBe(6);
    expect(await dialog.getByRole('checkbox', { name: 'Run test cases and include results' }).isChecked()).toBe(true);
    await screenshot(page, join(screenshots, 'studio-export-dialog.png'));

    await dialog.getByRole('radio', { name: /Markdown/ }).check();
    const [markdown] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(markdown.suggestedFilename()).toBe('crm-to-erp-spec.md');
    const md = (await downloaded(markdown)).toString('utf8');
    expect(md).toContain('customerNumber');
    // The test cases ran, as the checkbox asked.
    expect(md).toMatch(/\| complete account \|.*\*\*passed\*\*/);
    await dialog.waitFor({ state: 'detached' });

    await exportButton.click();
    await dialog.waitFor();
    const [workbookDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(workbookDownload.suggestedFilename()).toBe('crm-to-erp-spec.xlsx');
    const bytes = await downloaded(workbookDownload);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const fields = workbook.getWorksheet('Fields');
    expect(fields).toBeDefined();
    const texts: string[] = [];
    fields!.eachRow((row) => row.eachCell((cell) => texts.push(cell.text)));
    expect(texts).toContain('customerNumber');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('is a keyboard-complete modal: Tab stays inside, Escape closes and gives the focus back', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('jsonata').waitFor();
    const exportButton = page.getByRole('button', { name: 'Export…' });
    await exportButton.click();
    const dialog = page.getByRole('dialog', { name: 'Export mapping' });
    await dialog.waitFor();

    // Every Tab and Shift+Tab leaves the focus inside the dialog.
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    }
    // The expression has no test results, so the checkbox is off and disabled.
    await dialog.getByRole('radio', { name: /JSONata expression/ }).check();
    expect(await dialog.getByRole('checkbox').isDisabled()).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export…');
    expect(problems).toEqual([]);
    await page.close();
  });
});
