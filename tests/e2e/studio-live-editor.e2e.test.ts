/**
 * The JSONata side of the live feedback in a real browser (issue 15), on
 * writable copies of the CRM -> ERP sample: one target field's expression
 * edited on its own (its rule becomes custom) as one undoable edit; a
 * problem puts the editor's cursor on its rule's JSONata line; completion
 * offers a source path (waiting for Monaco's suggest widget to show, never
 * for a fixed time). Console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, openPage } from './chromium';
import { useCrmWorkspace } from './crm-workspace';
import { screenshotBothSchemes } from './screenshots';
import { openByPath } from './studio-actions';

const RUN = { timeout: 30_000 };

type Doc = { rules: { target: string; sources: string[] }[] };

async function outputValue(page: Page, path: string): Promise<string | null> {
  const value = page.getByTestId('output-tree').locator(`[data-path="${path}"]`);
  return (await value.count()) === 0 ? null : value.textContent();
}

/** Selects a target field's row in the rules table. */
async function selectRule(page: Page, path: string): Promise<void> {
  await page.getByRole('grid', { name: 'Target fields' }).locator(`[data-path="${path}"]`).click();
}

/** Replaces the whole text of the editor: typed key by key (completion pops up) or pasted. */
async function typeOver(page: Page, text: string, how: 'type' | 'paste'): Promise<void> {
  await page.getByTestId('jsonata-editor').click({ position: { x: 120, y: 12 } });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  if (how === 'type') await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

describe.skipIf(!hasChromium)(`JSONata live editing in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  const ws = useCrmWorkspace<Doc>('mapwright-live-editor-');
  const project = ws.project.bind(ws);

  it("edits one field's expression on its own: the rule becomes custom, the preview follows, and one undo takes it back", async () => {
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, project('field'));
    await expect.poll(() => outputValue(page, 'address.city'), RUN).toBe('"Sampletown"');
    const fieldScope = page.getByRole('radiogroup', { name: 'Edit' }).getByRole('radio', { name: /^Field/ });
    expect(await fieldScope.isDisabled()).toBe(true);

    await selectRule(page, 'address.city');
    await expect.poll(() => fieldScope.isDisabled()).toBe(false);
    await fieldScope.check();
    await page.getByRole('textbox', { name: 'JSONata expression of address.city' }).waitFor({ state: 'attached' });
    await expect.poll(() => page.getByTestId('jsonata-field').textContent()).toBe('$required(billing.city, "address.city", $record)');

    await typeOver(page, '$count(contacts) & " contacts in " & billing.city', 'paste');
    await expect.poll(() => page.getByTestId('jsonata-field').textContent()).toBe('$count(contacts) & " contacts in " & billing.city');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.getByTestId('jsonata-custom').textContent(), RUN).toBe('Applied: address.city is now a custom expression.');
    await expect.poll(() => outputValue(page, 'address.city'), RUN).toBe('"2 contacts in Sampletown"');
    // The whole expression holds the field's new text; the other fields are untouched.
    expect(await page.getByTestId('jsonata').textContent()).toContain('"city": ($value := (); $count(contacts) & " contacts in " & billing.city)');
    expect(await page.getByTestId('jsonata').textContent()).toContain('"postcode": $required(billing.postalCode, "address.postcode", $record)');
    await screenshotBothSchemes(page, 'live-field-edit');

    // One edit, one undo.
    await page.getByRole('button', { name: 'Undo JSONata edit' }).click();
    await expect.poll(() => outputValue(page, 'address.city'), RUN).toBe('"Sampletown"');
    await expect.poll(() => page.getByTestId('jsonata-field').textContent()).toBe('$required(billing.city, "address.city", $record)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("puts the editor's cursor on a problem's JSONata line as it selects the rule", async () => {
    const file = project('broken', (doc) => {
      doc.rules.find((r) => r.target === 'address.city')!.sources = ['billing.town'];
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    await page.getByTestId('problem-count').click();
    const entry = page.getByTestId('problems').locator('[data-code="MAP_UNKNOWN_SOURCE"] button');
    await entry.waitFor(RUN);
    const line = Number(await entry.getAttribute('data-jsonata-line'));
    const expression = (await page.getByTestId('jsonata').textContent()) ?? '';
    expect(expression.split('\n')[line - 1]).toContain('"city": $required(billing.town');
    await entry.click();
    await expect.poll(() => page.locator('.rules-row[aria-selected="true"]').getAttribute('data-path'), RUN).toBe('address.city');
    await expect.poll(() => page.getByTestId('jsonata-editor').getAttribute('data-cursor-line'), RUN).toBe(String(line));
    // Monaco shows that line (it renders only the lines in view).
    await expect.poll(() => page.locator('[data-testid="jsonata-editor"] .view-lines').textContent(), RUN).toContain('billing.town');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers a source path while typing, and inserts the chosen one', async () => {
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, project('completion'));
    await selectRule(page, 'address.city');
    await page.getByRole('radiogroup', { name: 'Edit' }).getByRole('radio', { name: /^Field/ }).check();
    await expect.poll(() => page.getByTestId('jsonata-field').textContent()).toContain('billing.city');
    await typeOver(page, 'billing.pos', 'type');
    await expect.poll(() => page.getByTestId('jsonata-field').textContent()).toBe('billing.pos');
    // The suggest widget opens on "." and filters as the name is typed. The source fields reach the editor
    // from the backend; typed before they arrived, the widget may be closed or list other words: then ask
    // again at the end of the text (Escape, End, Ctrl+Space), as a user would, and look at the next poll,
    // so a widget still opening is never closed before it is read. Waits for the widget's state, never a time.
    const widget = page.locator('[data-testid="jsonata-editor"] .suggest-widget.visible');
    const row = widget.locator('.monaco-list-row', { hasText: 'postalCode' });
    let askedLastTime = false;
    await expect
      .poll(async () => {
        if ((await row.count()) > 0) return true;
        // A request made at the last poll gets one interval to open its widget before it is made again.
        askedLastTime = !askedLastTime;
        if (askedLastTime) for (const key of ['Escape', 'End', 'Control+Space']) await page.keyboard.press(key);
        return false;
      }, RUN)
      .toBe(true);
    await row.first().click();
    await expect.poll(() => page.getByTestId('jsonata-field').textContent()).toBe('billing.postalCode');
    expect(problems).toEqual([]);
    await page.close();
  });
});
