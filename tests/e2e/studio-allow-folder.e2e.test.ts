/**
 * A browser user starts a project from their own files, which lie outside
 * every folder the web studio may read: the New project dialog refuses the
 * file (ACCESS_DENIED) and shows the command that allows its folder; the
 * user restarts the web studio with that command (`npm run web -- --allow
 * <folder>`, parsed here as serve-web parses it) and the same files now
 * make a project. The page itself never grants a data file (security
 * model: only the user at the terminal or in a native dialog does).
 */
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeWebArgs } from '../../electron/web/serve-web';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { screenshotBothSchemes } from './screenshots';
import { createCrmProject } from './studio-actions';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');
/** Polls wait for states; a busy machine may take a while to reach them. */
const WAIT = { timeout: 30_000 };

/** The arguments after `npm run web --` in a shown command (single-quoted POSIX words). */
function argsOf(command: string): string[] {
  const rest = command.replace(/^npm run web -- /, '');
  return [...rest.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
}

describe.skipIf(!hasChromium)(`allowing a folder of one's own files in Chromium (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  const hosts: WebHost[] = [];
  let root: string;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'mapwright-allow-')));
    mkdirSync(join(root, "client's files"));
    cpSync(join(samplesDir, 'crm-to-erp', 'source', 'crm-account.json'), join(root, "client's files", 'crm-account.json'));
    cpSync(join(samplesDir, 'crm-to-erp', 'target', 'erp-customer.schema.json'), join(root, "client's files", 'erp-customer.schema.json'));
    session = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    for (const host of hosts) await host.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('refuses a file outside the allowed folders with the command that allows it, and that command makes the project possible', async () => {
    const picks = join(root, "client's files");
    const settingsDir = scratchSettingsDir();
    const first = await startWebHost({ samplesDir, settingsDir });
    hosts.push(first);
    const { page, problems } = await openPage(session, first.url);
    await page.getByTestId('jsonata').waitFor();
    await page.getByRole('button', { name: 'New…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel(/^Source file/).fill(join(picks, 'crm-account.json'));
    await dialog.getByRole('button', { name: 'Check the source file' }).click();
    await expect.poll(() => dialog.locator('[data-error-code]').getAttribute('data-error-code'), WAIT).toBe('ACCESS_DENIED');
    const command = (await dialog.getByTestId('source-allow-command').textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Copy the command that allows the source file’s folder' }).waitFor();
    await screenshotBothSchemes(page, 'allow-folder', dialog);
    expect(argsOf(command)).toEqual(['--allow', picks]);
    await page.close();

    // The user restarts the web studio with the command shown.
    const options = parseServeWebArgs(argsOf(command), root);
    expect(options.readRoots).toEqual([picks]);
    const second = await startWebHost({ ...options, samplesDir, settingsDir });
    hosts.push(second);
    const again = await openPage(session, second.url);
    await createCrmProject(again.page, 'Own files', picks, join(root, 'work'), join(root, 'work', 'own-files.mapwright.json'));
    await again.page.getByRole('grid', { name: 'Target fields' }).getByRole('row', { name: 'customerNumber, unmapped', exact: true }).waitFor(WAIT);
    expect([...problems, ...again.problems]).toEqual([]);
    await again.page.close();
  }, 240_000);
});
