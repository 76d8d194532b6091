/**
 * Golden files of the spec export: the Markdown and CSV of every sample
 * project, with a fixed generation date and the sample's test cases run.
 * Run with UPDATE_GOLDEN=1 to rewrite them after an intended change, then
 * review the diff. The test also checks that no value from a sample payload
 * or test file appears in any export.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProjectSpec } from '../../mapping-engine/node/export/export-project';
import { RunnerPool } from '../../mapping-engine/node/runner/runner-pool';
import { readPayload } from '../../mapping-engine/payload/read-payload';
import { renderCsv } from '../../mapping-engine/spec/render-csv';
import { renderHtml } from '../../mapping-engine/spec/render-html';
import { renderMarkdown } from '../../mapping-engine/spec/render-markdown';

const ROOT = join(import.meta.dirname, '..', '..');
const GOLDEN = join(import.meta.dirname, 'spec');
const GENERATED_AT = '2026-01-15T09:30:00.000Z';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const samples = readdirSync(join(ROOT, 'samples'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const pool = new RunnerPool();
afterAll(() => pool.close());

function checkGolden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`golden file ${file} was missing and has been written; review it and run again`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** Leaf strings of a payload that could only come from the payload (long enough not to be a field name or code by chance). */
function payloadStrings(file: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' && v.length >= 6 && !/^[\d.,\s-]+$/.test(v)) out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(readPayload(readFileSync(file), { file }).value);
  return out;
}

describe.each(samples)('spec export of %s', (sample) => {
  const projectFile = join(ROOT, 'samples', sample, `${sample}.mapwright.json`);
  const loaded = loadProjectSpec(projectFile, { generatedAt: GENERATED_AT, runner: pool });

  it('matches the golden Markdown', async () => {
    checkGolden(`${sample}.md`, renderMarkdown((await loaded).spec));
  });

  it('matches the golden CSV', async () => {
    checkGolden(`${sample}.csv`, renderCsv((await loaded).spec));
  });

  it('lists every rule of the document once, in order, and every test case with a result', async () => {
    const { project, spec } = await loaded;
    expect(spec.fields.map((f) => f.path)).toEqual(project.document.rules.map((r) => r.target));
    expect(spec.fields.every((f) => f.jsonata.length > 0 && f.transform.length > 0)).toBe(true);
    expect(spec.tests?.map((t) => t.name)).toEqual(project.document.tests.map((t) => t.name));
    expect(spec.tests?.every((t) => t.outcome !== 'not run')).toBe(true);
  });

  it('shows no value from the sample payloads or test files', async () => {
    const { project, spec } = await loaded;
    const dir = join(ROOT, 'samples', sample);
    const files = [...project.document.source.samples, ...project.document.tests.flatMap((t) => [t.input, ...(t.expected ? [t.expected] : [])])];
    const exports = [renderMarkdown(spec), renderCsv(spec), renderHtml(spec)].join('\n');
    // Values the document names (constants, value maps, defaults, notes) or its lookup tables hold may appear; payload-only values may not.
    const lookupFiles = Object.values(project.document.lookups).flatMap((t) => ('file' in t ? [readFileSync(join(dir, t.file), 'utf8')] : []));
    const documentText = [readFileSync(projectFile, 'utf8'), ...lookupFiles].join('\n');
    const leaks = [...new Set(files.flatMap((f) => payloadStrings(join(dir, f))))].filter((v) => !documentText.includes(v) && exports.includes(v));
    expect(leaks).toEqual([]);
  });
});
