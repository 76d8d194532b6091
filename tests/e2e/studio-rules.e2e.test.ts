/**
 * The rules view in a real browser: the loopback web host (real backend,
 * the repository's samples) in Debian's Chromium. On the bundled CRM -> ERP
 * sample the user unmaps a field with Delete, maps it again by picking a
 * source with the keyboard, replaces a date transform from the palette with
 * its parameters, undoes and redoes back to the saved state (the title's
 * dirty marker follows), and adds a lookup table and an array context. The
 * JSONata view follows every edit without a round trip. Console errors fail.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { DIRTY_MARKER } from '../../renderer/src/project/window-title';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, openPage } from './chromium';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');

const CITY = '"city": $required(billing.city, "address.city", $record)';
const DATE_FROM = '$toMillis($s, "[D01].[M01].[Y0001]")';

/** The whole expression as the panel holds it (Monaco renders only the visible lines). */
async function expression(page: Page): Promise<string> {
  return (await page.getByTestId('jsonata').textContent()) ?? '';
}

/** Selects a row of the rules table by typing its name, as a user does once the table has the focus. */
async function typeToRow(page: Page, name: string, path: string): Promise<void> {
  await page.keyboard.type(name);
  await expect.poll(() => page.locator('.rules-row[aria-selected="true"]').getAttribute('data-path')).toBe(path);
}

const dirty = async (page: Page) => (await page.title()).startsWith(DIRTY_MARKER);

