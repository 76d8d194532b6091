/**
 * "Import sample…" in a real browser (issue 4): the loopback web host with a
 * temp copy of a sample project (JSON source) and made-up people. The user
 * opens the project by path, imports a JSON file of them as a source sample
 * and reviews the masking report; only the masked copy lands in the
 * project's samples/ folder, the document lists it and the title shows
 * unsaved changes. A file outside the allowed folders is refused with
 * ACCESS_DENIED and a hint, the same people as CSV with SAMPLE_INVALID.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, openPage, scratchSettingsDir } from './chromium';
import { openByPath } from './studio-actions';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');

/** Made-up people: none of these names or addresses may survive the import. */
const PEOPLE = [
  {
    name: 'Margarethe Vollenweider',
    email: 'margarethe.vollenweider@example.org',
    iban: 'DE89370400440532013000',
  },
  {
    name: 'Osvaldo Pereira-Lindqvist',
    email: 'osvaldo.pl@example.net',
    iban: 'GB82WEST12345698765432',
  },
  {
    name: 'Henrietta Okonkwo',
    email: 'h.okonkwo@example.com',
    iban: 'NL91ABNA0417164300',
  },
];
const CSV = `id,fullName,email,iban,city\n${PEOPLE.map((p, i) => `${i + 1},${p.name},${p.email},${p.iban},Springfield`).join('\n')}\n`;
const JSON_PEOPLE = `${JSON.stringify(PEOPLE.map((p, i) => ({ id: i + 1, fullName: p.name, email: p.email, iban: p.iban, city: 'Springfield' })), null, 2)}\n`;

describe.skipIf(!hasChromium)(`import sample in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;
  let outside: string;
  let projectDir: string;
  let project: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-import-'));
    outside = mkdtempSync(join(tmpdir(), 'mapwright-outside-'));
    projectDir = join(root, 'crm');
    cpSync(join(samplesDir, 'crm-to-erp'), projectDir, { recursive: true });
    project = join(projectDir, 'crm-to-erp.mapwright.json');
    writeFileSync(join(root, 'people.csv'), CSV);
    writeFileSync(join(root, 'people.json'), JSON_PEOPLE);
    writeFileSync(join(outside, 'people.csv'), CSV);
    session = await launchChromium();
    host = await startWebHost({
      samplesDir,
      settingsDir: scratchSettingsDir(),
      readRoots: [root],
    });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    for (const dir of [root, outside]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks a bundled sample to be saved first', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('jsonata').waitFor();
    await expect.poll(() => page.getByTestId('project-name').textContent()).toContain('crm-to-erp');
    await page.getByRole('button', { name: 'Import sample…' }).click();
    // The workflow's Save As: the sample itself is never written, samples go into the user's copy.
    await page.getByRole('dialog', { name: 'Save project as' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('refuses a file outside the project and its folders, saying what to do', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    await page.getByRole('button', { name: 'Import sample…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import sample' });
    await dialog.getByLabel('Sample file (absolute path)').fill(join(outside, 'people.csv'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.locator('[data-error-code="ACCESS_DENIED"]').waitFor();
    expect(await dialog.textContent()).toContain('Copy the file into the project folder');
    expect(existsSync(join(projectDir, 'samples'))).toBe(false);
    await screenshot(page, join(screenshots, 'studio-import-denied.png'));
    // A refused import changes nothing: the project stays saved.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.title()).toBe('crm-to-erp.mapwright.json — Mapwright');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('refuses a CSV sample for the JSON source before copying anything, saying what to do', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    await page.getByRole('button', { name: 'Import sample…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import sample' });
    await dialog.getByLabel('Source').check();
    await dialog.getByLabel('Sample file (absolute path)').fill(join(root, 'people.csv'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.locator('[data-error-code="SAMPLE_INVALID"]').waitFor();
    expect(await dialog.textContent()).toContain('change the side’s format first');
    expect(existsSync(join(projectDir, 'samples'))).toBe(false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.title()).toBe('crm-to-erp.mapwright.json — Mapwright');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('imports a JSON sample as a source sample, masked, and shows the report', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    await page.getByRole('button', { name: 'Import sample…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import sample' });
    await dialog.getByLabel('Source').check();
    await dialog.getByLabel('Sample file (absolute path)').fill(join(root, 'people.json'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    const review = page.getByRole('dialog', { name: 'Sample imported' });
    await review.waitFor();
    expect(await review.getByTestId('import-path').textContent()).toBe('samples/people.json');
    const report = review.getByRole('table', { name: 'Masking report' });
    const categories = await report.locator('.import-category').allTextContents();
    expect(categories).toEqual(expect.arrayContaining(['email', 'iban']));
    const reviewText = (await review.textContent()) ?? '';
    await screenshot(page, join(screenshots, 'studio-import-report.png'));

    // Only the masked copy exists, in the project's samples/ folder; no original value anywhere.
    expect(readdirSync(join(projectDir, 'samples'))).toEqual(['people.json']);
    const maskedText = readFileSync(join(projectDir, 'samples', 'people.json'), 'utf8');
    const masked = JSON.parse(maskedText) as Array<Record<string, unknown>>;
    expect(Object.keys(masked[0]!)).toEqual(['id', 'fullName', 'email', 'iban', 'city']);
    for (const person of PEOPLE) {
      for (const original of [person.name, person.email, person.iban]) {
        expect(maskedText).not.toContain(original);
        expect(reviewText).not.toContain(original);
      }
    }
    // The preview shows the masked copy itself: its first record's masked email.
    const firstMaskedEmail = String(masked[0]!.email);
    expect(firstMaskedEmail).toMatch(/@/);
    expect(await review.getByTestId('import-preview').textContent()).toContain(firstMaskedEmail);

    // The document lists the copy and the project is dirty until saved (the file on disk is unchanged).
    await review.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.title()).toBe('● crm-to-erp.mapwright.json — Mapwright');
    expect(await page.getByTestId('project-name').getAttribute('data-dirty')).toBe('true');
    expect(JSON.parse(readFileSync(project, 'utf8')).source.samples).toEqual(['source/crm-account.json']);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('crm-to-erp.mapwright.json — Mapwright');
    expect(JSON.parse(readFileSync(project, 'utf8')).source.samples).toEqual(['source/crm-account.json', 'samples/people.json']);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
