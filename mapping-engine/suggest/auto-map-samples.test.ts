/**
 * Auto-map on every bundled sample: the sample's rules and array contexts are
 * removed and rebuilt from suggestions alone; precision and recall per
 * sample, of the rules and of the array contexts, must match the tables in docs/auto-map.md (the numbers the docs
 * promise are the numbers the code gives) and stay above a floor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../document/load-document';
import { createFsResolver } from '../node/fs-resolver';
import { SAMPLES_DIR, sampleProjects } from '../../tests/helpers/sample-projects';
import { autoMapQuality, emptied } from './auto-map-quality';
import { suggestForProject } from './suggest-project';
import { acceptSuggestions } from './suggest-project';

const DOC = readFileSync(join(SAMPLES_DIR, '..', 'docs', 'auto-map.md'), 'utf8');

describe('auto-map rebuilds the samples', () => {
  it.each(sampleProjects().map((p) => [p.slice(SAMPLES_DIR.length + 1).split('/')[0]!, p]))('%s', async (name, file) => {
    const { document } = loadDocument(readFileSync(file, 'utf8'), file);
    const empty = emptied(document);
    const suggestions = await suggestForProject(empty, file, createFsResolver());
    const quality = autoMapQuality(document, suggestions);
    const row = `| ${name} | ${quality.rules} | ${quality.suggested} | ${quality.judged} | ${quality.correct} | ${quality.precision.toFixed(2)} | ${quality.recall.toFixed(2)} | ${quality.transformsToo} |`;
    expect(DOC, `docs/auto-map.md should hold the row\n${row}`).toContain(row);
    const a = quality.arrays;
    const arrayRow = `| ${name} | ${a.contexts} | ${a.suggested} | ${a.correct} | ${a.precision.toFixed(2)} | ${a.recall.toFixed(2)} |`;
    expect(DOC, `docs/auto-map.md should hold the array row\n${arrayRow}`).toContain(arrayRow);
    // The payments sample groups CSV rows into payment blocks and names its columns in German against
    // ISO 20022 abbreviations: auto-map finds little there (docs/auto-map.md says why).
    const weak = name === 'payments-csv-to-pain001';
    expect(quality.precision).toBeGreaterThanOrEqual(weak ? 0.3 : 0.75);
    expect(quality.recall).toBeGreaterThanOrEqual(weak ? 0 : 0.5);
    // Accepting everything is one valid edit of the emptied document.
    const accepted = acceptSuggestions(empty, suggestions);
    expect(accepted.ok ? 'ok' : accepted.error.message).toBe('ok');
  });
});