describe.skipIf(!hasChromium)(`rules view in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let settingsDir: string;
  beforeAll(async () => {
    settingsDir = mkdtempSync(join(tmpdir(), 'mapwright-rules-settings-'));
    mkdirSync(screenshots, { recursive: true });
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir });
  }, 180_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (settingsDir) rmSync(settingsDir, { recursive: true, force: true });
  });

  it('unmaps, maps by keyboard, replaces a date transform from the palette, then undoes and redoes', async () => {
    const { page, problems } = await openPage(session, host.url);
    const grid = page.getByRole('grid', { name: 'Target fields' });
    await grid.getByRole('row', { name: /^customerNumber/ }).waitFor();
    await expect.poll(() => expression(page)).toContain(CITY);
    const original = await expression(page);
    expect(await dirty(page)).toBe(false);

    // Delete unmaps the row found by type-ahead; the expression drops the field at once.
    await grid.getByRole('row', { name: /^customerNumber/ }).click();
    await typeToRow(page, 'city', 'address.city');
    await page.keyboard.press('Delete');
    await expect.poll(() => expression(page)).not.toContain('billing.city');
    expect(await grid.getByRole('row', { name: 'address.city, unmapped' }).count()).toBe(1);
    expect(await dirty(page)).toBe(true);

    // Enter opens the row; the source box has the focus; arrows and Enter pick a completion.
    await page.keyboard.press('Enter');
    const editor = page.getByRole('region', { name: 'Rule for address.city' });
    await editor.getByRole('combobox', { name: 'Source field' }).waitFor();
    await page.keyboard.type('billing.c');
    const options = editor.getByRole('listbox', { name: 'Source field suggestions' });
    await expect.poll(async () => (await options.getByRole('option').allTextContents()).map((t) => t.replace(/string$/, ''))).toEqual(['billing.city', 'billing.countryCode']);
    await page.keyboard.press('Enter');
    await expect.poll(() => expression(page)).toContain('"city": billing.city');
    await editor.getByRole('button', { name: '← Rules' }).click();

    // The date transform of customerSince, removed and added again from the palette with its parameters.
    await typeToRow(page, 'customerS', 'customerSince');
    await page.keyboard.press('Enter');
    const since = page.getByRole('region', { name: 'Rule for customerSince' });
    await since.getByRole('button', { name: /^Remove Date/ }).click();
    await expect.poll(() => expression(page)).not.toContain('$toMillis');
    await since.getByRole('button', { name: '+ Add transform' }).click();
    await page.keyboard.type('date');
    await page.keyboard.press('Enter');
    const form = since.getByRole('form', { name: 'Date parameters' });
    await form.getByLabel('Read as').fill('dd.MM.yyyy');
    // A pattern the engine cannot read is named beside its field, and nothing is added.
    await form.getByLabel('Write as').fill('yyyy-qq');
    await form.getByRole('alert').waitFor();
    await form.getByRole('button', { name: 'Add' }).click();
    expect(await expression(page)).not.toContain('$toMillis');
    await form.getByLabel('Write as').fill('yyyy-MM-dd');
    await expect.poll(() => form.getByRole('alert').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => expression(page)).toContain(DATE_FROM);
    expect(await expression(page)).toBe(original.replace(CITY, '"city": billing.city'));
    await page.screenshot({ path: join(screenshots, 'studio-rules-editor.png') });
    await since.getByRole('button', { name: '← Rules' }).click();

    // Four steps back reach the opened state: the same expression and no dirty marker.
    await expect.poll(() => page.getByRole('button', { name: /^Undo insert date transform on customerSince/ }).count()).toBe(1);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => expression(page)).not.toContain('$toMillis');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => expression(page)).toContain(DATE_FROM);
    await page.getByRole('button', { name: /^Undo map billing.city/ }).click();
    await expect.poll(() => expression(page)).not.toContain('billing.city');
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => expression(page)).toBe(original);
    expect(await dirty(page)).toBe(false);
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

    // Redo twice: unmapped, then mapped from billing.city again; dirty again.
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect.poll(() => expression(page)).not.toContain('billing.city');
    expect(await dirty(page)).toBe(true);
    await page.keyboard.press('ControlOrMeta+y');
    await expect.poll(() => expression(page)).toContain('"city": billing.city');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds a lookup table and an array context, and previews a CSV table', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByRole('grid', { name: 'Target fields' }).getByRole('row', { name: /^customerNumber/ }).waitFor();
    await expect.poll(() => expression(page)).toContain('"contacts": [contacts#$index1^(<type)');
    const original = await expression(page);

    await page.getByRole('tab', { name: /^Lookups/ }).click();
    const lookups = page.getByRole('tabpanel');
    await lookups.getByRole('button', { name: 'Edit lookup table countries' }).click();
    await lookups.getByRole('button', { name: 'Preview rows' }).click();
    const preview = lookups.getByRole('table', { name: 'CSV preview' });
    await preview.waitFor();
    expect(await preview.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining(['code (key)', 'name (value)']));
    expect(await preview.textContent()).toContain('Germany');
    await lookups.getByRole('button', { name: 'Cancel' }).click();

    await lookups.getByRole('button', { name: '+ Add lookup table' }).click();
    const table = lookups.getByRole('form', { name: 'New lookup table' });
    await table.getByLabel('Name').fill('channels');
    await table.getByLabel('Key = value, one per line').fill('email = EMAIL\nphone = PHONE');
    await table.getByRole('button', { name: 'Add lookup table' }).click();
    await expect.poll(() => expression(page)).toContain('$table_channels := {\n    "email": "EMAIL",\n    "phone": "PHONE"\n  };');

    // The contacts array context cannot go while a rule inside reads ../accountId through it: a coded refusal.
    await page.getByRole('tab', { name: /^Arrays/ }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Remove array contacts' }).click();
    const refused = page.locator('.rules-edit-error [role="alert"]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-error-code')).toBe('EDIT_INVALID');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // Unmap that rule, then the context goes, and comes back through the form.
    await page.getByRole('tab', { name: /^Rules/ }).click();
    await page.getByRole('grid', { name: 'Target fields' }).getByRole('row', { name: /^contacts\.customerNumber/ }).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => expression(page)).not.toContain('$$.accountId');
    await page.getByRole('tab', { name: /^Arrays/ }).click();
    const arrays = page.getByRole('tabpanel');
    await arrays.getByRole('button', { name: 'Remove array contacts' }).click();
    await expect.poll(() => expression(page)).not.toContain('contacts#$index1');
    await arrays.getByRole('button', { name: '+ Add array context' }).click();
    const context = arrays.getByRole('form', { name: 'New array context' });
    await context.getByLabel('Target array').fill('contacts');
    await context.getByLabel('Source array').fill('contacts');
    await context.getByLabel('Sort by (optional)').fill('type');
    await context.getByLabel('Record key (optional)').fill('type');
    await context.getByRole('button', { name: 'Add array context' }).click();
    await expect.poll(() => expression(page)).toContain('"contacts": [contacts#$index1^(<type).(\n      $record := $record & ", contacts item "');
    await page.screenshot({ path: join(screenshots, 'studio-rules-arrays.png') });

    // Undo the context, its removal and the unmap: the sample's expression plus the new table; once more, the sample's.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => expression(page)).toContain('$$.accountId');
    expect((await expression(page)).replace(/\n {2}\$table_channels := \{[^}]*\};/, '')).toBe(original);
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => expression(page)).toBe(original);
    expect(await dirty(page)).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
