/**
 * The generated hostile-input corpus: every generator, seeded, written to a
 * folder at test time (never committed). The same seed gives the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom } from '../helpers/seeded-random';
import type { HostileCase, HostileContent } from './hostile-case';
import { documentCases, expressionCases } from './generate-documents';
import { jsonCases, jsonlCases } from './generate-json';
import { jsonSchemaCases, openApiCases, xsdCases } from './generate-schemas';
import { csvCases, xmlCases } from './generate-xml-csv';

/** The seed of the committed suite; change it to explore other files. */
export const HOSTILE_SEED = 0x11_0b57;

/** Files every run may use: a small payload of each kind, an identity expression and a masking key. */
const COMMON: Record<string, HostileContent> = {
  'common/small.json': '{"id":"7","name":"Ann Smith","email":"ann@example.com","tags":["a","b"]}',
  'common/small.xml': '<?xml version="1.0"?><r id="7"><name>Ann Smith</name><email>ann@example.com</email></r>',
  'common/proto.json': '{"__proto__":"a","constructor":{"prototype":{"polluted":"b"}}}',
  'common/identity.jsonata': '$',
  'mask.key': `${'ab'.repeat(32)}\n`,
};

/** Every hostile case, in a fixed order. Each generator gets its own seeded stream. */
export function generateHostileCases(seed: number = HOSTILE_SEED): HostileCase[] {
  const generators = [jsonCases, jsonlCases, xmlCases, csvCases, jsonSchemaCases, openApiCases, xsdCases, documentCases, expressionCases];
  return generators.flatMap((generate, i) => generate(seededRandom(seed + i)));
}

function write(root: string, relative: string, content: HostileContent): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  // Owner-only, as a masking key must be (mask warns otherwise).
  writeFileSync(path, content, { mode: 0o600 });
}

/** Writes `cases` and the common files under `root`; returns the absolute path of each case's file. */
export function writeHostileCases(root: string, cases: HostileCase[]): string[] {
  mkdirSync(join(root, 'out'), { recursive: true });
  for (const [relative, content] of Object.entries(COMMON)) write(root, relative, content);
  return cases.map((c) => {
    for (const [relative, content] of Object.entries(c.companions ?? {})) write(root, relative, content);
    write(root, c.file, c.content);
    return join(root, c.file);
  });
}

/** The argv of one run of `c`, with `{f}`, `{dir}` and `{name}` filled in. */
export function hostileArgv(root: string, c: HostileCase, run: readonly string[]): string[] {
  const name = c.file.replace(/[^A-Za-z0-9.-]/g, '_');
  return run.map((arg) => arg.replaceAll('{f}', join(root, c.file)).replaceAll('{dir}', root).replaceAll('{name}', name));
}
