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
