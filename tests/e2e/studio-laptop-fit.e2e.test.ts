/**
 * The studio on a laptop's window (1280×800), as a consultant building a
 * mapping uses it: the canvas's transform palette shows its choices where
 * they can be seen and clicked (the inspector below the trees is short and
 * scrolls), the trees keep what the user opened across a switch to the
 * rules view and back, the rules grid shows its words whole, the mapping
 * can take the full height, and adding a test case warns while the current
 * output still breaks the target schema.
 */
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { screenshot, TEST_SHOTS } from './screenshots';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');

/** The row of `name` in a tree (its accessible name starts with the field's name). */
function row(tree: Locator, name: string): Locator {
  return tree.getByRole('treeitem', { name: new RegExp(`^${name},`) });
}

/** True when the point at the middle of `locator` shows `locator` itself (nothing clips or covers it). */
async function visibleAtItsMiddle(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  if (!box) return false;
  const handle = await locator.elementHandle();
  return page.evaluate(
    ({ x, y, el }) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && el !== null && (hit === el || el.contains(hit));
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2, el: handle },
  );
}

describe.skipIf(!hasChromium)(`the studio in a 1280×800 window (skipped when ${CHROMIUM_PATH} is missing)`, () => {
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

  async function openCanvas(): Promise<{ page: Page; problems: string[]; source: Locator; target: Locator }> {
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('jsonata').waitFor();
    await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Canvas' }).click();
    const source = page.getByRole('tree', { name: 'Source fields' });
    const target = page.getByRole('tree', { name: 'Target fields' });
    await row(target, 'customerNumber').waitFor();
    return { page, problems, source, target };
  }

  it('shows the transform palette of the canvas inspector where it can be clicked, and the click opens the form', async () => {
    const { page, problems, target } = await openCanvas();
    await row(target, 'customerNumber').click();
    const inspector = page.getByRole('region', { name: 'Link inspector' });
    await inspector.getByRole('button', { name: 'Insert transform…' }).click();
    await page.getByRole('combobox', { name: 'Transform' }).fill('date');
    const option = page.getByRole('listbox', { name: 'Transform suggestions' }).getByRole('option', { name: /^Date/ });
    await option.waitFor();
    await screenshot(page, join(TEST_SHOTS, 'laptop-canvas-palette.png'));
    // What a user sees is what a user can click: the option is not clipped by the inspector.
    await expect.poll(() => visibleAtItsMiddle(page, option)).toBe(true);
    const box = (await option.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await inspector.getByRole('form', { name: 'Date parameters' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the fields the user opened in both trees across the rules view and back', async () => {
    const { page, problems, source, target } = await openCanvas();
    await row(source, 'billing').click();
    await page.keyboard.press('ArrowRight');
    await row(target, 'address').click();
    await page.keyboard.press('ArrowRight');
    await row(source, 'postalCode').waitFor();
    await row(target, 'postcode').waitFor();
    const view = page.getByRole('group', { name: 'Mapping view' });
    await view.getByRole('button', { name: 'Rules' }).click();
    await page.getByRole('grid', { name: 'Target fields' }).waitFor();
    await view.getByRole('button', { name: 'Canvas' }).click();
    await row(target, 'customerNumber').waitFor();
    expect(await row(source, 'billing').getAttribute('aria-expanded')).toBe('true');
    expect(await row(target, 'address').getAttribute('aria-expanded')).toBe('true');
    expect(await row(source, 'postalCode').count()).toBe(1);
    expect(await row(target, 'postcode').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the type and status words of the rules view whole, and a cut source in full on hover', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    const grid = page.getByRole('grid', { name: 'Target fields' });
    // Unmap one field (Delete in the grid), so an "unmapped" badge shows.
    await grid.getByRole('row', { name: 'revenue, mapped', exact: true }).click();
    await page.keyboard.press('Delete');
    await grid.getByRole('row', { name: 'revenue, unmapped', exact: true }).waitFor();
    await screenshot(page, join(TEST_SHOTS, 'laptop-rules-columns.png'));
    const cut = await grid.locator('th, td.rules-type, td.rules-status, td.rules-policy').evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
    );
    expect(cut).toEqual([]);
    const country = grid.getByRole('row', { name: 'address.country, mapped', exact: true }).locator('td.rules-sources');
    expect(await country.getAttribute('title')).toBe('billing.countryCode');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('enlarges the mapping to the full height with the output and problems beside it, and restores the layout', async () => {
    const { page, problems, target } = await openCanvas();
    /** Target rows the user can see: inside the tree's box. */
    const rowsInView = () =>
      target.evaluate((tree) => {
        const box = tree.getBoundingClientRect();
        return [...tree.querySelectorAll('[role="treeitem"]')].filter((item) => {
          const r = item.getBoundingClientRect();
          return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
        }).length;
      });
    await row(target, 'address').click();
    await page.keyboard.press('ArrowRight');
    await row(target, 'postcode').waitFor();
    const before = await rowsInView();
    const enlarge = page.getByRole('region', { name: 'Mapping' }).getByRole('button', { name: 'Enlarge' });
    await enlarge.click();
    await expect.poll(() => enlarge.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(rowsInView).toBeGreaterThanOrEqual(before + 6);
    await screenshot(page, join(TEST_SHOTS, 'laptop-mapping-enlarged.png'));
    // The live output and the problems stay in view; the JSONata and the source sample step aside.
    expect(await page.getByRole('region', { name: 'Output preview' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Test results' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Generated JSONata' }).isVisible()).toBe(false);
    await enlarge.click();
    await expect.poll(() => page.getByRole('region', { name: 'Generated JSONata' }).isVisible()).toBe(true);
    await expect.poll(rowsInView).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('warns, before a test case expecting the current output is added, that this output breaks the target schema', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('jsonata').waitFor();
    const form = page.getByRole('form', { name: 'Add the current input as a test' });
    await page.getByRole('tab', { name: /^Test results/ }).click();
    await form.waitFor();
    const note = form.getByRole('note');
    expect(await note.count()).toBe(0);
    // Unmap a required field: the output now misses it, and the form says what a case of it would do.
    const grid = page.getByRole('grid', { name: 'Target fields' });
    await grid.getByRole('row', { name: 'customerNumber, mapped', exact: true }).click();
    await page.keyboard.press('Delete');
    await note.waitFor();
    // An expected error is what the user may want instead: no warning then.
    await form.getByRole('radio', { name: 'an error' }).check();
    await expect.poll(() => note.count()).toBe(0);
    await form.getByRole('radio', { name: 'the current output' }).check();
    await note.waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => note.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
