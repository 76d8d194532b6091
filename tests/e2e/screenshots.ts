/**
 * Screenshots for the docs, taken only when MAPWRIGHT_SCREENSHOTS=1: an
 * ordinary test run must not change committed files (docs/images).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** True when the run should (re)write docs/images. */
export const takeScreenshots = process.env.MAPWRIGHT_SCREENSHOTS === '1';

/** docs/images of the repository. */
export const DOC_IMAGES = join(import.meta.dirname, '..', '..', 'docs', 'images');

/**
 * Writes `docs/images/<name>-light.png` and `<name>-dark.png` of the page as
 * it is, then puts the page back in light; does nothing
 * unless {@link takeScreenshots}.
 */
export async function screenshotBothSchemes(page: Page, name: string): Promise<void> {
  if (!takeScreenshots) return;
  mkdirSync(DOC_IMAGES, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(DOC_IMAGES, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
