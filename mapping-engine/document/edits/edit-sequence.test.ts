/**
 * Long seeded sequences of valid and invalid edits over every sample: each
 * accepted edit gives a document the full schema accepts unchanged and the
 * compiler compiles; each refused one is EDIT_INVALID, never INTERNAL; no
 * edit changes its input (the documents are frozen).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/helpers/seeded-random';
import { compileDocument } from '../../compiler/compile-document';
import { mappingDocumentSchema, type MappingDocument } from '../document-schema';
import { validateDocument } from '../load-document';
import { applyEdit } from './apply-edit';
import type { DocumentEdit } from './edit-types';
import { deepFreeze, frozenDoc } from './edit-test-helpers';
import { transformPalette } from './transform-palette';

const samples = join(import.meta.dirname, '../../../samples');

function sampleDocs(): Array<[string, MappingDocument]> {
  return readdirSync(samples).map((id) => {
    const file = readdirSync(join(samples, id)).find((f) => f.endsWith('.mapwright.json'))!;
    return [id, frozenDoc(validateDocument(JSON.parse(readFileSync(join(samples, id, file), 'utf8'))))];
  });
}

const TARGETS = ['a', 'a.b', 'a.b.c', '`x y`', 'lines', 'lines.sku', 'lines.parts.n', 'contacts.kind', 'address.zip', 'bad..path', 'Invoice.Note'];
const SOURCES = ['x', 'billing.city', '../accountId', '../../id', '/root.id', '.', '$key', 'a..b', '`Order Date`'];
const BAD_TRANSFORMS = [{ kind: 'pad', width: 0 }, { kind: 'replace', pattern: '(', replacement: '', regex: true }, { kind: 'date', from: 'dd.QQ', to: 'iso' }, { kind: 'lookup', table: 'missing' }, { kind: 'custom', expression: '1 +' }];

function generator(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (n: number) => Math.floor(random() * n) - 1;
  const transform = () => (random() < 0.8 ? pick(transformPalette()).initial : pick(BAD_TRANSFORMS));
  return (doc: MappingDocument): DocumentEdit => {
    const target = random() < 0.7 && doc.rules.length > 0 ? pick(doc.rules).target : pick(TARGETS);
    const array = random() < 0.7 && doc.arrays.length > 0 ? pick(doc.arrays).target : pick(TARGETS);
    const lookup = random() < 0.7 && Object.keys(doc.lookups).length > 0 ? pick(Object.keys(doc.lookups)) : pick(['t1', 'countries', '9bad']);
    const edits: DocumentEdit[] = [
      { kind: 'linkSource', target: pick(TARGETS), source: pick(SOURCES) },
      { kind: 'linkSource', target, source: pick(SOURCES) },
      { kind: 'unlinkSource', target, source: pick(doc.rules.find((r) => r.target === target)?.sources ?? SOURCES) },
      { kind: 'addRule', rule: { target: pick(TARGETS), sources: [pick(SOURCES)], transforms: [transform() as never] } },
      { kind: 'removeRule', target },
      { kind: 'moveRule', target, toIndex: int(doc.rules.length + 1) },
      { kind: 'retargetRule', target, newTarget: pick(TARGETS) },
      { kind: 'setSources', target, sources: random() < 0.2 ? [] : [pick(SOURCES), pick(SOURCES)] },
      { kind: 'insertTransform', target, index: int(3), transform: transform() as never },
      { kind: 'setTransform', target, index: int(3), transform: transform() as never },
      { kind: 'removeTransform', target, index: int(3) },
      { kind: 'moveTransform', target, from: int(3), to: int(3) },
      { kind: 'setRequired', target, required: pick(['omit', 'default', 'error'] as const), ...(random() < 0.5 ? { default: 'D' } : {}) },
      { kind: 'setDefault', target, ...(random() < 0.5 ? { default: 0 } : {}) },
      { kind: 'addArray', context: { target: pick(TARGETS), source: pick(SOURCES), ...(random() < 0.3 ? { groupBy: 'k' } : {}) } },
      { kind: 'setArray', target: array, context: { target: array, source: pick(SOURCES), ...(random() < 0.3 ? { groupBy: 'k' } : {}) } },
      { kind: 'removeArray', target: array },
      { kind: 'setLookup', name: lookup, table: random() < 0.5 ? { entries: { A: 'B' } } : { file: 'l.csv', keyColumn: 'k', valueColumn: 'v' } },
      { kind: 'renameLookup', name: lookup, newName: pick(['t2', 'countries', 'x y']) },
      { kind: 'removeLookup', name: lookup },
      { kind: 'addTest', test: { name: pick(['t', 'u']), input: 'in.json', expected: pick(['out.json', '/abs.json']) } },
      { kind: 'setRecordKey', recordKey: pick(SOURCES) },
    ];
    const edit = pick(edits);
    return random() < 0.1 ? { kind: 'batch', edits: [edit, pick(edits)] } : edit;
  };
}

/** Entries for every CSV lookup table, which the host would read from files. */
function tables(doc: MappingDocument): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.keys(doc.lookups).map((name) => [name, {}]));
}

describe('edit sequences', () => {
  it.each(sampleDocs())('%s: 400 random edits keep the document valid and compilable', (_id, start) => {
    const next = generator(seededRandom(start.rules.length * 7919 + start.name.length));
    let doc = start;
    let accepted = 0;
    for (let step = 0; step < 400; step++) {
      const edit = next(doc);
      const result = applyEdit(doc, edit);
      if (!result.ok) {
        expect(result.error.code, `${JSON.stringify(edit)}: ${result.error.message}`).toBe('EDIT_INVALID');
        continue;
      }
      accepted++;
      expect(mappingDocumentSchema.parse(result.document), JSON.stringify(edit)).toEqual(result.document);
      expect(() => compileDocument(result.document, { tables: tables(result.document) }), JSON.stringify(edit)).not.toThrow();
      doc = deepFreeze(result.document); // not re-parsed, so the rule index is handed on as in the studio
    }
    expect(accepted).toBeGreaterThan(40);
  });
});
