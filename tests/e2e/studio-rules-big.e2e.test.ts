/**
 * The rules view on targets as they come in practice (the loopback web host,
 * real backend, Debian's Chromium):
 * - a generated ERP target of about 2,500 fields (bench/size): the grid
 *   counts every row (aria-rowcount) but renders only those in view, and
 *   the keyboard still reaches any row (End, type-ahead), each rendered with
 *   its aria-rowindex;
 * - a JSON Schema whose fields lie under a named root (`#/$defs/Order`): the
 *   table lists that root's fields, not the file's top level.
 * Console errors fail the test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSizeProject } from '../../bench/size/size-project';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { openByPath } from './studio-actions';

const repo = join(import.meta.dirname, '..', '..');
const WAIT = { timeout: 60_000 };

const selectedPath = (page: Page) => page.locator('.rules-row[aria-selected="true"]').getAttribute('data-path');

describe.skipIf(!hasChromium)(`rules view on big and rooted targets (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-rules-big-'));
    session = await launchChromium();
    host = await startWebHost({ samplesDir: join(repo, 'samples'), settingsDir: scratchSettingsDir(), readRoots: [root] });
  }, 180_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('renders only the rows in view of a 2,500-field target and still reaches every row by keyboard', async () => {
    const project = await writeSizeProject(join(root, 'size'), 250);
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    const grid = page.getByRole('grid', { name: 'Target fields' });
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')), WAIT).toBeGreaterThan(2_500);
    const count = Number(await grid.getAttribute('aria-rowcount')) - 1;
    const rendered = grid.locator('tr.rules-row');
    expect(await rendered.count()).toBeLessThan(150);

    // End goes to the last field: it is rendered, focused, and numbered as the last row.
    await rendered.first().click();
    await page.keyboard.press('End');
    const last = grid.locator('tr.rules-row[aria-selected="true"]');
    await expect.poll(() => last.getAttribute('aria-rowindex')).toBe(String(count + 1));
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    expect(await rendered.count()).toBeLessThan(150);
    // Scrolling (a wheel, the scrollbar) brings the rows of the new place into the DOM.
    const scroller = page.locator('.rules-scroll');
    expect(await scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });
    await expect
      .poll(async () => {
        const shown = (await rendered.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))))).filter((at) => at !== count + 1);
        return Math.abs((Math.min(...shown) + Math.max(...shown)) / 2 - count / 2) < 80;
      })
      .toBe(true);
    // Home and type-ahead find rows far from the rendered ones.
    await page.keyboard.press('Home');
    await expect.poll(() => last.getAttribute('aria-rowindex')).toBe('2');
    await page.keyboard.type('taxes');
    await expect.poll(() => selectedPath(page)).toMatch(/^taxes\b/);
    expect(Number(await last.getAttribute('aria-rowindex'))).toBeGreaterThan(2_000);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it('lists the fields under the schema root the target names', async () => {
    const folder = join(root, 'rooted');
    mkdirSync(join(folder, 'target'), { recursive: true });
    writeFileSync(
      join(folder, 'target', 'shop.schema.json'),
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { wrapperOnly: { type: 'string' } },
        $defs: { Order: { type: 'object', required: ['orderNumber'], properties: { orderNumber: { type: 'string' }, placedAt: { type: 'string', format: 'date' } } } },
      }),
    );
    const project = join(folder, 'shop.mapwright.json');
    writeFileSync(
      project,
      JSON.stringify({ formatVersion: 1, name: 'Rooted target', source: { format: 'json' }, target: { format: 'json', schema: { file: 'target/shop.schema.json', root: '#/$defs/Order' } }, rules: [] }, null, 2),
    );
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    const grid = page.getByRole('grid', { name: 'Target fields' });
    await grid.getByRole('row', { name: 'orderNumber, unmapped', exact: true }).waitFor(WAIT);
    expect(await grid.locator('tr.rules-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-path')))).toEqual(['orderNumber', 'placedAt']);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
