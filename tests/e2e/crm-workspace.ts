/**
 * The set-up the live-feedback e2e files share: one Chromium, one web host
 * whose readable root is a scratch `work/` folder, and copies of the
 * crm-to-erp sample made there (changed per test) to open by path.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/web-host';
import { launchChromium, type ChromiumSession } from './chromium';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');

/** What {@link useCrmWorkspace} gives a describe block (valid inside its tests). */
export interface CrmWorkspace<Doc> {
  readonly session: ChromiumSession;
  readonly host: WebHost;
  /** The scratch folder; projects lie in `work/<name>/`. */
  readonly root: string;
  /** A copy of the sample (crm-to-erp unless told) in `work/<name>/`, its document changed by `change`; returns the project file. */
  project(name: string, change?: (doc: Doc, folder: string) => void): string;
}

/** Registers the hooks of a shared workspace in the calling describe block; `sample` names the bundled sample the projects copy. */
export function useCrmWorkspace<Doc>(prefix: string, sample = 'crm-to-erp'): CrmWorkspace<Doc> {
  let session: ChromiumSession | undefined;
  let host: WebHost | undefined;
  let root: string | undefined;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), prefix));
    mkdirSync(join(root, 'work'));
    session = await launchChromium();
    host = await startWebHost({ samplesDir, settingsDir: join(root, 'settings'), readRoots: [join(root, 'work')] });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await session?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return {
    get session() {
      return session!;
    },
    get host() {
      return host!;
    },
    get root() {
      return root!;
    },
    project(name, change = () => undefined) {
      const folder = join(root!, 'work', name);
      cpSync(join(samplesDir, sample), folder, { recursive: true });
      const file = join(folder, `${sample}.mapwright.json`);
      const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
      change(doc, folder);
      writeFileSync(file, JSON.stringify(doc, null, 2));
      return file;
    },
  };
}
