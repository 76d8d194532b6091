/**
 * The studio in a real browser: the loopback web host (real backend, real
 * samples) opened in Debian's Chromium. A user clicks a sample and sees its
 * source. Console errors fail the test, so a CSP violation cannot slip by.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, scratchSettingsDir, openPage } from './chromium';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');
const sample = JSON.parse(readFileSync(join(samplesDir, 'crm-to-erp', 'sample.json'), 'utf8')) as { name: string; source: string };
const firstAccount = `"${(JSON.parse(readFileSync(join(samplesDir, 'crm-to-erp', sample.source), 'utf8')) as { accountId: string }).accountId}"`;

/** The user journey: the sample list appears, a click shows the source preview. */
async function pickSampleAndReadPreview(page: Page): Promise<string> {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mapwright');
  const button = page.getByRole('button', { name: new RegExp(sample.name) });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  // The source panel shows the preview input: the sample's own (already masked) source record.
  const preview = page.getByTestId('source-input');
  await expect.poll(() => preview.textContent()).toContain('accountId');
  return (await preview.textContent()) ?? '';
}

describe.skipIf(!hasChromium)(`studio web host in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  describe('served through Vite (npm run web)', () => {
    let host: WebHost;
    beforeAll(async () => {
      host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir() });
    }, 60_000);
    afterAll(async () => {
      await host?.close();
    });

    it('opens on the default sample, without a click', async () => {
      const { page, problems } = await openPage(session, host.url);
      const preview = page.getByTestId('source-input');
      await expect.poll(() => preview.textContent()).toContain('"ACC-000731"');
      expect(await page.getByRole('button', { name: /CRM account to ERP customer/ }).getAttribute('aria-pressed')).toBe('true');
      expect(problems).toEqual([]);
      await page.close();
    });

    it('lists the samples and shows the clicked sample source from the backend', async () => {
      const { page, problems } = await openPage(session, host.url);
      expect(await pickSampleAndReadPreview(page)).toContain(firstAccount);
      await expect.poll(() => page.locator('.app-info').textContent()).toMatch(/engine \d+\.\d+\.\d+/);
      // The token left the address bar but stayed in the tab: a reload still works.
      expect(new URL(page.url()).hash).toBe('');
      await screenshot(page, join(screenshots, 'studio-web.png'), { fullPage: true });
      await page.reload();
      expect(await pickSampleAndReadPreview(page)).toContain(firstAccount);
      expect(problems).toEqual([]);
      await page.close();
    });

    it('shows a coded error, not data, when opened without the token', async () => {
      const { page } = await openPage(session, new URL(host.url).origin + '/');
      const notice = page.getByRole('alert');
      await notice.waitFor();
      expect(await notice.getAttribute('data-error-code')).toBe('ACCESS_DENIED');
      expect(await page.getByRole('button').count()).toBe(0);
      await page.close();
    });
  });

  describe('served from a production build (strict CSP, no dev server)', () => {
    let host: WebHost;
    let outDir: string;
    beforeAll(async () => {
      outDir = mkdtempSync(join(tmpdir(), 'mapwright-renderer-'));
      await build({ configFile: join(repo, 'vite.renderer.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
      host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir(), staticDir: outDir });
    });
    afterAll(async () => {
      await host?.close();
      rmSync(outDir, { recursive: true, force: true });
    });

    it('runs the built bundle under the production CSP without violations', async () => {
      const { page, problems } = await openPage(session, host.url);
      expect(await pickSampleAndReadPreview(page)).toContain(firstAccount);
      await screenshot(page, join(screenshots, 'studio-web-built.png'), { fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
