/**
 * Tables of rows and of constants in the studio (issue 19), and the Problems
 * panel's warning when a sort key sorts dd.MM.yyyy text as text: on copies of
 * the payments sample, as a user adds the tables in the Lookups tab.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, openPage } from './chromium';
import { useCrmWorkspace } from './crm-workspace';
import { expression } from './rules-actions';
import { screenshotBothSchemes } from './screenshots';
import { openByPath, outputAsText } from './studio-actions';

const RUN = { timeout: 30_000 };

type Doc = {
  arrays: Array<{ sort?: { transforms?: unknown } }>;
  lookups?: Record<string, unknown>;
  rules: Array<{ target: string; transforms?: unknown[] }>;
};

const CREDITOR = 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf.Cdtr.Nm';

describe.skipIf(!hasChromium)(`Row and constants tables in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  const ws = useCrmWorkspace<Doc>('mapwright-row-tables-', 'payments-csv-to-pain001');

  it('warns at the array that sorts the execution date as text', async () => {
    const file = ws.project('text-sort', (doc) => {
      delete doc.arrays[0]!.sort!.transforms;
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    await page.getByTestId('problem-count').click();
    const warning = page.getByTestId('problems').locator('[data-code="MAP_SORT_TEXT_DATE"]');
    await expect.poll(() => warning.count(), RUN).toBe(1);
    expect(await warning.getAttribute('data-target')).toBe('Document.CstmrCdtTrfInitn.PmtInf');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('picks the column of a table of rows read from a CSV file, and the preview output follows', async () => {
    const file = ws.project('column', (doc, folder) => {
      writeFileSync(join(folder, 'suppliers.csv'), 'Lieferant;Kurzname;Anzeigename\nAnna Weber e.K.;WEBER;Anna Weber\nNordlicht Druck GmbH;NORDLICHT;Nordlicht Druck\n');
      doc.lookups = { suppliers: { file: 'suppliers.csv', keyColumn: 'Lieferant' } };
      doc.rules.find((r) => r.target === CREDITOR)!.transforms = [{ kind: 'lookup', table: 'suppliers', column: 'Anzeigename', onUnknown: 'keep' }];
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    const output = await outputAsText(page);
    await expect.poll(async () => (await output.textContent()) ?? '', RUN).toContain('<Nm>Nordlicht Druck</Nm>');

    // The table shows the rows in view only: scroll down to the creditor's name as a user does.
    const grid = page.getByRole('grid', { name: 'Target fields' });
    const row = grid.getByRole('row', { name: `${CREDITOR}, mapped`, exact: true });
    await grid.hover({ position: { x: 40, y: 60 } });
    for (let i = 0; i < 80 && (await row.count()) === 0; i++) await page.mouse.wheel(0, 300);
    await row.click();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('region', { name: `Rule for ${CREDITOR}` });
    await editor.getByRole('button', { name: 'Edit Lookup table (transform 1)' }).click();
    const form = editor.getByRole('form', { name: 'Lookup table parameters' });
    // The Column select offers the columns of the file's header, as read for the preview.
    const column = form.getByLabel('Column', { exact: true });
    await expect.poll(() => column.locator('option').allTextContents(), RUN).toEqual(expect.arrayContaining(['Lieferant', 'Kurzname', 'Anzeigename']));
    await column.selectOption('Kurzname');
    await form.getByRole('button', { name: 'Save' }).click();

    await expect.poll(async () => (await output.textContent()) ?? '', RUN).toContain('<Nm>NORDLICHT</Nm>');
    expect(await output.textContent()).not.toContain('<Nm>Nordlicht Druck</Nm>');
    expect(await expression(page)).toContain('$lookup($table_suppliers, $k).Kurzname');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds a table of rows and a table of constants in the Lookups tab', async () => {
    const file = ws.project('tables', () => undefined);
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    await page.getByRole('tab', { name: /^Lookups/ }).click();
    const lookups = page.getByRole('tabpanel').filter({ has: page.getByRole('list', { name: 'Lookup tables' }) });

    await lookups.getByRole('button', { name: '+ Add lookup table' }).click();
    let form = lookups.getByRole('form', { name: 'New lookup table' });
    await form.getByLabel('Name').fill('suppliers');
    await form.getByRole('radio', { name: 'rows of columns by key' }).check();
    await form.getByLabel('Key: column = value; column = value, one row per line').fill('S-1: name = Anna Weber e.K.; iban = DE02120300000000202051\nS-2: name = Brandt GmbH; iban = DE02500105170137075030');
    await form.getByRole('button', { name: 'Add lookup table' }).click();
    await expect.poll(() => expression(page), RUN).toContain('"S-1": {"name": "Anna Weber e.K.", "iban": "DE02120300000000202051"},');

    await lookups.getByRole('button', { name: '+ Add lookup table' }).click();
    form = lookups.getByRole('form', { name: 'New lookup table' });
    await form.getByLabel('Name').fill('debtor');
    await form.getByRole('radio', { name: 'constants (one row, no key)' }).check();
    await form.getByLabel('Column = value, one per line').fill('name = Beispiel Handels GmbH\nBIC = SOGEDEFFXXX');
    await form.getByRole('button', { name: 'Add lookup table' }).click();
    await expect.poll(() => expression(page), RUN).toContain('$table_debtor := {');

    const items = lookups.getByRole('list', { name: 'Lookup tables' });
    expect(await items.textContent()).toContain('2 rows; columns name, iban');
    expect(await items.textContent()).toContain('constants: name, BIC');
    await lookups.getByRole('button', { name: 'Edit lookup table suppliers' }).click();
    await lookups.getByRole('form', { name: 'Lookup table suppliers' }).waitFor();
    await screenshotBothSchemes(page, 'lookups-row-table', lookups);
    expect(problems).toEqual([]);
    await page.close();
  });
});
