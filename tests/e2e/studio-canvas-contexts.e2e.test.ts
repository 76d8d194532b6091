/**
 * The canvas's array contexts, transform chains, Tidy and keyboard mapping
 * in a real browser, on a small order-to-invoice project written to a
 * scratch folder: linking a field inside a repeating element offers the
 * array context and adds it with the link in one step; the context is drawn
 * as a band, its transforms in a frame, and "focus on this context" hides
 * the rest; each transform of a chain is its own node; Tidy lays out the
 * lane as one undo step and the layout survives save and reopen; and a
 * field is mapped, given a transform, unlinked and followed to its other
 * end by keyboard alone. Console errors fail.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { openByPath } from './studio-actions';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const images = join(repo, 'docs', 'images');
const takeScreenshots = process.env.MAPWRIGHT_SCREENSHOTS === '1';

const ORDER = { orderId: ' a-1 ', customer: { name: ' Ann Lee ' }, items: [{ sku: 'x1', qty: 2 }, { sku: 'y2', qty: 1 }] };
const INVOICE_SCHEMA = {
  type: 'object',
  properties: {
    invoiceId: { type: 'string' },
    buyer: { type: 'string' },
    reference: { type: 'string' },
    lines: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, quantity: { type: 'integer' } } } },
  },
};
const PROJECT = {
  formatVersion: 1,
  name: 'Orders to invoices',
  source: { format: 'json', samples: ['source/order.json'] },
  target: { format: 'json', schema: { file: 'target/invoice.schema.json' } },
  rules: [
    { target: 'invoiceId', sources: ['orderId'], transforms: [{ kind: 'trim' }, { kind: 'case', mode: 'upper' }] },
    { target: 'buyer', sources: ['customer.name'], transforms: [{ kind: 'trim' }] },
  ],
};

function row(tree: Locator, name: string): Locator {
  return tree.getByRole('treeitem', { name: new RegExp(`^${name},`) });
}

/** A target field as the JSONata writes it: `"name": expr`, an optional field perhaps wrapped in $omitEmpty. */
function fieldText(name: string, expr: string): RegExp {
  return new RegExp(`"${name}": (\\$omitEmpty\\()?${expr.replace(/[$()[\].]/g, '\\$&')}`);
}

async function expressionText(page: Page): Promise<string> {
  return (await page.getByTestId('jsonata').textContent()) ?? '';
}

/** The accessible name of a tree's active row. */
async function activeName(tree: Locator): Promise<string | null> {
  const id = await tree.getAttribute('aria-activedescendant');
  return id ? tree.locator(`[id="${id}"]`).getAttribute('aria-label') : null;
}

/** A transform node in the lane, by its label and rule target. */
function laneNode(page: Page, label: string, target: string): Locator {
  return page.getByRole('group', { name: 'Transforms' }).getByRole('button', { name: new RegExp(`^${label}, transform \\d+ of \\d+ of ${target.replace('.', '\\.')}\\.`) });
}

/** Where every lane node is drawn, by accessible name. */
async function nodePlaces(page: Page): Promise<Record<string, string>> {
  const nodes = page.getByRole('group', { name: 'Transforms' }).getByRole('button');
  const places: Record<string, string> = {};
  for (const node of await nodes.all()) {
    const box = (await node.boundingBox())!;
    places[(await node.getAttribute('aria-label'))!] = `${Math.round(box.x)},${Math.round(box.y)}`;
  }
  return places;
}

