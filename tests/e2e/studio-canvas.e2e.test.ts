/**
 * The canvas in a real browser: the loopback web host (real backend, the
 * repository's samples) in Debian's Chromium. On the crm-to-erp sample the
 * user switches the Mapping panel to Canvas, finds the source and target
 * fields as trees, deletes a link with the Delete key, drags a source row
 * onto a target row with the mouse and sees the link and the JSONata,
 * deletes it again and undoes; Escape cancels a drag, and a drop that
 * cannot link says why. Console errors fail.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');
const images = join(repo, 'docs', 'images');

/** Two fields as the bundled sample compiles them (an optional field may be wrapped in $omitEmpty; a number transform reads its source through $present, so null and "" count as no value). */
const ROUNDED = /"revenue": (\$omitEmpty\()?\$round\(\$present\(annualRevenue\), 0\)/;
const LABELS = /"labels": (\$omitEmpty\()?tags/;

async function expressionText(page: Page): Promise<string> {
  return (await page.getByTestId('jsonata').textContent()) ?? '';
}

/** The row of `name` in a tree (its accessible name starts with the field's name). */
function row(tree: Locator, name: string): Locator {
  return tree.getByRole('treeitem', { name: new RegExp(`^${name},`) });
}

/** Presses the mouse on `from`, moves over `to` in steps (as a hand does), and returns before releasing. */
async function dragOnto(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 3, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 3 + 12, a.y + a.height / 2 + 4, { steps: 3 });
  await page.mouse.move(b.x + b.width / 3, b.y + b.height / 2, { steps: 12 });
}

describe.skipIf(!hasChromium)(`canvas in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir() });
  }, 180_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
  });

  async function openCanvas(): Promise<{ page: Page; problems: string[]; source: Locator; target: Locator }> {
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId('jsonata').waitFor();
    await expect.poll(() => expressionText(page)).toMatch(ROUNDED);
    await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Canvas' }).click();
    const source = page.getByRole('tree', { name: 'Source fields' });
    const target = page.getByRole('tree', { name: 'Target fields' });
    await row(source, 'annualRevenue').waitFor();
    await row(target, 'revenue').waitFor();
    return { page, problems, source, target };
  }

  it('shows both trees with names, types, markers and expansion by keyboard', async () => {
    const { page, problems, source, target } = await openCanvas();
    expect(await row(source, 'fullName').getAttribute('aria-label')).toMatch(/^fullName, string, required, mapped, 2 links$/);
    expect(await row(target, 'email').getAttribute('aria-label')).toContain('personal data');
    const billing = row(source, 'billing');
    expect(await billing.getAttribute('aria-expanded')).toBe('false');
    expect(await billing.getAttribute('aria-level')).toBe('1');
    // Keyboard: focus the tree, walk down to billing, open it with ArrowRight, step into its first child.
    await source.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => billing.getAttribute('aria-expanded')).toBe('true');
    const street = row(source, 'street');
    expect(await street.getAttribute('aria-level')).toBe('2');
    expect(await street.getAttribute('aria-posinset')).toBe('1');
    await page.keyboard.press('ArrowRight');
    expect(await source.getAttribute('aria-activedescendant')).toBe(await street.getAttribute('id'));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => billing.getAttribute('aria-expanded')).toBe('false');
    // Search filters and highlights.
    await page.getByRole('searchbox', { name: 'Search source fields' }).fill('postal');
    await expect.poll(() => source.getByRole('treeitem').count()).toBe(2);
    expect(await row(source, 'postalCode').locator('mark').textContent()).toBe('postal');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('deletes a link with Delete, links by dragging, and undo and redo follow', async () => {
    const { page, problems, source, target } = await openCanvas();
    const status = page.getByTestId('canvas-status');
    // Selecting a field selects its link; Delete removes it (the rule had only that source, so the field is unmapped).
    await row(source, 'tags').click();
    await page.getByRole('button', { name: 'tags → labels' }).waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => expressionText(page)).not.toMatch(LABELS);
    await expect.poll(() => row(target, 'labels').getAttribute('aria-label')).toContain('unmapped');

    // Drag tags onto labels with the mouse: the rule is created again, the line appears and is selected.
    await dragOnto(page, row(source, 'tags'), row(target, 'labels'));
    await page.locator('.canvas-link-ghost').waitFor();
    await expect.poll(() => row(target, 'labels').getAttribute('class')).toContain('is-drop-ok');
    await page.mouse.up();
    await expect.poll(() => expressionText(page)).toMatch(LABELS);
    expect(await status.textContent()).toBe('Linked tags → labels');
    await expect.poll(() => row(target, 'labels').getAttribute('aria-label')).toContain('mapped, 1 link');
    expect(await page.locator('.canvas-link.is-selected').count()).toBe(1);
    await screenshot(page, join(screenshots, 'studio-canvas-linked.png'));

    // Delete the new link, undo it back, undo the drag, redo it.
    await page.keyboard.press('Delete');
    await expect.poll(() => expressionText(page)).not.toMatch(LABELS);
    await page.keyboard.press('Control+z');
    await expect.poll(() => expressionText(page)).toMatch(LABELS);
    await page.keyboard.press('Control+z');
    await expect.poll(() => expressionText(page)).not.toMatch(LABELS);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => expressionText(page)).toMatch(LABELS);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('extends a rule that has transforms: its only link deleted, a drop links the source through them again', async () => {
    const { page, problems, source, target } = await openCanvas();
    await row(source, 'annualRevenue').click();
    await page.getByRole('button', { name: 'annualRevenue → revenue' }).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => expressionText(page)).not.toMatch(ROUNDED);
    await dragOnto(page, row(source, 'annualRevenue'), row(target, 'revenue'));
    await page.mouse.up();
    await expect.poll(() => expressionText(page)).toMatch(ROUNDED);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('inserts a transform on a link from the palette, checks its parameters inline, and moves its node (undoable)', async () => {
    const { page, problems, source } = await openCanvas();
    // billing is collapsed: selecting it lists the links of its fields.
    await row(source, 'billing').click();
    await page.getByRole('button', { name: 'billing.city → address.city' }).click();
    await page.getByRole('button', { name: 'Insert transform…' }).click();
    await page.getByRole('combobox', { name: 'Transform' }).fill('change case');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'Change case parameters' }).getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => expressionText(page)).toContain('"city": $required($uppercase($text(billing.city))');
    await page.getByRole('list', { name: 'Transforms of address.city' }).getByText('Change case').waitFor();

    // A parameter the engine cannot read is named beside its field; the fixed one applies.
    await row(source, 'createdOn').click();
    await page.getByRole('button', { name: 'Edit Date (transform 1)' }).click();
    const form = page.getByRole('form', { name: 'Date parameters' });
    await form.getByLabel('Write as').fill('yyyy-qq');
    await form.getByRole('alert').waitFor();
    await form.getByLabel('Write as').fill('dd/MM/yyyy');
    await expect.poll(() => form.getByRole('alert').count()).toBe(0);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => expressionText(page)).toContain('"[D01]/[M01]/[Y0001]"');
    await page.keyboard.press('Control+z');
    await expect.poll(() => expressionText(page)).not.toContain('"[D01]/[M01]/[Y0001]"');

    // Its node sits in the lane beside address.city (brought on screen: the panel is small, and a backup
    // notice may take some height); arrow keys move it (saved in the layout), and undo puts it back.
    await row(page.getByRole('tree', { name: 'Target fields' }), 'city').scrollIntoViewIfNeeded();
    const node = page.getByRole('button', { name: /^Change case, transform 1 of 1 of address\.city\./ });
    const before = (await node.boundingBox())!;
    await node.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await node.boundingBox())!.y).toBe(before.y + 16);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await node.boundingBox())!.y).toBe(before.y);
    // The move was one undo step; the next undo takes the transform back off.
    await page.keyboard.press('Control+z');
    await expect.poll(() => expressionText(page)).not.toContain('$uppercase($text(billing.city))');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('cancels a drag with Escape and says why a drop cannot link', async () => {
    const { page, problems, source, target } = await openCanvas();
    const before = await expressionText(page);
    await dragOnto(page, row(source, 'createdOn'), row(target, 'revenue'));
    await page.locator('.canvas-link-ghost').waitFor();
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(await page.getByTestId('canvas-status').textContent()).toBe('Drag cancelled');
    expect(await page.locator('.canvas-link-ghost').count()).toBe(0);

    // An object onto a single value: refused, with the reason, and nothing changes.
    await dragOnto(page, row(source, 'billing'), row(target, 'firstName'));
    await expect.poll(() => row(target, 'firstName').getAttribute('class')).toContain('is-drop-bad');
    await page.mouse.up();
    expect(await page.getByTestId('canvas-status').textContent()).toMatch(/^Cannot link billing to firstName: billing is an object/);
    expect(await expressionText(page)).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(process.env.MAPWRIGHT_SCREENSHOTS !== '1')('takes the screenshots of the canvas in light and dark', async () => {
    mkdirSync(images, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems, source } = await openCanvas();
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.emulateMedia({ colorScheme: scheme });
      await row(source, 'fullName').click();
      await page.getByRole('button', { name: 'fullName → firstName' }).click();
      await screenshot(page.getByRole('region', { name: 'Mapping' }), join(images, `canvas-${scheme}.png`));
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
