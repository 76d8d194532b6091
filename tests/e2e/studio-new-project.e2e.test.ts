/**
 * New project and Save As with the project's files, in a real browser
 * against the loopback web host. The picked files lie in a folder granted as
 * if opened (in the browser, picked files must); every place written is one
 * the user typed in the studio's own dialogs.
 *
 * - New…: a JSON sample as source (masked on the way in, the masking review
 *   accepted) and a JSON Schema as target, saved in a temp folder; the
 *   project opens with its source and target fields, and the file on disk
 *   is a valid document pointing at copies inside its folder.
 * - Save As of the bundled crm-to-erp sample into a temp folder copies what
 *   it refers to, so `node bin/mapwright.mjs test <copy>` passes.
 * The dialog's screenshots (light and dark) go to docs/images for the README
 * (with MAPWRIGHT_SCREENSHOTS=1).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../mapping-engine/document';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { crmPicksFolder } from './crm-picks';
import { fillNewCrmProject } from './studio-actions';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const images = join(repo, 'docs', 'images');
const run = promisify(execFile);
/** Polls wait for states; a busy CI machine may take a while to reach them. */
const WAIT = { timeout: 20_000 };

describe.skipIf(!hasChromium)(`new project and Save As in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;

  beforeAll(async () => {
    root = crmPicksFolder('mapwright-new-project-');
    session = await launchChromium();
    // The picks folder stands for a folder the user opened (in the browser, picked files must lie in one); the
    // places to save are granted only by what the user types in the dialogs.
    host = await startWebHost({ samplesDir, settingsDir: scratchSettingsDir(), readRoots: [join(root, 'picks')] });
    mkdirSync(images, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('creates a project from a picked JSON sample and JSON Schema, and opens it ready to map', async () => {
    const { page, problems } = await openPage(session, host.url);
    const dialog = await fillNewCrmProject(page, 'CRM accounts to ERP', join(root, 'picks'), join(root, 'work'));
    expect(await dialog.getByLabel('File name').inputValue()).toBe('crm-accounts-to-erp.mapwright.json');

    // Keyboard: Tab from the last control wraps inside the dialog.
    await dialog.getByRole('button', { name: 'Create' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(dialog, join(images, `new-project-${scheme}.png`));
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await dialog.getByRole('button', { name: 'Create' }).click();
    const review = page.getByRole('dialog', { name: 'Project created' });
    await review.waitFor();
    expect(await review.getByTestId('new-project-sample-path').textContent()).toBe('source/crm-account.json');
    await review.getByRole('table', { name: 'Masking report of the source sample' }).waitFor();
    await review.getByRole('button', { name: 'Open project' }).click();

    const path = join(root, 'work', 'crm-accounts-to-erp.mapwright.json');
    await expect.poll(() => page.getByTestId('project-name').getAttribute('title'), WAIT).toBe(path);
    // Source: the masked sample is previewed; target: the schema's fields are listed.
    await expect.poll(() => page.getByRole('region', { name: 'Source preview' }).textContent(), WAIT).toContain('accountId');
    const targets = page.getByRole('grid', { name: 'Target fields' });
    await expect.poll(() => targets.textContent(), WAIT).toContain('customerNumber');

    const doc = loadDocument(readFileSync(path, 'utf8'), path).document;
    expect(doc).toMatchObject({
      name: 'CRM accounts to ERP',
      source: { format: 'json', samples: ['source/crm-account.json'] },
      target: { format: 'json', schema: { file: 'target/erp-customer.schema.json' } },
    });
    expect(existsSync(join(root, 'work', 'target', 'erp-customer.schema.json'))).toBe(true);
    expect(readFileSync(join(root, 'work', 'source', 'crm-account.json'), 'utf8')).not.toBe(readFileSync(join(root, 'picks', 'crm-account.json'), 'utf8'));
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('cancels with Escape and writes nothing', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('jsonata').waitFor();
    await page.getByRole('button', { name: 'New…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Project name').fill('Nothing');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'New…' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('saves the bundled sample as a copy that passes mapwright test', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('jsonata').waitFor();
    await expect.poll(() => page.getByTestId('project-name').textContent(), WAIT).toContain('crm-to-erp');
    await page.getByRole('button', { name: 'Save As…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    const copy = join(root, 'copy', 'crm-copy.mapwright.json');
    await dialog.getByLabel('Project file (absolute path)').fill(copy);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('project-name').getAttribute('title'), WAIT).toBe(copy);

    for (const file of ['source/crm-account.json', 'target/erp-customer.schema.json', 'lookups/countries.csv', 'tests/unknown-status.input.json']) {
      expect(existsSync(join(root, 'copy', file))).toBe(true);
    }
    const result = await run(process.execPath, [join(repo, 'bin', 'mapwright.mjs'), 'test', copy], { cwd: repo });
    expect(result.stdout).toContain('4 passed');
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
