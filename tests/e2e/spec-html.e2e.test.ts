/**
 * The HTML spec export in a real browser: the crm-to-erp spec, opened as a
 * local file in Debian's Chromium, shows one field row per target field,
 * loads nothing from anywhere (no request besides the file itself) and logs
 * no console error (a CSP violation would). The screenshot in docs/images
 * is taken here (with MAPWRIGHT_SCREENSHOTS=1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject } from '../../mapping-engine/node/export/export-project';
import { loadDocument } from '../../mapping-engine/document/load-document';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession } from './chromium';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const project = join(repo, 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json');
const specImage = join(repo, 'docs', 'images', 'spec-crm-to-erp.png');

describe.skipIf(!hasChromium)(`HTML spec export in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let dir: string;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mapwright-spec-html-'));
    const file = join(dir, 'crm-to-erp.html');
    writeFileSync(file, (await exportProject(project, 'html', { generatedAt: '2026-01-15T09:30:00.000Z' })) as string);
    url = pathToFileURL(file).href;
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders one field row per target field, without console errors or network requests', async () => {
    const page = await session.context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url);

    const { document } = loadDocument(readFileSync(project, 'utf8'), project);
    const targets = await page.locator('#fields tbody tr td:first-child').allTextContents();
    expect(targets).toEqual(document.rules.map((r) => r.target));
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Mapping spec: ${document.name}`);
    // The lookup table is printed in full and the test results are there.
    expect(await page.locator('#lookup-countries tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#tests tbody tr').count()).toBe(document.tests.length);

    await page.setViewportSize({ width: 1400, height: 900 });
    await screenshot(page, specImage, { fullPage: false });
    // The print rules apply without errors and keep the field table on the page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#fields').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
