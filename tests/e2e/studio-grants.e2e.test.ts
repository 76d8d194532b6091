/**
 * The web studio's grants in a real browser (docs/security.md): the project
 * `npm run web -- <project>` was started with opens at once; the studio's own
 * Open and Save As dialogs grant the typed path, so a user saves into a folder
 * no project was opened from and opens a project nobody configured, while
 * the folder of a place that was only saved to stays closed to the engine.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { createHttpStudioClient } from '../../renderer/src/api/http-studio-client';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, type ChromiumSession } from './chromium';
import { openByPath } from './studio-actions';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');

describe.skipIf(!hasChromium)(`web studio grants in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;
  let project: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-grants-e2e-'));
    cpSync(join(samplesDir, 'crm-to-erp'), join(root, 'start'), { recursive: true });
    project = join(root, 'start', 'crm-to-erp.mapwright.json');
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', 'private.json'), '{"secret": true}');
    cpSync(join(samplesDir, 'shipment-to-csv'), join(root, 'other'), { recursive: true });
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: join(root, 'settings'), startProject: project });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('opens the start project, saves into a typed place and opens a typed project; a saved-only folder stays closed', async () => {
    const { page, problems } = await openPage(session, host.url);
    // The command line's project, not the default sample (the first page load compiles the renderer: wait for states).
    const api = createHttpStudioClient({ baseUrl: new URL(host.url).origin, token: host.token });
    await page.getByTestId('jsonata').waitFor();
    await expect.poll(() => page.getByTestId('project-name').getAttribute('title'), { timeout: 60_000 }).toBe(project);

    const copy = join(root, 'elsewhere', 'copy.mapwright.json');
    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    await dialog.getByLabel('Project file (absolute path)').fill(copy);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('copy.mapwright.json — Mapwright');
    expect(JSON.parse(readFileSync(copy, 'utf8')).name).toBe(JSON.parse(readFileSync(project, 'utf8')).name);

    // Saving there granted that file, not its folder: the engine cannot read its neighbour.
    const preview = await api.readPayloadPreview({ projectPath: copy, file: 'private.json' });
    expect(preview.ok ? 'ok' : preview.error.code).toBe('ACCESS_DENIED');

    // A project the user types in Open is granted and opens; the engine may read its folder's files.
    const other = join(root, 'other', 'shipment-to-csv.mapwright.json');
    const sample = (JSON.parse(readFileSync(other, 'utf8')) as { source: { samples: string[] } }).source.samples[0]!;
    const before = await api.readPayloadPreview({ projectPath: other, file: sample });
    expect(before.ok ? 'ok' : before.error.code).toBe('ACCESS_DENIED');
    await openByPath(page, other);
    const after = await api.readPayloadPreview({ projectPath: other, file: sample });
    expect(after.ok ? 'ok' : after.error.code).toBe('ok');
    expect(problems).toEqual([]);
    await page.close();
  });
});
