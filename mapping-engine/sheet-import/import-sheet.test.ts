/**
 * Mapping spreadsheet import: the spec every sample exports (CSV and XLSX)
 * imports back into the sample with its rules removed, giving the same
 * rules (targets, sources, transforms, policies, defaults, notes); rows
 * naming fields the schemas lack are unresolved.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../document/edits/apply-edit';
import { loadDocument } from '../document/load-document';
import { mappingDocumentSchema } from '../document/document-schema';
import { pathKey } from '../document/edits/edit-paths';
import { exportProject } from '../node/export/export-project';
import { readXlsxSheet } from '../node/export/xlsx-import';
import { createFsResolver } from '../node/fs-resolver';
import { loadTargetSchema } from '../validate/load-target';
import { SAMPLES_DIR, sampleProjects } from '../../tests/helpers/sample-projects';
import { describeChain } from '../spec/describe-transform';
import { importSheet, SPEC_COLUMNS, splitSources } from './import-sheet';
import { readCsvSheet } from './sheet-table';

const key = (target: string, sources: readonly string[]) => `${pathKey(target)} <- ${sources.join(' | ')}`;

describe('spec round trip', () => {
  it.each(sampleProjects().map((p) => [p.slice(SAMPLES_DIR.length + 1).split('/')[0]!, p]))('%s', async (_name, file) => {
    const { document } = loadDocument(readFileSync(file, 'utf8'), file);
    const resolver = createFsResolver();
    const source = await loadTargetSchema({ ...document, target: document.source }, file, resolver);
    const target = await loadTargetSchema(document, file, resolver);
    const schemas = { ...(source?.schema ? { sourceRoot: source.schema.root } : {}), ...(target?.schema ? { targetRoot: target.schema.root } : {}) };
    const empty = { ...document, rules: [] };
    const tables = [readCsvSheet(String(await exportProject(file, 'csv', { runTests: false })), 'spec.csv'), await readXlsxSheet((await exportProject(file, 'xlsx', { runTests: false })) as Uint8Array, 'spec.xlsx')];
    for (const table of tables) {
      const imported = importSheet(empty, table, undefined, schemas);
      const result = applyEdits(empty, imported.edits);
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
      if (!result.ok) return;
      // Every rule comes back whole, transforms, policy, default and notes included (read from the JSONata column).
      expect(result.document.rules).toEqual(document.rules);
      // What stays unresolved is the target schema's unmapped fields, which have no source.
      expect(imported.unresolved.every((u) => u.reason.startsWith('no source'))).toBe(true);
    }
    // Without the rule column, the JSONata is read back: each rule exactly, or (a field whose text depends on other
    // fields) a direct copy of the same sources with the words as notes; never a different transform.
    const fromJsonata = applyEdits(empty, importSheet(empty, tables[0]!, { ...SPEC_COLUMNS, rule: undefined }, schemas).edits);
    expect(fromJsonata.ok).toBe(true);
    for (const rule of fromJsonata.ok ? fromJsonata.document.rules : []) {
      const original = document.rules.find((r) => r.target === rule.target)!;
      if (rule.transforms.length > 0 || original.transforms.length === 0) expect(rule).toEqual(original);
      else expect(rule.sources).toEqual(original.sources);
    }
    // With neither, the same sheet gives direct copies of the same targets and sources, the rest as notes.
    const words = importSheet(empty, tables[0]!, { ...SPEC_COLUMNS, jsonata: undefined, rule: undefined }, schemas);
    const copies = applyEdits(empty, words.edits);
    expect(copies.ok && copies.document.rules.map((r) => key(r.target, r.sources))).toEqual(document.rules.filter((r) => r.sources.length > 0).map((r) => key(r.target, r.sources)));
  });
});

describe('importSheet', () => {
  const doc = mappingDocumentSchema.parse({ formatVersion: 1, name: 't', source: { format: 'json' }, target: { format: 'json' } });
  const origin = { kind: 'sample' as const };
  const field = (name: string) => ({ name, path: [name], type: 'string' as const, repeating: false, required: false, origin });
  const root = (...names: string[]) => ({ name: '', path: [], type: 'object' as const, repeating: false, required: false, origin, children: names.map(field) });

  it('uses the chosen columns, keeps rule text as notes and lists the rest as unresolved', () => {
    const table = { headers: ['Ziel', 'Quelle', 'Regel'], rows: [['name', 'fullName', 'trim it'], ['zip', 'postal', ''], ['nothing', 'fullName', ''], ['', '', '']] };
    const out = importSheet(doc, table, { target: 'ziel', sources: 'QUELLE', ruleText: 'Regel' }, { sourceRoot: root('fullName', 'postal'), targetRoot: root('name', 'zip') });
    expect(out.edits).toEqual([
      { kind: 'addRule', rule: { target: 'name', sources: ['fullName'], notes: 'trim it' } },
      { kind: 'addRule', rule: { target: 'zip', sources: ['postal'] } },
    ]);
    expect(out.unresolved).toEqual([{ row: 4, target: 'nothing', sources: ['fullName'], reason: 'the target schema has no such field' }]);
  });
  it('reads a rule from its JSON or its JSONata cell, and a cell that reads as no rule as a direct copy', () => {
    const headers = ['Target field', 'Source fields', 'Transform', 'JSONata', 'Notes', 'Rule (JSON)'];
    const rows = [
      ['name', 'fullName', 'trim it', '', 'n', '{"transforms":[{"kind":"trim"}],"required":"error"}'],
      ['zip', 'postal', describeChain([{ kind: 'valueMap', entries: { A: '1', B: null }, onUnknown: 'keep' }], 1), '$omitEmpty(($v := postal; $k := $string($v); $exists($v) ? ($exists($lookup($zipMap, $k)) ? $lookup($zipMap, $k) : $v) : ()))', '', ''],
      ['city', 'town', 'upper case', '$uppercase(town) & "!"', '', '{"required":"sometimes"}'],
    ];
    const out = importSheet(doc, { headers, rows }, SPEC_COLUMNS, { sourceRoot: root('fullName', 'postal', 'town'), targetRoot: root('name', 'zip', 'city') });
    expect(out.edits).toEqual([
      // The words differ from what the rule does (a person wrote them), so they are kept as a note.
      { kind: 'addRule', rule: { target: 'name', sources: ['fullName'], transforms: [{ kind: 'trim' }], required: 'error', notes: 'trim it\nn' } },
      { kind: 'addRule', rule: { target: 'zip', sources: ['postal'], transforms: [{ kind: 'valueMap', entries: { A: '1', B: null }, onUnknown: 'keep' }], required: 'omit' } },
      { kind: 'addRule', rule: { target: 'city', sources: ['town'], notes: 'upper case' } },
    ]);
  });

  it('reads a JSONata cell written with every $text, as earlier versions wrote it, and as written now', () => {
    const headers = ['Target field', 'Source fields', 'JSONata'];
    const rows = [
      ['first', 'fullName', '$required($split($text($trim($text(fullName))), " ")[0], "first")'],
      ['last', 'fullName', '$required($split($trim($text(fullName)), " ")[-1], "last")'],
    ];
    const out = importSheet(doc, { headers, rows }, { target: 'Target field', sources: 'Source fields', jsonata: 'JSONata' }, { sourceRoot: root('fullName'), targetRoot: root('first', 'last') });
    const split = (index: number) => [{ kind: 'trim' }, { kind: 'split', separator: ' ', index }];
    expect(out.edits).toEqual([
      { kind: 'addRule', rule: { target: 'first', sources: ['fullName'], transforms: split(0), required: 'error' } },
      { kind: 'addRule', rule: { target: 'last', sources: ['fullName'], transforms: split(-1), required: 'error' } },
    ]);
  });

  it('refuses a column the sheet does not have with IMPORT_SHEET', () => {
    expect(() => importSheet(doc, { headers: ['a'], rows: [] })).toThrow(expect.objectContaining({ code: 'IMPORT_SHEET' }));
  });
  it('splits sources by line or comma, not inside backticks', () => {
    expect(splitSources('a, `b,c`\nd')).toEqual(['a', '`b,c`', 'd']);
  });
  it('reads a CSV sheet and drops the formula guard', () => {
    expect(readCsvSheet("Target field,Source fields\nx,\"'-a\"\n")).toEqual({ headers: ['Target field', 'Source fields'], rows: [['x', '-a']] });
  });
});
