/**
 * The mapping drafts itself, in a real browser against the loopback web host:
 * a new project (a JSON sample and a JSON Schema, no rules) gets its rules
 * from "Suggest mappings" (one, a group and all accepted, each one undo
 * step), then "Generate failure tests" in the tests panel makes failure-mode
 * cases that are kept and run with the project's tests.
 * Screenshots of the suggestions panel (light and dark) go to docs/images
 * with MAPWRIGHT_SCREENSHOTS=1.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { crmPicksFolder } from './crm-picks';
import { createCrmProject } from './studio-actions';
import { screenshotBothSchemes } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
/** Polls wait for states; a busy CI machine may take a while to reach them. */
const WAIT = { timeout: 30_000 };

describe.skipIf(!hasChromium)(`suggestions and generated tests in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;

  beforeAll(async () => {
    root = crmPicksFolder('mapwright-suggest-');
    writeFileSync(join(root, 'picks', 'client-sheet.csv'), 'Ziel,Quelle,Regel\ncustomerNumber,accountId,the CRM number as it is\nloyaltyTier,tier,\n');
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir(), readRoots: [join(root, 'picks')] });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('accepts suggestions on a new project and generates failure tests that then run', async () => {
    const { page, problems } = await openPage(session, host.url);
    await createCrmProject(page, 'Drafted', join(root, 'picks'), join(root, 'work'), join(root, 'work', 'drafted.mapwright.json'));

    await page.getByRole('button', { name: 'Suggest mappings' }).click();
    const panel = page.getByRole('region', { name: 'Suggested mappings' });
    const jsonata = page.getByTestId('jsonata');

    // A client's sheet first: its columns chosen, the row whose fields exist becomes a rule, the other is listed.
    await panel.getByRole('button', { name: 'Import sheet…' }).click();
    const sheet = page.getByRole('dialog', { name: 'Import a mapping sheet' });
    await sheet.getByLabel('Spreadsheet file').fill(join(root, 'picks', 'client-sheet.csv'));
    await sheet.getByRole('button', { name: 'Read the sheet' }).click();
    await sheet.getByLabel('Target field column').selectOption('Ziel');
    await sheet.getByLabel('Source fields column').selectOption('Quelle');
    await sheet.getByLabel('Rule text column').selectOption('Regel');
    await expect.poll(() => sheet.getByTestId('import-sheet-summary').textContent(), WAIT).toBe('1 row(s) become rules; 1 unresolved.');
    expect(await sheet.getByRole('list', { name: 'Unresolved rows' }).textContent()).toContain('loyaltyTier');
    await screenshotBothSchemes(page, 'import-sheet', sheet);
    await sheet.getByRole('button', { name: 'Import 1 rules' }).click();
    await expect.poll(() => jsonata.textContent(), WAIT).toContain('customerNumber');
    await page.getByRole('button', { name: /^Undo import 1 rules from client-sheet\.csv/ }).waitFor(WAIT);
    await expect.poll(() => panel.textContent(), WAIT).toContain('customerSince ← createdOn');
    expect(await panel.textContent()).toContain('values look like dd.MM.yyyy dates, target is a date');
    await screenshotBothSchemes(page, 'suggest-mappings', page.getByRole('region', { name: 'Mapping', exact: true }));

    // One suggestion: one step.
    await panel.getByRole('button', { name: 'Accept customerSince ← createdOn' }).click();
    await expect.poll(() => jsonata.textContent(), WAIT).toContain('customerSince');
    await page.getByRole('button', { name: /^Undo accept suggestion for customerSince/ }).waitFor(WAIT);

    // A group: one step, undone and redone as one.
    await panel.getByRole('button', { name: 'Accept group address' }).click();
    await expect.poll(() => jsonata.textContent(), WAIT).toContain('postcode');
    await page.getByRole('button', { name: /^Undo accept \d+ suggestions for address/ }).click();
    await expect.poll(() => jsonata.textContent(), WAIT).not.toContain('postcode');
    expect(await jsonata.textContent()).toContain('customerSince');
    await page.getByRole('button', { name: /^Redo accept \d+ suggestions for address/ }).click();
    await expect.poll(() => jsonata.textContent(), WAIT).toContain('postcode');

    // A rejected suggestion is gone; all the rest, with the contacts context, in one step.
    await panel.getByRole('button', { name: 'Reject revenue ← annualRevenue' }).click();
    await expect.poll(() => panel.textContent(), WAIT).not.toContain('revenue ← annualRevenue');
    await panel.getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => jsonata.textContent(), WAIT).toContain('contacts');
    expect(await jsonata.textContent()).not.toContain('revenue');
    await page.getByRole('button', { name: /^Undo accept \d+ suggestions$/ }).waitFor(WAIT);

    // Failure tests from the good input (the project's sample), kept and run.
    await page.getByRole('tab', { name: /^Test results/ }).click();
    await page.getByRole('button', { name: 'Generate failure tests' }).click();
    const generated = page.getByRole('group', { name: 'Generated failure tests' });
    await expect.poll(() => generated.textContent(), WAIT).toContain('generated: createdOn malformed (customerSince)');
    expect(await generated.textContent()).toContain('expects MAP_INVALID_VALUE at customerSince');
    await generated.getByRole('button', { name: /^Keep \d+ as tests$/ }).click();
    await page.getByRole('button', { name: /^Undo add \d+ generated tests/ }).waitFor(WAIT);
    const summary = page.getByTestId('test-summary');
    await expect.poll(() => summary.textContent(), WAIT).toMatch(/^(\d+) of \1 passed$/);
    expect(Number(/^(\d+)/.exec((await summary.textContent()) ?? '')![1])).toBeGreaterThan(5);
    expect(existsSync(join(root, 'work', 'tests', 'generated'))).toBe(true);
    expect(readdirSync(join(root, 'work', 'tests', 'generated')).some((f) => f.endsWith('.input.json'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
