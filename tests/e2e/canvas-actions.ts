/** What a user does on the canvas, shared by the browser tests of it. */
import type { Locator, Page } from 'playwright-core';

/** The row of a field tree whose accessible name starts with `name` and a comma (`status, string, required…`). */
export function treeRow(tree: Locator, name: string): Locator {
  return tree.getByRole('treeitem', { name: new RegExp(`^${name},`) });
}

/** Drags `from` onto `to` with the mouse, in steps as a hand does (each row scrolled into view first), and drops. */
export async function dragOnto(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  await to.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 3, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 3 + 12, a.y + a.height / 2 + 4, { steps: 3 });
  await page.mouse.move(b.x + b.width / 3, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
