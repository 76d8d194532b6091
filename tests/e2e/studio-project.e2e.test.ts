/**
 * The project workflow in a real browser: the loopback web host (real
 * backend, a temp settings folder, a temp copy of a sample project) opened
 * in Debian's Chromium. The user opens a project by path, saves it under a
 * new name, gets unsaved work back after a "crash", and is asked what to do
 * when another program changed the file. Console errors fail the test.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { createHttpStudioClient } from '../../renderer/src/api/http-studio-client';
import { CHROMIUM_PATH, hasChromium, launchChromium, type ChromiumSession, openPage } from './chromium';
import { openByPath, outputAsText } from './studio-actions';
import { screenshot } from './screenshots';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const screenshots = join(import.meta.dirname, 'screenshots');

/** The project text with another document name (the name shows in the run toolbar). */
const renamed = (text: string, name: string): string => {
  const doc = JSON.parse(text) as { name: string };
  doc.name = name;
  return `${JSON.stringify(doc, null, 2)}\n`;
};

describe.skipIf(!hasChromium)(`studio projects in Chromium (skipped when ${CHROMIUM_PATH} is missing: apt-get install chromium)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;
  let project: string;
  let original: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-projects-'));
    cpSync(join(samplesDir, 'crm-to-erp'), join(root, 'work', 'crm'), { recursive: true });
    project = join(root, 'work', 'crm', 'crm-to-erp.mapwright.json');
    original = readFileSync(project, 'utf8');
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: join(root, 'settings'), readRoots: [join(root, 'work')] });
    mkdirSync(screenshots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('opens a project by path and saves it under a new name', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    expect(await page.title()).toBe('crm-to-erp.mapwright.json — Mapwright');
    await expect.poll(() => page.getByTestId('jsonata').textContent()).toContain('"customerNumber": $required(');
    // Not a bundled sample any more: the source comes from the project's own sample file.
    await expect.poll(() => page.getByTestId('source-tree').locator('[data-path="accountId"]').textContent()).toBe('"ACC-000731"');

    const copy = join(root, 'work', 'crm', 'customer-copy.mapwright.json');
    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    const field = dialog.getByLabel('Project file (absolute path)');
    await expect.poll(() => field.inputValue()).toBe(project);
    // Saving onto an existing file needs a second, explicit "Replace".
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('already exists');
    await expect.poll(() => dialog.getByRole('button', { name: 'Replace' }).count()).toBe(1);
    // The extension is added as native save dialogs do.
    await field.fill(copy.replace(/\.mapwright\.json$/, ''));
    await screenshot(page, join(screenshots, 'studio-project-save-as.png'));
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();

    await expect.poll(() => page.title()).toBe('customer-copy.mapwright.json — Mapwright');
    expect(readFileSync(copy, 'utf8')).toBe(original);
    expect(await page.getByTestId('project-name').getAttribute('data-dirty')).toBe('false');
    // Both files head the recent list now (the bundled sample the studio opened on comes after them).
    await page.getByRole('button', { name: 'Recent ▾' }).click();
    const items = page.getByRole('menu', { name: 'Recent projects' }).getByRole('menuitem');
    await expect.poll(async () => (await items.allTextContents()).slice(0, 2)).toEqual([expect.stringContaining(copy), expect.stringContaining(project)]);
    await screenshot(page, join(screenshots, 'studio-project-recent.png'));
    // Keyboard use: the first item has the focus, arrows move it, Escape closes the menu.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('title'));
    await expect.poll(focused).toBe(copy);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe(project);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('menu').count()).toBe(0);
    // The project bar also holds Export (components/ExportDialog.tsx), for the saved copy.
    await page.getByRole('toolbar', { name: 'Project' }).getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('dialog', { name: 'Export mapping' }).waitFor();
    await screenshot(page, join(screenshots, 'studio-project-export.png'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers unsaved work left by a crash, restores it and saves it', async () => {
    // The state a crash leaves: an idle backup of edited text for the project.
    const api = createHttpStudioClient({ baseUrl: new URL(host.url).origin, token: host.token });
    const opened = await api.openProject(project);
    if (!opened.ok) throw new Error(opened.error.message);
    const edited = renamed(original, 'CRM customers (edited)');
    const backup = await api.backupUnsaved({ sessionId: 'crash-test', path: project, text: edited, savedStamp: opened.value.stamp });
    expect(backup.ok).toBe(true);

    const { page, problems } = await openPage(session, host.url);
    const banner = page.getByTestId('backup-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('for crm-to-erp.mapwright.json');
    await page.getByTestId('jsonata').waitFor();
    await screenshot(page, join(screenshots, 'studio-project-backup.png'));
    await banner.getByRole('button', { name: 'Restore' }).click();

    await expect.poll(() => page.title()).toBe('● crm-to-erp.mapwright.json — Mapwright');
    await expect.poll(() => page.locator('.title-text').textContent()).toBe('CRM customers (edited)');
    expect(await banner.count()).toBe(0);
    expect(await page.getByTestId('project-name').getAttribute('data-dirty')).toBe('true');
    await screenshot(page, join(screenshots, 'studio-project-restored.png'));
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('crm-to-erp.mapwright.json — Mapwright');
    expect(readFileSync(project, 'utf8')).toBe(edited);
    const left = await api.listBackups();
    expect(left.ok && left.value).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('asks what to do when another program changed the file, reloads it and reruns the preview', async () => {
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, project);
    await page.getByRole('button', { name: 'Run' }).click();
    const output = await outputAsText(page);
    await expect.poll(async () => (await output.count()) && JSON.parse((await output.textContent()) ?? '{}').status).toBe('ACTIVE');

    // Another program renames the document and maps status "A" differently.
    const theirs = renamed(readFileSync(project, 'utf8'), 'Changed by another program').replace('"A": "ACTIVE"', '"A": "ENABLED"');
    writeFileSync(project, theirs);
    const dialog = page.getByRole('dialog', { name: 'Project changed on disk' });
    // Focus until the studio has noticed: on a busy machine the first check may still be on its way.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.dispatchEvent(new Event('focus')));
        return dialog.count();
      })
      .toBe(1);
    await screenshot(page, join(screenshots, 'studio-project-conflict.png'));
    await dialog.getByRole('button', { name: /^Reload from disk/ }).click();
    await expect.poll(() => page.locator('.title-text').textContent()).toBe('Changed by another program');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.title()).toBe('crm-to-erp.mapwright.json — Mapwright');
    // The new text is recompiled and, as the user had run the preview, run again without a click.
    await expect.poll(() => page.getByTestId('jsonata').textContent()).toContain('"A": "ENABLED"');
    await expect.poll(async () => (await output.count()) && JSON.parse((await output.textContent()) ?? '{}').status).toBe('ENABLED');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('asks before unsaved work is replaced by another project', async () => {
    const api = createHttpStudioClient({ baseUrl: new URL(host.url).origin, token: host.token });
    const text = renamed(readFileSync(project, 'utf8'), 'Work in progress');
    expect((await api.backupUnsaved({ sessionId: 'replace-test', path: project, text })).ok).toBe(true);
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('backup-banner').getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByTestId('project-name').getAttribute('data-dirty')).toBe('true');
    await expect.poll(() => page.locator('.title-text').textContent()).toBe('Work in progress');

    const shipment = page.getByRole('button', { name: /Shipment/ });
    await shipment.click();
    const dialog = page.getByRole('dialog', { name: 'Unsaved changes' });
    await dialog.waitFor();
    await screenshot(page, join(screenshots, 'studio-project-unsaved.png'));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.title-text').textContent()).toBe('Work in progress');
    await expect.poll(() => page.getByTestId('project-name').getAttribute('data-dirty')).toBe('true');

    await shipment.click();
    await dialog.getByRole('button', { name: 'Don’t save' }).click();
    await expect.poll(() => shipment.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.title()).toMatch(/^shipment.*\.mapwright\.json — Mapwright$/);
    // The work was given up deliberately: its backup is gone, and the file was not touched.
    await expect
      .poll(async () => {
        const left = await api.listBackups();
        return left.ok && left.value.map((backup) => backup.id);
      })
      .not.toContain('replace-test');
    expect(readFileSync(project, 'utf8')).not.toContain('Work in progress');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a project from a newer Mapwright read-only', async () => {
    const future = join(root, 'work', 'crm', 'future.mapwright.json');
    const doc = JSON.parse(original) as { formatVersion: number };
    doc.formatVersion = 99;
    writeFileSync(future, JSON.stringify(doc, null, 2));
    const { page, problems } = await openPage(session, host.url);
    await openByPath(page, future);
    await page.getByTestId('readonly-notice').waitFor();
    expect(await page.title()).toBe('future.mapwright.json (read-only) — Mapwright');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, join(screenshots, 'studio-project-readonly.png'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves a sample only as a copy, explains that dropping needs the desktop app, starts an untitled project', async () => {
    const { page, problems } = await openPage(session, host.url);
    await page.getByTestId('jsonata').waitFor();
    // A bundled sample is never overwritten: Save asks for a place of the user's own.
    await page.keyboard.press('Control+s');
    const saveAs = page.getByRole('dialog', { name: 'Save project as' });
    await saveAs.waitFor();
    expect(await saveAs.getByLabel('Project file (absolute path)').inputValue()).toBe('');
    await saveAs.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => saveAs.count()).toBe(0);

    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{}'], 'orders.mapwright.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    });
    const notice = page.locator('.notice-error [role="alert"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('desktop app');

    // New starts an untitled project; saving it asks where.
    await page.keyboard.press('Control+n');
    await expect.poll(() => page.title()).toBe('Untitled mapping — Mapwright');
    await screenshot(page, join(screenshots, 'studio-project-untitled.png'));
    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Project file (absolute path)').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
