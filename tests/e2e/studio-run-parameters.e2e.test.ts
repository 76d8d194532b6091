/**
 * Run parameters and record names in a real browser, on writable copies of
 * the CRM -> ERP sample: the preview's Parameters form lists the document's
 * parameters with their defaults and a value typed there reaches the
 * preview's output; the label of the record key, set beside the key in the
 * Arrays tab, names the record in the generated expression's messages.
 * Console errors fail the test.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, openPage } from './chromium';
import { useCrmWorkspace } from './crm-workspace';
import { screenshotBothSchemes } from './screenshots';
import { openByPath, outputAsText } from './studio-actions';

const RUN = { timeout: 30_000 };

type Doc = { rules: Array<{ target: string; sources: string[] }>; parameters?: Record<string, unknown> };

describe.skipIf(!hasChromium)(`run parameters and record names in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  const ws = useCrmWorkspace<Doc>('mapwright-run-parameters-');

  it('sets a run parameter in the preview and names the input by the label picked for its record key', async () => {
    const file = ws.project('stamped', (doc) => {
      doc.parameters = { Batch: { type: 'string', default: 'B-0', description: 'The batch this export belongs to.' }, Created: { type: 'datetime', now: true } };
      doc.rules.push({ target: 'batch', sources: ['$param.Batch'] });
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    const output = await outputAsText(page);
    await expect.poll(() => output.textContent(), RUN).toContain('"batch": "B-0"');

    // The form lists each parameter with what an empty field stands for.
    const form = page.getByTestId('preview-parameters');
    await form.getByText('Parameters').click();
    const batch = form.getByRole('textbox', { name: 'Parameter Batch' });
    expect(await batch.getAttribute('placeholder')).toBe('B-0');
    expect(await form.getByRole('textbox', { name: 'Parameter Created' }).getAttribute('placeholder')).toBe('the time of the run');
    await batch.fill('B-7');
    await expect.poll(() => output.textContent(), RUN).toContain('"batch": "B-7"');
    expect(await form.locator('summary').textContent()).toBe('Parameters (1 of 2 set)');
    await screenshotBothSchemes(page, 'preview-parameters', page.getByRole('region', { name: 'Output preview' }));

    // The record key's label, beside the key (Arrays tab): errors name the input as `Account "..."`.
    await page.getByRole('tablist', { name: 'Mapping parts' }).getByRole('tab', { name: /^Arrays/ }).click();
    const names = page.getByRole('region', { name: 'Mapping names' });
    await names.getByLabel('Record key shown as (optional)').fill('Account');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('jsonata').textContent(), RUN).toContain(`$record := ($rk := accountId; $exists($rk) ? ($rk = null ? "Account null" : 'Account "' & $rk & '"') : "Account missing");`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
