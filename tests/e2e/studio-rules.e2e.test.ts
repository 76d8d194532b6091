/**
 * The rules view in a real browser: the loopback web host (real backend,
 * the repository's samples) in Debian's Chromium. On the bundled CRM -> ERP
 * sample the user unmaps a field with Delete, maps it again by picking a
 * source with the keyboard, replaces a date transform from the palette with
 * its parameters, undoes and redoes back to the saved state (the title's
 * dirty marker follows), and adds a lookup table and an array context. The
 * JSONata view follows every edit without a round trip. Console errors fail.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { DIRTY_MARKER } from '../../renderer/src/project/window-title';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, openPage } from './chromium';
import { buildRule, CRM_RULES, expression } from './rules-actions';
import { openByPath } from './studio-actions';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');

const CITY = '"city": $required(billing.city, "address.city", $record)';
/** The city rule mapped again with the default policy (which may leave an empty value out through $omitEmpty). */
const CITY_AGAIN = /"city": (?:\$omitEmpty\(billing\.city\)|billing\.city)/;
const DATE_FROM = '$toMillis($s, "[D01].[M01].[Y0001]")';

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
    await expect.poll(() => expression(page)).toMatch(CITY_AGAIN);
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
    const remapped = await expression(page);
    expect(remapped).toBe(original.replace(CITY, remapped.match(CITY_AGAIN)?.[0] ?? 'no city rule'));
    await screenshot(page, join(screenshots, 'studio-rules-editor.png'));
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
    await expect.poll(() => expression(page)).toMatch(CITY_AGAIN);
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
    await screenshot(page, join(screenshots, 'studio-rules-arrays.png'));

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

  it('rebuilds the CRM -> ERP mapping from empty through the UI to the same JSONata', async () => {
    const { page, problems } = await openPage(session, host.url);
    const grid = page.getByRole('grid', { name: 'Target fields' });
    await grid.getByRole('row', { name: /^customerNumber/ }).waitFor();
    await expect.poll(() => expression(page)).toContain(CITY);
    const original = await expression(page);

    // Empty it: every rule (Delete down the table), the array context and the lookup table.
    const rows = await grid.locator('tbody tr').count();
    await grid.locator('tbody tr').first().click();
    for (let i = 0; i < rows; i++) {
      await page.keyboard.press('Delete');
      await page.keyboard.press('ArrowDown');
    }
    await expect.poll(() => page.getByRole('tab', { name: /^Rules/ }).textContent()).toBe('Rules0');
    await page.getByRole('tab', { name: /^Arrays/ }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Remove array contacts' }).click();
    await page.getByRole('tab', { name: /^Lookups/ }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Remove lookup table countries' }).click();
    await expect.poll(() => expression(page)).not.toContain('$table_countries');

    // Rebuild: the CSV lookup table, the array context, then every rule in the rules view.
    await page.getByRole('tabpanel').getByRole('button', { name: '+ Add lookup table' }).click();
    const table = page.getByRole('form', { name: 'New lookup table' });
    await table.getByLabel('Name').fill('countries');
    await table.getByLabel('from a CSV file').check();
    await table.getByLabel('CSV file (relative to the project)').fill('lookups/countries.csv');
    await table.getByLabel('Key column').fill('code');
    await table.getByLabel('Value column').fill('name');
    await table.getByRole('button', { name: 'Add lookup table' }).click();
    await expect.poll(() => expression(page)).toContain('"DE": "Germany"');
    await page.getByRole('tab', { name: /^Arrays/ }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: '+ Add array context' }).click();
    const context = page.getByRole('form', { name: 'New array context' });
    await context.getByLabel('Target array').fill('contacts');
    await context.getByLabel('Source array').fill('contacts');
    await context.getByLabel('Sort by (optional)').fill('type');
    await context.getByLabel('Record key (optional)').fill('type');
    await context.getByRole('button', { name: 'Add array context' }).click();
    await page.getByRole('tab', { name: /^Rules/ }).click();
    for (const step of CRM_RULES) await buildRule(page, step);

    await expect.poll(() => expression(page)).toBe(original);
    await screenshot(page, join(screenshots, 'studio-rules-rebuilt.png'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds a test case from the current input of a project the user opened', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mapwright-rules-tests-'));
    try {
      cpSync(join(samplesDir, 'crm-to-erp'), join(root, 'crm'), { recursive: true });
      const project = join(root, 'crm', 'crm-to-erp.mapwright.json');
      const { page, problems } = await openPage(session, host.url);
      await openByPath(page, project);
      // The mapping's test cases (the rules panel), not the feedback panel's test results.
      const testsTab = page.getByRole('tablist', { name: 'Mapping parts' }).getByRole('tab', { name: /^Tests/ });
      await testsTab.click();
      const panel = page.getByRole('tabpanel', { name: /^Tests/ });
      await panel.getByLabel('New test name').fill('complete account again');
      await panel.getByRole('button', { name: 'Add from current input' }).click();
      await panel.getByRole('list', { name: 'Test cases' }).getByText('complete account again').waitFor();
      expect(await testsTab.textContent()).toBe('Tests5');
      expect(await dirty(page)).toBe(true);
      // The backend wrote the expected output beside the project; the test case itself is one undo step.
      expect(readdirSync(join(root, 'crm', 'tests')).some((f) => f.startsWith('complete-account-again') && f.includes('expected'))).toBe(true);
      await page.keyboard.press('ControlOrMeta+z');
      await expect.poll(() => testsTab.textContent()).toBe('Tests4');
      expect(await dirty(page)).toBe(false);
      expect(existsSync(project)).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