describe.skipIf(!hasChromium)(`canvas array contexts, chains, Tidy and keyboard in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let dir: string;
  let projectFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mapwright-canvas-contexts-'));
    mkdirSync(join(dir, 'source'));
    mkdirSync(join(dir, 'target'));
    writeFileSync(join(dir, 'source', 'order.json'), JSON.stringify(ORDER, null, 2));
    writeFileSync(join(dir, 'target', 'invoice.schema.json'), JSON.stringify(INVOICE_SCHEMA, null, 2));
    projectFile = join(dir, 'orders.mapwright.json');
    writeFileSync(projectFile, `${JSON.stringify(PROJECT, null, 2)}\n`);
    session = await launchChromium();
    host = await startWebHost({ samplesDir: join(repo, 'samples'), settingsDir: scratchSettingsDir(), readRoots: [dir] });
  }, 180_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openCanvas(scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[]; source: Locator; target: Locator }> {
    const { page, problems } = await openPage(session, host.url);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.emulateMedia({ colorScheme: scheme });
    await openByPath(page, projectFile);
    await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Canvas' }).click();
    const source = page.getByRole('tree', { name: 'Source fields' });
    const target = page.getByRole('tree', { name: 'Target fields' });
    await row(source, 'orderId').waitFor();
    await row(target, 'invoiceId').waitFor();
    return { page, problems, source, target };
  }

  it('links inside a repeating element through a new array context, draws it as a band with its transforms framed, focuses it, tidies, and keeps the layout on save and reopen', async () => {
    const { page, problems, source, target } = await openCanvas();
    const status = page.getByTestId('canvas-status');
    // Each transform of a chain is its own node, left to right.
    const trim = laneNode(page, 'Trim', 'invoiceId');
    const upper = laneNode(page, 'Change case', 'invoiceId');
    expect((await trim.boundingBox())!.x).toBeLessThan((await upper.boundingBox())!.x);

    // items.sku onto lines.code: lines repeats without an array context, so the canvas offers to add it.
    await source.focus();
    await page.keyboard.type('items');
    await page.keyboard.press('ArrowRight');
    await row(source, 'sku').waitFor();
    await page.keyboard.type('sku');
    await page.keyboard.press('Space');
    await target.focus();
    await page.keyboard.type('lines');
    await page.keyboard.press('ArrowRight');
    await row(target, 'code').waitFor();
    await page.keyboard.type('code');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toMatch(/^Cannot link sku to code: lines.code repeats with lines, which has no array context yet/);
    await page.getByRole('button', { name: 'Add array context lines ← items and link' }).click();
    await expect.poll(() => expressionText(page)).toMatch(/"lines": \[?items/);
    await expect.poll(() => expressionText(page)).toMatch(fieldText('code', 'sku'));
    await page.locator('.canvas-band').waitFor();

    // A transform on the new link sits in a frame labelled with what the context iterates.
    await page.getByRole('button', { name: 'Insert transform…' }).click();
    await page.getByRole('combobox', { name: 'Transform' }).fill('trim');
    await page.keyboard.press('Enter');
    await expect.poll(() => expressionText(page)).toContain('$trim($text(sku))');
    await page.locator('.lane-frame', { hasText: 'for each items' }).waitFor();

    // Focus on the context: only its elements and links remain; Show all brings the rest back.
    await row(target, 'lines').click();
    await page.getByRole('button', { name: 'array items → lines' }).click();
    await page.getByRole('button', { name: 'Focus on this context' }).click();
    await expect.poll(() => row(source, 'orderId').count()).toBe(0);
    await expect.poll(() => row(target, 'invoiceId').count()).toBe(0);
    expect(await row(target, 'code').count()).toBe(1);
    expect(await trim.count()).toBe(0);
    await page.getByRole('toolbar', { name: 'Canvas tools' }).getByText('Focused on array context').waitFor();
    await page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Show all' }).click();
    await row(source, 'orderId').waitFor();
    await trim.waitFor();

    // Tidy: ELK lays the lane out as one undo step; undo and redo move every node back and forth at once.
    const before = await nodePlaces(page);
    await page.getByRole('button', { name: 'Tidy' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Tidied \d+ transform nodes$/);
    await expect.poll(() => nodePlaces(page)).not.toEqual(before);
    const tidied = await nodePlaces(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodePlaces(page)).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodePlaces(page)).toEqual(tidied);
    if (takeScreenshots) {
      mkdirSync(images, { recursive: true });
      await screenshot(page.getByRole('region', { name: 'Mapping' }), join(images, 'canvas-contexts-light.png'));
    }

    // Save, then reopen in a new page: the stored layout puts every node where Tidy did.
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('project-name').getAttribute('data-dirty')).toBe('false');
    const saved = JSON.parse(readFileSync(projectFile, 'utf8')) as { layout: { nodes: Record<string, unknown> }; arrays: unknown[] };
    expect(Object.keys(saved.layout.nodes).sort()).toEqual(['rule:buyer', 'rule:invoiceId', 'rule:invoiceId#1', 'rule:lines.code']);
    expect(saved.arrays).toEqual([{ target: 'lines', source: 'items' }]);
    expect(problems).toEqual([]);
    await page.close();

    const again = await openCanvas();
    // The array band is drawn from the start; the lines opened here were closed then, so open them for the same rows.
    await again.page.locator('.canvas-band').waitFor();
    await row(again.source, 'items').click();
    await again.page.keyboard.press('ArrowRight');
    await row(again.target, 'lines').click();
    await again.page.keyboard.press('ArrowRight');
    await row(again.target, 'code').waitFor();
    await expect.poll(() => nodePlaces(again.page)).toEqual(tidied);
    expect(again.problems).toEqual([]);
    await again.page.close();
  });

  it('maps a field by keyboard only: mark, link, insert a transform, delete it and the link, go to the other end', async () => {
    const { page, problems, source, target } = await openCanvas();
    const status = page.getByTestId('canvas-status');
    // Go to the other end: orderId's link ends at invoiceId, and the target tree takes the focus there.
    await source.focus();
    await page.keyboard.type('orderId');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Target fields');
    await expect.poll(() => activeName(target)).toMatch(/^invoiceId,/);
    // And back.
    await page.keyboard.press('Control+ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Source fields');
    await expect.poll(() => activeName(source)).toMatch(/^orderId,/);

    // Mark orderId (Space), then Enter on reference: linked.
    await page.keyboard.press('Space');
    await expect.poll(() => status.textContent()).toMatch(/^Marked orderId/);
    await target.focus();
    await page.keyboard.type('reference');
    await page.keyboard.press('Enter');
    await expect.poll(() => expressionText(page)).toMatch(fieldText('reference', 'orderId'));
    expect(await status.textContent()).toBe('Linked orderId → reference');

    // Insert a transform on the selected link from the palette, by keyboard.
    await page.getByRole('button', { name: 'Insert transform…' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('trim');
    await page.keyboard.press('Enter');
    await expect.poll(() => expressionText(page)).toMatch(fieldText('reference', '$trim($text(orderId))'));
    // Delete on its lane node removes the transform.
    await laneNode(page, 'Trim', 'reference').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => expressionText(page)).toMatch(fieldText('reference', 'orderId'));

    // Delete on the selected field removes its link.
    await target.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'orderId → reference' }).waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => expressionText(page)).not.toContain('"reference"');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!takeScreenshots)('takes the array-context screenshot in dark', async () => {
    const { page, problems, source, target } = await openCanvas('dark');
    await row(source, 'items').click();
    await page.keyboard.press('ArrowRight');
    await row(target, 'lines').click();
    await page.keyboard.press('ArrowRight');
    await row(target, 'code').waitFor();
    await screenshot(page.getByRole('region', { name: 'Mapping' }), join(images, 'canvas-contexts-dark.png'));
    expect(problems).toEqual([]);
    await page.close();
  });
});
