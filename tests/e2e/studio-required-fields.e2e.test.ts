/**
 * A consultant starts a project from a JSON sample and the target's JSON
 * Schema, then maps on the canvas and with "Suggest mappings": a link to a
 * field the target schema requires starts as "Error when empty" (an
 * optional field as "Leave out when empty"), and the required fields still
 * unmapped are counted alike in the rules summary, the status bar and the
 * Problems panel, each listed there once (not again as the empty output's
 * MAP_REQUIRED_MISSING violation).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { crmPicksFolder } from './crm-picks';
import { dragOnto, treeRow } from './canvas-actions';
import { screenshotBothSchemes } from './screenshots';
import { createCrmProject, outputAsText } from './studio-actions';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');
/** Polls wait for states; a busy machine may take a while to reach them. */
const WAIT = { timeout: 30_000 };

/** The three places that count required fields nothing maps, as numbers (undefined where none is shown). */
async function requiredCounts(page: Page): Promise<{ summary?: number; statusBar?: number; problems: number; violations: number }> {
  const number = (text: string | null) => {
    const found = /(\d+) required unmapped/.exec(text ?? '');
    return found ? Number(found[1]) : undefined;
  };
  const list = page.getByRole('list', { name: 'Problems' });
  return {
    summary: number(await page.locator('.rules-summary').textContent()),
    statusBar: number(await page.getByTestId('coverage').textContent()),
    problems: await list.locator('[data-code="MAP_REQUIRED_UNMAPPED"]').count(),
    violations: await list.locator('[data-code="MAP_REQUIRED_MISSING"]').count(),
  };
}

describe.skipIf(!hasChromium)(`required target fields in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;

  beforeAll(async () => {
    root = crmPicksFolder('mapwright-required-');
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir(), readRoots: [join(root, 'picks')] });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('starts links to required fields as errors when empty and counts unmapped required fields once, alike everywhere', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await createCrmProject(page, 'Required', join(root, 'picks'), join(root, 'work'), join(root, 'work', 'required.mapwright.json'));
    const output = await outputAsText(page);
    await page.getByTestId('problem-count').click();

    // No rules: the empty output misses customerNumber, firstName, lastName, status, customerSince and address.
    // Required: those five and address (one entry for the group); the contacts list is optional, its items' fields are not counted.
    await expect.poll(async () => (await output.textContent())?.trim(), WAIT).toBe('{}');
    await expect.poll(() => requiredCounts(page), WAIT).toEqual({ summary: 6, statusBar: 6, problems: 6, violations: 0 });
    await expect.poll(() => page.getByTestId('problem-count').textContent(), WAIT).toBe('6 problems');

    // Canvas: a required field and an optional one.
    await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Canvas' }).click();
    const source = page.getByRole('tree', { name: 'Source fields' });
    const target = page.getByRole('tree', { name: 'Target fields' });
    await dragOnto(page, treeRow(source, 'accountId'), treeRow(target, 'customerNumber'));
    await expect.poll(() => output.textContent(), WAIT).toContain('"customerNumber"');
    await dragOnto(page, treeRow(source, 'annualRevenue'), treeRow(target, 'revenue'));
    await expect.poll(() => output.textContent(), WAIT).toContain('"revenue"');

    await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Rules' }).click();
    const grid = page.getByRole('grid', { name: 'Target fields' });
    const policy = (path: string) => grid.getByRole('row', { name: `${path}, mapped`, exact: true }).locator('.rules-policy').textContent();
    await expect.poll(() => policy('customerNumber'), WAIT).toBe('error');
    expect(await policy('revenue')).toBe('omit');
    await expect.poll(() => requiredCounts(page), WAIT).toEqual({ summary: 5, statusBar: 5, problems: 5, violations: 0 });

    // The editor says the same.
    await grid.getByRole('row', { name: 'customerNumber, mapped', exact: true }).dblclick();
    const editor = page.getByRole('region', { name: 'Rule for customerNumber' });
    await expect.poll(() => editor.getByRole('combobox', { name: 'Required policy' }).inputValue(), WAIT).toBe('error');
    await editor.getByRole('button', { name: '← Rules' }).click();
    await grid.waitFor(WAIT);

    // Suggest mappings: the required address fields come as errors when empty; so do the required fields of a
    // contacts item (the list is optional, but an item the input has must have them).
    await page.getByRole('button', { name: 'Suggest mappings' }).click();
    const panel = page.getByRole('region', { name: 'Suggested mappings' });
    await panel.getByRole('button', { name: 'Accept group address' }).click();
    await expect.poll(() => policy('address.city'), WAIT).toBe('error');
    await panel.getByRole('button', { name: 'Accept group contacts' }).click();
    await expect.poll(() => policy('contacts.value'), WAIT).toBe('error');
    // Left: firstName, lastName, status, customerSince.
    await expect.poll(() => requiredCounts(page), WAIT).toEqual({ summary: 4, statusBar: 4, problems: 4, violations: 0 });
    await screenshotBothSchemes(page, 'required-fields');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
