/**
 * A project at enterprise size in the browser studio (issue 20): the size
 * benchmark's generated 500-rule project (JSON Schema source and target of
 * 2,500 fields each, four array contexts) is the only sample of
 * `npm run web -- --samples DIR`; the user opens the studio on it, presses
 * Run and reads the mapped output, validated against the target schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSizeProject } from '../../bench/size/size-project';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { CHROMIUM_PATH, hasChromium, launchChromium, openPage, scratchSettingsDir, type ChromiumSession } from './chromium';
import { outputAsText } from './studio-actions';

describe.skipIf(!hasChromium)(`a 500-rule project in the studio (skipped when ${CHROMIUM_PATH} is missing)`, () => {
  let session: ChromiumSession;
  let host: WebHost;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-size-'));
    await writeSizeProject(join(root, 'size-500'), 500);
    session = await launchChromium();
    host = await startWebHost({ samplesDir: root, settingsDir: scratchSettingsDir() });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('opens the project, runs it on its sample and shows the output, valid against the target', async () => {
    const { page, problems } = await openPage(session, host.url);
    const jsonata = page.getByTestId('jsonata');
    await jsonata.waitFor();
    await expect.poll(() => jsonata.textContent(), { timeout: 60_000 }).toContain('"block00": {');
    const state = page.getByTestId('run-state');
    // The live preview runs as soon as the project is open; its first run compiles the 2,500-field target's validator.
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');

    const output = await outputAsText(page);
    await output.waitFor();
    const mapped = JSON.parse((await output.textContent()) ?? '') as Record<string, unknown>;
    expect(Object.keys(mapped)).toEqual(expect.arrayContaining(['block00', 'lines', 'partners', 'allowances', 'taxes']));
    expect(mapped.lines).toHaveLength(3);
    await expect.poll(() => page.getByTestId('validation-state').textContent(), { timeout: 60_000 }).toBe('valid against the target schema');
    expect(problems).toEqual([]);
    await page.close();
  });
});
