/**
 * A consultant links a status code to an enum target field on the canvas
 * and inserts a Value map: the form offers the codes the source sample
 * holds (each with the target value it likely stands for) and the values
 * the target schema allows, so the map is filled by clicks from what the
 * data and the schema have; the output then carries the mapped value.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
const account = JSON.parse(readFileSync(join(samplesDir, 'crm-to-erp', 'source', 'crm-account.json'), 'utf8')) as { status: string };

describe.skipIf(!hasChromium)(`value map choices in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;

  beforeAll(async () => {
    root = crmPicksFolder('mapwright-value-map-');
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir(), readRoots: [join(root, 'picks')] });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("offers the sample's codes and the target's values in a new value map, and the output takes the mapped value", async () => {
    expect(account.status).toBe('A');
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await createCrmProject(page, 'Codes', join(root, 'picks'), join(root, 'work'), join(root, 'work', 'codes.mapwright.json'));
    const output = await outputAsText(page);

    await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Canvas' }).click();
    const source = page.getByRole('tree', { name: 'Source fields' });
    const target = page.getByRole('tree', { name: 'Target fields' });
    await dragOnto(page, treeRow(source, 'status'), treeRow(target, 'status'));
    await expect.poll(() => output.textContent(), WAIT).toContain('"status": "A"');

    const inspector = page.getByRole('region', { name: 'Link inspector' });
    await inspector.getByRole('button', { name: 'Insert transform…' }).click();
    await page.getByRole('combobox', { name: 'Transform' }).fill('value map');
    await page.getByRole('listbox', { name: 'Transform suggestions' }).getByRole('option', { name: /^Value map/ }).click();
    const form = inspector.getByRole('form', { name: 'Value map parameters' });
    const entries = form.getByRole('textbox', { name: 'Entries' });
    const inSample = form.getByRole('group', { name: 'Values in the sample' });
    const allowed = form.getByRole('group', { name: 'Values the target allows' });
    await expect.poll(() => allowed.getByRole('button').allTextContents(), WAIT).toEqual(['ACTIVE', 'INACTIVE', 'PROSPECT']);
    await inSample.scrollIntoViewIfNeeded();
    await screenshotBothSchemes(page, 'value-map-choices', form);

    // The sample's code, with the value it likely stands for: one click makes the line; it is then no longer offered.
    await inSample.getByRole('button', { name: 'Add key A as ACTIVE' }).click();
    expect(await entries.inputValue()).toBe('A = ACTIVE');
    expect(await inSample.count()).toBe(0);
    // A code typed by hand gets its value from the target's list.
    await entries.press('End');
    await entries.pressSequentially('\nP =');
    await allowed.getByRole('button', { name: 'Use PROSPECT as the value' }).click();
    expect(await entries.inputValue()).toBe('A = ACTIVE\nP = PROSPECT');
    // The default for unknown codes is offered the target's values too.
    const defaultInput = form.getByRole('combobox', { name: 'Default' });
    const listId = await defaultInput.getAttribute('list');
    expect(await page.locator(`datalist[id="${listId}"] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['ACTIVE', 'INACTIVE', 'PROSPECT']);

    await form.getByRole('button', { name: 'Add' }).scrollIntoViewIfNeeded();
    await screenshotBothSchemes(page, 'value-map-form', form);
    await form.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => output.textContent(), WAIT).toContain('"status": "ACTIVE"');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
