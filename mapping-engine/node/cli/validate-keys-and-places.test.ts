/**
 * `mapwright validate` on broken copies of the payments sample: a typo in an
 * array context's group key, sort key or record key is a problem at its line
 * (at run time it would group, sort or name by nothing, without an error), and
 * a transform that cannot work as configured (a regex matching empty text, a
 * date pattern with an unknown letter) is a problem at its rule's line, not
 * only a message naming the field; so is a parent's own rule beside rules
 * inside it, with what to do instead.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/run-cli';
import { SAMPLES_DIR } from '../../../tests/helpers/sample-projects';

const NAME = 'payments-csv-to-pain001';
type Doc = { arrays: Array<Record<string, unknown>>; rules: Array<{ target: string; transforms?: unknown[] }> };

/** A copy of the payments sample with `edit` applied to its document; returns the project file and its text. */
function brokenCopy(edit: (doc: Doc) => void): { file: string; text: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'mapwright-validate-keys-')), NAME);
  cpSync(join(SAMPLES_DIR, NAME), dir, { recursive: true });
  const file = join(dir, `${NAME}.mapwright.json`);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
  edit(doc);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  writeFileSync(file, text);
  return { file, text };
}

/** The 1-based line of the first line of `text` containing `needle` after line `after`. */
function lineOf(text: string, needle: string, after = 0): number {
  const index = text.split('\n').findIndex((line, i) => i >= after && line.includes(needle));
  expect(index, needle).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** `CODE file:line` of each printed problem. */
function places(err: string): string[] {
  return err
    .trim()
    .split('\n')
    .map((line) => /^([A-Z_]+) (.*?):(\d+):\d+: /.exec(line))
    .map((m) => (m ? `${m[1]} ${m[3]}` : 'unplaced'));
}

describe('mapwright validate: array keys and compile problems in place', () => {
  it('reports a misspelt group, sort and record key at its line', async () => {
    const { file, text } = brokenCopy((doc) => {
      doc.arrays[0]!.groupBy = '`Ausfuhrungsdatum`';
      (doc.arrays[0]!.sort as { field: string }).field = '`Ausführungsdatu`';
      doc.arrays[1]!.recordKey = '`Zahlungs-No`';
    });
    const { code, err } = await runCli('validate', file);
    expect(code).toBe(1);
    expect(places(err).sort()).toEqual(
      [`MAP_UNKNOWN_SOURCE ${lineOf(text, '"groupBy"')}`, `MAP_UNKNOWN_SOURCE ${lineOf(text, '"field": "`Ausführungsdatu`"')}`, `MAP_UNKNOWN_SOURCE ${lineOf(text, '"recordKey"')}`].sort(),
    );
    // Each names the column it meant.
    expect(err.match(/did you mean (\S+)\?/g)).toEqual(['did you mean Ausführungsdatum?', 'did you mean Ausführungsdatum?', 'did you mean Zahlungs-Nr?']);
  });

  it('places a regex that can match empty text at its transform, and a bad group key pattern at the group transforms', async () => {
    const regex = brokenCopy((doc) => {
      doc.rules.find((r) => r.target.endsWith('RmtInf.Ustrd'))!.transforms = [{ kind: 'replace', pattern: 'x*', replacement: '-', regex: true }];
    });
    const first = await runCli('validate', regex.file);
    expect(first.code).toBe(1);
    // At the transform's opening brace, the line above its kind.
    expect(places(first.err)).toEqual([`TRANSFORM_INVALID ${lineOf(regex.text, '"kind": "replace"') - 1}`]);

    const group = brokenCopy((doc) => {
      doc.arrays[0]!.groupTransforms = [{ kind: 'date', from: 'dd.QQ.yyyy', to: 'yyyy-MM-dd' }];
    });
    const second = await runCli('validate', group.file);
    expect(second.code).toBe(1);
    expect(places(second.err)).toEqual([`TRANSFORM_INVALID ${lineOf(group.text, '"groupTransforms"')}`]);
  });

  it("places a parent's own rule beside rules inside it at the parent's rule, with the way out, whichever comes first", async () => {
    const parent = { target: 'Document.CstmrCdtTrfInitn.PmtInf.CdtTrfTxInf.CdtrAgt', sources: ['BIC'], transforms: [{ kind: 'custom', expression: '{"FinInstnId": {"BIC": $}}' }] };
    for (const first of [false, true]) {
      const { file, text } = brokenCopy((doc) => {
        if (first) doc.rules.unshift(parent);
        else doc.rules.push(parent);
      });
      const { code, err } = await runCli('validate', file);
      expect(code).toBe(1);
      // At the opening brace of the parent's rule, the line above its target.
      expect(places(err)).toEqual([`COMPILE_INVALID ${lineOf(text, `"target": "${parent.target}"`) - 1}`]);
      expect(err).toContain('map the fields inside it one by one');
    }
  });
});
