/**
 * Problems, tests and privacy of the live feedback in a real browser
 * (issue 15), on writable copies of the CRM -> ERP sample: a rule reading a
 * source path the source lacks shows in Problems and jumps to its rule; a
 * failing test shows expected and actual side by side and "accept" makes it
 * pass; a test input holding personal data is never shown unmasked in the
 * preview, the source panel or the test diff. Console errors fail the test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, openPage } from './chromium';
import { useCrmWorkspace } from './crm-workspace';
import { screenshotBothSchemes } from './screenshots';
import { openByPath } from './studio-actions';

const RUN = { timeout: 30_000 };

/** A real customer as a consultant might paste it into a test input: the masker recognises the e-mail and the street. */
const REAL = {
  accountId: 'ACC-424242',
  fullName: 'Testa Beispiel',
  status: 'A',
  createdOn: '03.11.2024',
  billing: { street: 'Lindenallee 17', postalCode: '10115', city: 'Berlin', countryCode: 'DE' },
  contacts: [{ type: 'email', value: 'margarete.sommerfeld@example.org' }],
};
const ORIGINALS = ['margarete.sommerfeld@example.org', 'Lindenallee'];

type Doc = { rules: { target: string; sources: string[] }[]; tests: { name: string; input: string; expected?: string }[] };

describe.skipIf(!hasChromium)(`live problems, tests and privacy in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  const ws = useCrmWorkspace<Doc>('mapwright-live-checks-');
  const project = ws.project.bind(ws);

  it('shows a rule reading a missing source path in Problems and jumps to the rule', async () => {
    const file = project('broken', (doc) => {
      const city = doc.rules.find((r) => r.target === 'address.city')!;
      city.sources = ['billing.town'];
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    await page.getByTestId('problem-count').click();
    const list = page.getByTestId('problems');
    await expect.poll(() => list.locator('[data-code="MAP_UNKNOWN_SOURCE"]').getAttribute('data-target'), RUN).toBe('address.city');
    // The preview's runtime error for the required field is listed too, tied to the same rule.
    await expect.poll(() => list.locator('[data-kind="runtime"]').first().getAttribute('data-target'), RUN).toBe('address.city');
    expect(await page.getByTestId('coverage').textContent()).toMatch(/\d+ of \d+ target fields mapped/);
    await list.locator('[data-code="MAP_UNKNOWN_SOURCE"] button').click();
    await expect.poll(() => page.locator('.rules-row[aria-selected="true"]').getAttribute('data-path'), RUN).toBe('address.city');
    await screenshotBothSchemes(page, 'live-problems');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a failing test with expected and actual side by side, and accepting the output makes it pass', async () => {
    const file = project('failing', (_doc, folder) => {
      const expected = join(folder, 'tests', 'unknown-status.expected.json');
      writeFileSync(expected, readFileSync(expected, 'utf8').replace('"PROSPECT"', '"ON_HOLD"'));
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    const summary = page.getByTestId('test-summary');
    await expect.poll(() => summary.textContent(), RUN).toBe('3 of 4 passed · 1 failed');
    await page.getByRole('button', { name: 'Show expected and actual' }).click();
    const diff = page.getByTestId('test-diff');
    await diff.waitFor();
    const row = diff.getByTestId('diff-row');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').allTextContents()).toEqual(['status', '"ON_HOLD"', '"PROSPECT"']);
    expect(await diff.getByTestId('diff-expected').textContent()).toContain('"status": "ON_HOLD"');
    expect(await diff.getByTestId('diff-actual').textContent()).toContain('"status": "PROSPECT"');
    await screenshotBothSchemes(page, 'live-tests');
    await diff.getByRole('button', { name: 'Accept current output as expected' }).click();
    await expect.poll(() => summary.textContent(), RUN).toBe('4 of 4 passed');
    expect(readFileSync(join(ws.root, 'work', 'failing', 'tests', 'unknown-status.expected.json'), 'utf8')).toContain('"PROSPECT"');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds the current input as a test expecting an error chosen by target field and code', async () => {
    const file = project('expect-error', () => undefined);
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    const summary = page.getByTestId('test-summary');
    await expect.poll(() => summary.textContent(), RUN).toBe('4 of 4 passed');
    // The error cases say what they expect.
    expect(await page.locator('.test-case', { hasText: 'malformed date is an error' }).locator('.test-expects').textContent()).toBe('expects MAP_INVALID_VALUE at customerSince');
    await page.getByRole('combobox', { name: 'Preview input' }).selectOption({ label: 'Test: malformed date is an error' });
    await page.getByRole('button', { name: 'Show the masked preview' }).click();
    await page.getByTestId('field-errors').waitFor(RUN);
    // The failed run has no output to check: the chip says so rather than that CRM has no target schema.
    expect(await page.getByTestId('validation-state').textContent()).toBe('not validated: the run failed');

    const form = page.getByRole('form', { name: 'Add the current input as a test' });
    await form.getByRole('textbox', { name: 'New test name' }).fill('date in another shape');
    await form.getByRole('radio', { name: 'an error' }).check();
    // Prefilled from the preview's failure: the field that failed and the code a test reads it as.
    await expect.poll(() => form.getByRole('combobox', { name: 'Expected error field' }).inputValue()).toBe('customerSince');
    expect(await form.getByRole('combobox', { name: 'Expected error code' }).inputValue()).toBe('MAP_INVALID_VALUE');
    await screenshotBothSchemes(page, 'live-expect-error');
    await form.getByRole('button', { name: 'Add current input as a test' }).click();
    await expect.poll(() => summary.textContent(), RUN).toBe('5 of 5 passed');
    expect(await page.locator('.test-case', { hasText: 'date in another shape' }).locator('.test-expects').textContent()).toBe('expects MAP_INVALID_VALUE at customerSince');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when a project has no tests', async () => {
    const file = project('untested', (doc) => {
      doc.tests = [];
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    await openByPath(page, file);
    await expect.poll(() => page.getByTestId('test-summary').getAttribute('data-state'), RUN).toBe('none');
    expect(await page.getByTestId('test-summary').getAttribute('class')).not.toContain('all-passed');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('never shows the personal data of a test input: not in the preview, the source panel or the test diff', async () => {
    const file = project('personal', (doc, folder) => {
      writeFileSync(join(folder, 'tests', 'real.input.json'), JSON.stringify(REAL, null, 2));
      doc.tests.push({ name: 'a real customer', input: 'tests/real.input.json', expected: 'tests/complete-account.expected.json' });
    });
    const { page, problems } = await openPage(ws.session, ws.host.url);
    const seen: string[] = [];
    // Everything the page is sent, not only what it shows.
    page.on('response', (response) => void response.text().then((text) => seen.push(text), () => undefined));
    await openByPath(page, file);
    const picker = page.getByRole('combobox', { name: 'Preview input' });
    await picker.selectOption({ label: 'Test: a real customer' });
    await page.getByTestId('mask-consent').waitFor();
    await page.getByRole('button', { name: 'Show the masked preview' }).click();
    const city = page.getByTestId('output-tree').locator('[data-path="address.line1"]');
    await expect.poll(() => city.count(), RUN).toBe(1);
    await page.getByTestId('source-tree').waitFor();
    // The test fails (its expected file is another customer's): its diff is masked too.
    await page.getByRole('button', { name: 'Show expected and actual' }).click();
    await page.getByTestId('test-diff').getByTestId('diff-row').first().waitFor();
    const shown = `${await page.content()}\n${seen.join('\n')}`;
    for (const original of ORIGINALS) expect(shown).not.toContain(original);
    expect(problems).toEqual([]);
    await page.close();
  });
});
