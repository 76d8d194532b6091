/**
 * `npm start` without the Electron binary and no way to download it (offline):
 * it says so and names `npm run web`, instead of a download stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', 'bin', 'start-studio.mjs');

describe('npm start', () => {
  it('names npm run web when the Electron binary cannot be had', async () => {
    const electron = mkdtempSync(join(tmpdir(), 'mapwright-electron-'));
    // An electron package without its binary whose download fails, as offline.
    writeFileSync(join(electron, 'install.js'), "console.error('TypeError: fetch failed'); process.exit(1);\n");
    const result = await promisify(execFile)(process.execPath, [script], { env: { ...process.env, MAPWRIGHT_ELECTRON_DIR: electron } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the Electron binary could not be downloaded');
    expect(result.stderr).toContain('npm run web');
  });
});
