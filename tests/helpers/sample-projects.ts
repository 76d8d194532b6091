/** Where the bundled sample projects are, for tests that run over every one of them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's `samples/` folder. */
export const SAMPLES_DIR = join(import.meta.dirname, '..', '..', 'samples');

/** Absolute paths of every sample project file (`samples/<id>/*.mapwright.json`). */
export function sampleProjects(): string[] {
  return readdirSync(SAMPLES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => readdirSync(join(SAMPLES_DIR, e.name)).filter((f) => f.endsWith('.mapwright.json')).map((f) => join(SAMPLES_DIR, e.name, f)));
}
