/**
 * A studio backend over a temp copy of the repository samples, for backend
 * tests: one runner pool per test file, temp folders removed after each test,
 * a folder outside every trusted root, and a masking key.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createFileAccess, type FileAccess } from '../../electron/backend/engine/file-access';
import { createStudioBackend } from '../../electron/backend/studio-backend';
import type { StudioApi } from '../../electron/contract/studio-api';
import { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';

const repo = join(import.meta.dirname, '..', '..');

/** What a backend test works with. */
export interface BackendFixture {
  api: StudioApi;
  access: FileAccess;
  /** The temp samples folder (granted as an opened project folder). */
  samplesDir: string;
  /** The crm-to-erp project file in the temp copy. */
  project: string;
  projectText: string;
  /** A folder outside every trusted root (the user's downloads). */
  outside: string;
}

/** Which samples to copy: all of them, or only the named ones (faster). */
export interface BackendFixtureOptions {
  samples?: readonly string[];
}

/**
 * Registers the pool and clean-up hooks of the calling test file and returns
 * the function that builds a fresh fixture for one test.
 */
export function useBackendFixtures(): (options?: BackendFixtureOptions) => BackendFixture {
  const temps: string[] = [];
  let pool: RunnerPool;
  beforeAll(() => {
    pool = new RunnerPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (options = {}) => {
    const root = mkdtempSync(join(tmpdir(), 'mapwright-backend-'));
    temps.push(root);
    const samplesDir = join(root, 'samples');
    if (options.samples) {
      for (const id of options.samples) cpSync(join(repo, 'samples', id), join(samplesDir, id), { recursive: true });
    } else {
      cpSync(join(repo, 'samples'), samplesDir, { recursive: true });
    }
    const outside = join(root, 'downloads');
    mkdirSync(outside);
    const keyFile = join(root, 'mask.key');
    writeFileSync(keyFile, `${'ab12'.repeat(16)}\n`, { mode: 0o600 });
    // The temp samples folder stands for a project folder the user opened (read, save, import, export into it);
    // the bundled samples' read-only rule is tested in tests/security/.
    const access = createFileAccess([], [samplesDir]);
    const api = createStudioBackend({ samplesDir, appVersion: '1.0.0', platform: 'linux', runner: pool, maskKeyFile: keyFile, fileAccess: access });
    const project = join(samplesDir, 'crm-to-erp', 'crm-to-erp.mapwright.json');
    return { api, access, samplesDir, project, projectText: readFileSync(project, 'utf8'), outside };
  };
}

/** Unwraps a successful result, failing the test with the coded error otherwise. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}
