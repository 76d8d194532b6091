/**
 * Live feedback in a real browser (issue 15): the loopback web host (real
 * backend and engine) in Debian's Chromium, on a writable copy of the
 * CRM -> ERP sample. An edit changes the preview without Run; the input
 * picker switches between the sample and the test inputs; clicking an output
 * value shows its rule and the source value it read, marked in the source
 * preview. Console errors fail the test.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, openPage } from './chromium';
import { screenshotBothSchemes } from './screenshots';
import { openByPath } from './studio-actions';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');

/** The text of the output value at `path` in the preview tree. */
/** Runs go through the backend: a busy machine takes a while. */
const RUN = { timeout: 30_000 };

async function outputValue(page: Page, path: string): Promise<string | null> {
  const value = page.getByTestId('output-tree').locator(`[data-path="${path}"]`);
  return (await value.count()) === 0 ? null : value.textContent();
}

describe.skipIf(!hasChromium)(`live preview in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;
  let project: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-live-'));
    cpSync(join(samplesDir, 'crm-to-erp'), join(root, 'work', 'crm'), { recursive: true });
    project = join(root, 'work', 'crm', 'crm-to-erp.mapwright.json');
    cpSync(join(samplesDir, 'invoice-csv-to-xml'), join(root, 'work', 'invoice'), { recursive: true });
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: join(root, 'settings'), readRoots: [join(root, 'work')] });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('re-runs the preview on every edit without Run, marks what changed, and switches inputs with the picker', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    // No Run pressed: the preview maps the first source sample as soon as the project is open.
    await expect.poll(() => outputValue(page, 'status'), RUN).toBe('"ACTIVE"');
    expect(await page.getByRole('combobox', { name: 'Preview input' }).inputValue()).toBe('sample:0');

    // An edit in the rules view: unmap status (Delete). The preview follows, again without Run.
    await page.getByRole('grid', { name: 'Target fields' }).getByRole('row', { name: /^status,/ }).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => outputValue(page, 'status'), RUN).toBeNull();
    await page.keyboard.press('Control+z');
    await expect.poll(() => outputValue(page, 'status'), RUN).toBe('"ACTIVE"');

    // The picker: a test input is masked for display, and shown only once the user confirms.
    await page.getByRole('combobox', { name: 'Preview input' }).selectOption({ label: 'Test: unknown status code becomes PROSPECT' });
    await page.getByTestId('mask-consent').waitFor();
    expect(await page.getByTestId('output-tree').count()).toBe(0);
    await page.getByRole('button', { name: 'Show the masked preview' }).click();
    await expect.poll(() => outputValue(page, 'status'), RUN).toBe('"PROSPECT"');
    await page.getByRole('combobox', { name: 'Preview input' }).selectOption('sample:0');
    await expect.poll(() => outputValue(page, 'status'), RUN).toBe('"ACTIVE"');

    await screenshotBothSchemes(page, 'live-preview');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows where an output value comes from, inside an array too, and marks the source value read', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    await expect.poll(() => outputValue(page, 'contacts[1].value'), RUN).not.toBeNull();
    await page.getByTestId('output-tree').locator('[data-path="contacts[1].value"]').click();
    const lineage = page.getByTestId('lineage');
    await lineage.waitFor();
    expect(await lineage.getByTestId('lineage-context').textContent()).toContain('element 2 of contacts');
    expect(await lineage.getByTestId('lineage-source').first().textContent()).toContain('contacts[1].value');
    // The source preview marks the value read.
    await expect.poll(() => page.getByTestId('source-tree').locator('[data-read]').getAttribute('data-path'), RUN).toBe('contacts[1].value');

    // "Show rule" selects the rule in the rules view.
    await page.getByTestId('output-tree').locator('[data-path="address.city"]').click();
    await lineage.getByRole('button', { name: 'Show rule' }).click();
    await expect.poll(() => page.locator('.rules-row[aria-selected="true"]').getAttribute('data-path'), RUN).toBe('address.city');
    await screenshotBothSchemes(page, 'live-lineage');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows where an XML output value comes from: the element of the repeated line and the CSV row it read', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, join(root, 'work', 'invoice', 'invoice-csv-to-xml.mapwright.json'));
    const id = page.getByTestId('output-tree').locator('[data-path="Invoice.InvoiceLine[1].ID"]');
    await expect.poll(() => id.count(), RUN).toBe(1);
    await id.click();
    const lineage = page.getByTestId('lineage');
    await lineage.waitFor();
    expect(await lineage.locator('code').first().textContent()).toBe('Invoice.InvoiceLine.ID');
    expect(await lineage.getByTestId('lineage-context').textContent()).toContain('element 2 of Invoice.InvoiceLine');
    expect(await lineage.getByTestId('lineage-source').first().textContent()).toBe('[1].LineNo = "2"');
    await expect.poll(() => page.getByTestId('source-tree').locator('[data-read]').getAttribute('data-path'), RUN).toBe('[1].LineNo');
    // An attribute of the document's one total: its rule, with no array in between.
    await page.getByTestId('output-tree').locator('[data-path="Invoice.LegalMonetaryTotal.LineExtensionAmount.`@currencyID`"]').click();
    await expect.poll(() => lineage.locator('code').first().textContent()).toBe('Invoice.LegalMonetaryTotal.LineExtensionAmount.`@currencyID`');
    // Every column the rules read is a known source: no MAP_UNKNOWN_SOURCE for a CSV project.
    await expect.poll(() => page.getByTestId('problem-count').textContent(), RUN).toBe('0 problems');
    expect(problems).toEqual([]);
    await page.close();
  });
});
