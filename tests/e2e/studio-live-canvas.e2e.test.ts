/**
 * Live feedback on the canvas trees in a real browser (issue 15), on
 * writable copies of the CRM -> ERP sample: a broken rule's problem is
 * marked on its target field (at its parent while that is collapsed), and
 * clicking an output value marks the target field it was written to and
 * the source field its rule read. Console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, openPage } from './chromium';
import { useCrmWorkspace } from './crm-workspace';
import { screenshotBothSchemes } from './screenshots';
import { openByPath } from './studio-actions';

const RUN = { timeout: 30_000 };
const SOURCE_TREE = '[role=tree][aria-label="Source fields"]';
const TARGET_TREE = '[role=tree][aria-label="Target fields"]';

type Doc = { rules: { target: string; sources: string[] }[] };

async function showCanvas(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Mapping view' }).getByRole('button', { name: 'Canvas' }).click();
  await page.locator(`${TARGET_TREE} [role=treeitem]`).first().waitFor(RUN);
}

/** A tree's row of the field named `name` (its accessible name starts with the name). */
function row(page: Page, tree: string, name: string) {
  return page.locator(tree).getByRole('treeitem', { name: new RegExp(`^${name},`) });
}

/** The accessible name of that row, or null while it does not show. */
async function rowName(page: Page, tree: string, name: string): Promise<string | null> {
  const found = row(page, tree, name);
  return (await found.count()) === 0 ? null : found.getAttribute('aria-label');
}

describe.skipIf(!hasChromium)(`live feedback on the canvas in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  const ws = useCrmWorkspace<Doc>('mapwright-live-canvas-');
  const project = ws.project.bind(ws);

  it("marks a rule's problems on its target field, at the collapsed parent first", async () => {
    const file = project('broken', (doc) => {
      doc.rules.find((r) => r.target === 'address.city')!.sources = ['billing.town'];
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    await showCanvas(page);
    // address is collapsed: its row carries the worst problem inside it (the run's error, before the unknown-source warning).
    await expect.poll(() => rowName(page, TARGET_TREE, 'address'), RUN).toMatch(/error: inside: address\.city: .*\(2 problems\)/);
    await row(page, TARGET_TREE, 'address').locator('.field-twisty').click();
    await expect.poll(() => rowName(page, TARGET_TREE, 'city'), RUN).toMatch(/error: .*\(2 problems\)/);
    expect(await row(page, TARGET_TREE, 'city').getByTestId('field-problem').textContent()).toBe('✗2');
    // Open, address shows its own state again: the problem is on its field.
    expect(await rowName(page, TARGET_TREE, 'address')).not.toMatch(/error|warning/);
    expect(await rowName(page, TARGET_TREE, 'postcode')).not.toMatch(/error|warning/);
    // The tree scrolls the field into view (a click there is a user's); the badge is what the screenshot shows.
    await row(page, TARGET_TREE, 'city').click();
    await screenshotBothSchemes(page, 'live-canvas-problems');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks the target field and the source field of a clicked output value', async () => {
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, project('lineage'));
    await showCanvas(page);
    const value = page.getByTestId('output-tree').locator('[data-path="status"]');
    await value.waitFor(RUN);
    await value.click();
    await expect.poll(() => rowName(page, TARGET_TREE, 'status'), RUN).toContain('holds the selected output value');
    await expect.poll(() => rowName(page, SOURCE_TREE, 'status'), RUN).toContain('read by the selected output value');
    expect(await page.locator(`${SOURCE_TREE} .field-row.is-lineage`).count()).toBe(1);
    // Another value: the marks move with it.
    await page.getByTestId('output-tree').locator('[data-path="revenue"]').click();
    await expect.poll(() => page.locator(`${SOURCE_TREE} .field-row.is-lineage`).getAttribute('data-field-id'), RUN).toBe('annualRevenue');
    expect(await rowName(page, TARGET_TREE, 'status')).not.toContain('selected output value');
    expect(problems).toEqual([]);
    await page.close();
  });
});
