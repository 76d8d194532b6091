/** What a user does in the studio, shared by the browser tests. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens `path` the way a browser user does: Ctrl+O, type the path, Open; waits until that file is the project. */
export async function openByPath(page: Page, path: string): Promise<void> {
  await page.getByTestId('jsonata').waitFor();
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open project' });
  await dialog.getByLabel('Project file (absolute path)').fill(path);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  // The bundled sample has the same file name: wait for this path (the name's tooltip).
  await expect.poll(() => page.getByTestId('project-name').getAttribute('title')).toBe(path);
}

/**
 * The live preview's output as text: the output panel shows a tree by
 * default, so this switches it to its Text view (kept while the page is
 * open) and returns the element holding the output text.
 */
export async function outputAsText(page: Page): Promise<Locator> {
  const text = page.getByRole('radiogroup', { name: 'Output view' }).getByRole('radio', { name: 'Text' });
  await text.waitFor();
  await text.check();
  return page.getByTestId('run-output');
}

/**
 * Fills the New project dialog as a user does: the name, the CRM account
 * sample and ERP customer schema lying in `picks` (each checked until its
 * format shows) and the folder to save in. Returns the dialog, not yet created.
 */
export async function fillNewCrmProject(page: Page, name: string, picks: string, folder: string): Promise<Locator> {
  await page.getByTestId('jsonata').waitFor();
  await page.getByRole('button', { name: 'New…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Project name').fill(name);
  await dialog.getByLabel(/^Source file/).fill(`${picks}/crm-account.json`);
  await dialog.getByRole('button', { name: 'Check the source file' }).click();
  await expect.poll(() => dialog.getByTestId('source-detected').textContent()).toContain('JSON sample');
  await dialog.getByLabel(/^Target file/).fill(`${picks}/erp-customer.schema.json`);
  await dialog.getByRole('button', { name: 'Check the target file' }).click();
  await expect.poll(() => dialog.getByTestId('target-detected').textContent()).toContain('JSON Schema');
  await dialog.getByLabel('Folder (absolute path)').fill(folder);
  return dialog;
}

/** {@link fillNewCrmProject}, then Create and Open project; waits until `projectFile` is the open project. */
export async function createCrmProject(page: Page, name: string, picks: string, folder: string, projectFile: string): Promise<void> {
  const dialog = await fillNewCrmProject(page, name, picks, folder);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('dialog', { name: 'Project created' }).getByRole('button', { name: 'Open project' }).click();
  await expect.poll(() => page.getByTestId('project-name').getAttribute('title')).toBe(projectFile);
}
