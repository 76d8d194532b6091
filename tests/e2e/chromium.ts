/**
 * Debian's Chromium driven by playwright-core (which downloads no browser).
 * The flags keep it headless and quiet on a machine without a network:
 * without the background-networking ones Chromium keeps trying to reach
 * Google's services.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** True when the browser is installed (the e2e tests skip otherwise). */
export const hasChromium = existsSync(CHROMIUM_PATH);

/** A browser with a fresh profile, and how to dispose of both. */
export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Chromium with a new, empty user-data directory. */
export async function launchChromium(): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), 'mapwright-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh settings folder for a web host under test, so tests never write the
 * user's real recent-files list or backups.
 */
export function scratchSettingsDir(): string {
  return mkdtempSync(join(tmpdir(), 'mapwright-e2e-settings-'));
}

/**
 * Opens `url` in a new page that records console errors and uncaught
 * exceptions, so a test can assert that none happened (a CSP violation shows
 * up only as a console error).
 */
export async function openPage(session: ChromiumSession, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await session.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return { page, problems };
}
