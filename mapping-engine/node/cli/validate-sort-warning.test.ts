/** `mapwright validate` warns, with the rule's place, when a sort key sorts dd.MM.yyyy text as text. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/run-cli';
import { SAMPLES_DIR } from '../../../tests/helpers/sample-projects';

/** The payments sample with its execution-date sort key read as text (its date transforms taken out). */
function textSortedCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'mapwright-sort-')), 'payments-csv-to-pain001');
  cpSync(join(SAMPLES_DIR, 'payments-csv-to-pain001'), dir, { recursive: true });
  const file = join(dir, 'payments-csv-to-pain001.mapwright.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { arrays: Array<{ sort?: { transforms?: unknown } }> };
  delete doc.arrays[0]!.sort!.transforms;
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  return file;
}

describe('mapwright validate and date-like sort keys', () => {
  it('prints a coded warning at the sort key and still passes', async () => {
    const file = textSortedCopy();
    const { code, out, err } = await runCli('validate', file);
    expect(code).toBe(0);
    expect(out).toBe(`ok ${file}\n`);
    const [line] = err.trim().split('\n');
    expect(line).toMatch(/^warning: /);
    expect(line).toContain('MAP_SORT_TEXT_DATE');
    // The place of `"field"` in the sort of the first array context.
    const text = readFileSync(file, 'utf8');
    const at = text.slice(0, text.indexOf('"field"')).split('\n').length;
    expect(line).toContain(`${file}:${at}:`);
  });

  it('is quiet on the sample itself, which reads the dates first', async () => {
    const { err } = await runCli('validate', join(SAMPLES_DIR, 'payments-csv-to-pain001', 'payments-csv-to-pain001.mapwright.json'));
    expect(err).toBe('');
  });
});
