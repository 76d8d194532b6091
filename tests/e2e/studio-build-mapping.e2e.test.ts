/**
 * Issue 13's "done when", in one go through the UI alone (the loopback web
 * host, real backend, Debian's Chromium): a New project from a picked JSON
 * sample (masked on the way in) and a JSON Schema; the mapping's name and
 * the input's record key set; a lookup table, an array context and rules
 * with a value map, a date reformat, a lookup and required policies; a test
 * case added from the current input with its expected output, passing;
 * undo and redo of several steps; save, reopen in a new page, same
 * document. Console errors fail the test.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../mapping-engine/document';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { DIRTY_MARKER } from '../../renderer/src/project/window-title';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { crmPicksFolder } from './crm-picks';
import { buildRule, CRM_RULES, expression } from './rules-actions';
import { screenshotBothSchemes } from './screenshots';
import { createCrmProject, openByPath } from './studio-actions';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
/** Polls wait for states; a busy CI machine may take a while to reach them. */
const WAIT = { timeout: 30_000 };
/** The rules built here: every required target field, through value maps, a date, a lookup and the contacts context. */
const RULES = CRM_RULES.filter((step) => !['email', 'revenue', 'labels'].includes(step.target));

const dirty = async (page: Page) => (await page.title()).startsWith(DIRTY_MARKER);
const mappingTab = (page: Page, name: RegExp) => page.getByRole('tablist', { name: 'Mapping parts' }).getByRole('tab', { name });

describe.skipIf(!hasChromium)(`a whole mapping built in the studio (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;

  beforeAll(async () => {
    root = crmPicksFolder('mapwright-build-');
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir(), readRoots: [join(root, 'picks')] });
  }, 180_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('goes from New project to passing tests, undoes and redoes, saves and reopens the same document', async () => {
    const { page, problems } = await openPage(session, host.url);
    // New project: the source sample and the target schema picked in the dialog.
    const path = join(root, 'work', 'accounts.mapwright.json');
    await createCrmProject(page, 'Accounts', join(root, 'picks'), join(root, 'work'), path);
    const grid = page.getByRole('grid', { name: 'Target fields' });
    await grid.getByRole('row', { name: 'customerNumber, unmapped', exact: true }).waitFor(WAIT);
    // The masked sample is the project's input: its country code keys the lookup table.
    const masked = JSON.parse(readFileSync(join(root, 'work', 'source', 'crm-account.json'), 'utf8')) as { billing: { countryCode: string } };
    const country = masked.billing.countryCode.toUpperCase();

    // The mapping's name and the record key naming the input in errors (Arrays tab, head).
    await mappingTab(page, /^Arrays/).click();
    const names = page.getByRole('region', { name: 'Mapping names' });
    await names.getByLabel('Mapping name').fill('CRM accounts to ERP');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.title-text').textContent(), WAIT).toBe('CRM accounts to ERP');
    await names.getByLabel('Record key of the whole input (optional)').fill('accountId');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByRole('button', { name: /^Undo set record key/ }).count(), WAIT).toBe(1);

    // The contacts array context, an inline lookup table, then the rules.
    await page.getByRole('tabpanel').getByRole('button', { name: '+ Add array context' }).click();
    const context = page.getByRole('form', { name: 'New array context' });
    await context.getByLabel('Target array').fill('contacts');
    await context.getByLabel('Source array').fill('contacts');
    await context.getByLabel('Record key (optional)').fill('type');
    await context.getByRole('button', { name: 'Add array context' }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Edit array contacts' }).waitFor();
    await screenshotBothSchemes(page, 'rules-arrays');
    await mappingTab(page, /^Lookups/).click();
    await page.getByRole('tabpanel').getByRole('button', { name: '+ Add lookup table' }).click();
    const table = page.getByRole('form', { name: 'New lookup table' });
    await table.getByLabel('Name').fill('countries');
    await table.getByLabel('Key = value, one per line').fill(`${country} = Testland`);
    await table.getByRole('button', { name: 'Add lookup table' }).click();
    await expect.poll(() => expression(page), WAIT).toContain(`"${country}": "Testland"`);
    await mappingTab(page, /^Rules/).click();
    for (const step of RULES) await buildRule(page, step);
    await expect.poll(() => mappingTab(page, /^Rules/).textContent()).toBe(`Rules${RULES.length}`);
    const mapped = await expression(page);
    for (const piece of ['"A": "ACTIVE"', '$toMillis($s, "[D01].[M01].[Y0001]")', '$table_countries', '$required(', 'contacts#$index1']) expect(mapped).toContain(piece);
    await screenshotBothSchemes(page, 'rules');

    // A test case from the current input; the backend writes its expected output, and it passes.
    await mappingTab(page, /^Tests/).click();
    const tests = page.getByRole('tabpanel', { name: /^Tests/ });
    await tests.getByLabel('New test name').fill('the picked account');
    await tests.getByRole('button', { name: 'Add from current input' }).click();
    await tests.getByRole('list', { name: 'Test cases' }).getByText('the picked account').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('test-summary').textContent(), WAIT).toBe('1 of 1 passed');
    const built = await expression(page);

    // Undo three steps (the test case and the last rule's two parts), redo them: the same mapping again.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => mappingTab(page, /^Tests/).textContent()).toBe('Tests0');
    await expect.poll(() => mappingTab(page, /^Rules/).textContent()).toBe(`Rules${RULES.length - 1}`);
    // The rules count and the generated text update apart: wait for the text too.
    await expect.poll(() => expression(page), WAIT).not.toBe(built);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect.poll(() => expression(page)).toBe(built);
    await expect.poll(() => mappingTab(page, /^Tests/).textContent()).toBe('Tests1');
    expect(await dirty(page)).toBe(true);

    // Save, then reopen in a new page: the same document, and its test still passes.
    await page.keyboard.press('Control+s');
    await expect.poll(() => dirty(page), WAIT).toBe(false);
    const saved = loadDocument(readFileSync(path, 'utf8'), path).document;
    expect(saved).toMatchObject({ name: 'CRM accounts to ERP', recordKey: 'accountId', arrays: [{ target: 'contacts', source: 'contacts', recordKey: 'type' }], lookups: { countries: { entries: { [country]: 'Testland' } } } });
    expect(saved.rules.map((rule) => rule.target)).toEqual(RULES.map((step) => step.target));
    expect(saved.tests.map((test) => test.name)).toEqual(['the picked account']);
    await page.close();

    const again = await openPage(session, host.url);
    await openByPath(again.page, path);
    await expect.poll(() => expression(again.page), WAIT).toBe(built);
    await expect.poll(() => again.page.getByTestId('test-summary').textContent(), WAIT).toBe('1 of 1 passed');
    expect(await dirty(again.page)).toBe(false);
    expect(loadDocument(readFileSync(path, 'utf8'), path).document).toEqual(saved);
    expect([...problems, ...again.problems]).toEqual([]);
    await again.page.close();
  }, 600_000);
});
