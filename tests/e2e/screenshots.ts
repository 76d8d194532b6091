/**
 * Screenshots, taken only when MAPWRIGHT_SCREENSHOTS=1: an ordinary test run
 * must not change committed files (docs/images) nor spend time on pictures
 * nobody looks at. Every screenshot of the e2e tests goes through
 * {@link screenshot}.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** True when the run should (re)write docs/images and the debugging pictures. */
export const takeScreenshots = process.env.MAPWRIGHT_SCREENSHOTS === '1';

/** docs/images of the repository (committed: the README shows them). */
export const DOC_IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');

/** tests/e2e/screenshots (ignored by git): pictures for looking at a run. */
export const TEST_SHOTS = join(import.meta.dirname, 'screenshots');

/** Options passed on to playwright's `screenshot` (the path is the helper's). */
export interface ShotOptions {
  fullPage?: boolean;
}

/**
 * Writes a PNG of `target` (a page or one element) to `path`, creating its
 * folder; does nothing unless {@link takeScreenshots}.
 */
export async function screenshot(target: Page | Locator, path: string, options: ShotOptions = {}): Promise<void> {
  if (!takeScreenshots) return;
  mkdirSync(dirname(path), { recursive: true });
  await target.screenshot({ path, ...options });
}

/**
 * Writes `docs/images/<name>-light.png` and `<name>-dark.png` of `target`
 * (the page by default) as it is, then puts the page back in light; does
 * nothing unless {@link takeScreenshots}.
 */
export async function screenshotBothSchemes(page: Page, name: string, target: Page | Locator = page): Promise<void> {
  if (!takeScreenshots) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(target, join(DOC_IMAGES, `${name}-${scheme}.png`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
