/**
 * The studio's run loop in a real browser: the loopback web host (real
 * backend, real worker-thread engine, the repository's samples) opened in
 * Debian's Chromium. The user opens the studio on crm-to-erp, reads the
 * generated JSONata, presses Run and sees the output, its validation and the
 * test cases' pass count. Console errors fail the test.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, scratchSettingsDir, openPage } from './chromium';
import { outputAsText } from './studio-actions';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');

describe.skipIf(!hasChromium)(`studio run in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
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

  it('shows the JSONata, runs it on the preview input (the first sample) and shows the output and the tests', async () => {
    const { page, problems } = await openPage(session, host.url);
    const jsonata = page.getByTestId('jsonata');
    await jsonata.waitFor();
    await expect.poll(() => jsonata.textContent()).toContain('"customerNumber": $required(');
    expect(await jsonata.textContent()).toContain('$table_countries');

    const run = page.getByRole('button', { name: 'Run' });
    const cancel = page.getByRole('button', { name: 'Cancel' });
    // The live preview maps the sample as soon as the project is open; once it is done, Cancel has nothing to stop.
    await expect.poll(() => page.getByTestId('run-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await cancel.isDisabled()).toBe(true);
    await run.click();

    const output = await outputAsText(page);
    await output.waitFor();
    const mapped = JSON.parse((await output.textContent()) ?? '') as Record<string, unknown>;
    expect(mapped).toMatchObject({ customerNumber: 'C000731', status: 'ACTIVE', address: { country: 'Germany' } });
    await expect.poll(() => page.getByTestId('run-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await page.getByTestId('validation-state').textContent()).toBe('valid against the target schema');

    const summary = page.getByTestId('test-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe('4 of 4 passed');
    expect(await page.locator('.test-case[data-outcome="passed"]').count()).toBe(4);

    await screenshot(page, join(screenshots, 'studio-run.png'), { fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows the selected sample: another project compiles and runs too', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('jsonata').waitFor();
    await page.getByRole('button', { name: /Shipment|shipment/ }).first().click();
    await expect.poll(() => page.getByTestId('jsonata').textContent()).not.toContain('customerNumber');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('test-summary').waitFor();
    expect(await page.getByTestId('test-summary').textContent()).toMatch(/^(\d+) of \1 passed$/);
    // The tests and the preview run side by side; either may finish first.
    await expect.poll(() => page.getByTestId('run-state').getAttribute('data-state')).toBe('done');
    expect(problems).toEqual([]);
    await page.close();
  });

  describe('with a runaway rule', () => {
    let slowHost: WebHost;
    let root: string;
    beforeAll(async () => {
      // A copy of the samples whose crm-to-erp project has one rule that would run for many seconds on the preview input.
      root = mkdtempSync(join(tmpdir(), 'mapwright-runaway-'));
      cpSync(samplesDir, join(root, 'samples'), { recursive: true });
      const project = join(root, 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');
      const doc = JSON.parse(readFileSync(project, 'utf8')) as { rules: unknown[] };
      const slow = 'accountId = "ACC-000731" ? $reduce([1..100000], function($a, $i) { $a + $count([1..2000]) }, 0) : 0';
      doc.rules.push({ target: 'slow', transforms: [{ kind: 'custom', expression: slow }] });
      writeFileSync(project, JSON.stringify(doc, null, 2));
      slowHost = await startWebHost({ samplesDir: join(root, 'samples'), settingsDir: scratchSettingsDir() });
    }, 120_000);
    afterAll(async () => {
      await slowHost?.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('lets the user cancel a run that does not end', async () => {
      const { page, problems } = await openPage(session, slowHost.url);
      await page.getByTestId('jsonata').waitFor();
      await page.getByRole('button', { name: 'Run' }).click();
      const state = page.getByTestId('run-state');
      await expect.poll(() => state.getAttribute('data-state')).toBe('running');
      await expect.poll(() => state.textContent()).toContain('running');
      const cancel = page.getByRole('button', { name: 'Cancel' });
      expect(await cancel.isDisabled()).toBe(false);
      await cancel.click();
      await expect.poll(() => state.getAttribute('data-state')).toBe('cancelled');
      await page.getByTestId('run-cancelled').waitFor();
      expect(await page.getByTestId('run-output').count()).toBe(0);
      await screenshot(page, join(screenshots, 'studio-run-cancelled.png'), { fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });
  });
});
