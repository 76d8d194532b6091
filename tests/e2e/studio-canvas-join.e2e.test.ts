/**
 * A consultant drags a second source onto a one-value target field on the
 * canvas (street and city onto one address line): without a transform that
 * joins them the rule writes a list, so the canvas says so and offers to
 * join them with Concatenate; one click gives one line of text, one undo
 * step takes the join back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { outputAsText } from './studio-actions';
import { dragOnto, treeRow as row } from './canvas-actions';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');
const account = JSON.parse(readFileSync(join(samplesDir, 'crm-to-erp', 'source', 'crm-account.json'), 'utf8')) as { billing: { street: string; city: string } };

/** The address line of the output preview's text. */
async function line1(output: Locator): Promise<unknown> {
  const text = (await output.textContent()) ?? '';
  try {
    return (JSON.parse(text) as { address?: { line1?: unknown } }).address?.line1;
  } catch {
    return undefined;
  }
}

describe.skipIf(!hasChromium)(`joining two sources on the canvas (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  beforeAll(async () => {
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir() });
  }, 180_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
  });

  it('offers to join a second source of a text field with Concatenate, and the output becomes one line', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId('jsonata').waitFor();
    const output = await outputAsText(page);
    await expect.poll(() => line1(output)).toBe(account.billing.street);
    await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Canvas' }).click();
    const source = page.getByRole('tree', { name: 'Source fields' });
    const target = page.getByRole('tree', { name: 'Target fields' });
    await row(source, 'billing').click();
    await page.keyboard.press('ArrowRight');
    await row(target, 'address').click();
    await page.keyboard.press('ArrowRight');
    await row(source, 'city').waitFor();
    await row(target, 'line1').waitFor();

    await dragOnto(page, row(source, 'city'), row(target, 'line1'));
    const join = page.getByRole('button', { name: 'Join with Concatenate' });
    await join.waitFor();
    await expect.poll(() => line1(output)).toEqual([account.billing.street, account.billing.city]);

    await join.click();
    await expect.poll(() => line1(output)).toBe(`${account.billing.street} ${account.billing.city}`);
    expect(await join.count()).toBe(0);
    await page.getByRole('region', { name: 'Link inspector' }).getByRole('list', { name: 'Transforms of address.line1' }).getByText('Concatenate').waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Undo join the sources of address\.line1/ }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => line1(output)).toEqual([account.billing.street, account.billing.city]);
    // Selecting another field: the status line no longer speaks of the last link as if of that field.
    await row(target, 'postcode').click();
    await expect.poll(() => page.getByTestId('canvas-status').textContent()).toMatch(/^\d+ links$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
