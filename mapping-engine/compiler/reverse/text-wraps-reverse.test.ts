/**
 * The reverse compiler reads a text transform chain back whether `$text`
 * wraps every input (as earlier versions wrote it, and as old files and
 * hand-edited text hold it) or only where it changes something (as the
 * compiler writes it now, see transforms/text-wraps.ts); a wrap left out
 * where it does change something keeps the field as custom code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MappingRule } from '../../document/document-schema';
import { createFsResolver } from '../../node/fs-resolver';
import { transformNodeSchema, type TransformNode } from '../../transforms/transform-node';
import { SAMPLES_DIR, sampleProjects } from '../../../tests/helpers/sample-projects';
import { compileDocument } from '../compile-document';
import { compileProject } from '../compile-project';
import { compileRule } from '../compile-rule';
import { fieldPlaces } from './field-places';
import { parseExpression } from './parse-expression';
import { reverseRule } from './reverse-rule';

const node = (raw: Record<string, unknown>): TransformNode => transformNodeSchema.parse(raw);

const TEXT_NODES: TransformNode[] = [
  node({ kind: 'trim' }),
  node({ kind: 'case', mode: 'upper' }),
  node({ kind: 'case', mode: 'lower' }),
  node({ kind: 'pad', width: 8, char: '0' }),
  node({ kind: 'replace', pattern: '^ACC-', replacement: 'C', regex: true }),
  node({ kind: 'replace', pattern: ' ', replacement: '_' }),
  node({ kind: 'substring', start: 0, length: 3 }),
  node({ kind: 'split', separator: ' ', index: -1 }),
  node({ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }),
];

const PLACE = { target: 'out', depth: 0, label: 'out' };

describe('text transform chains read back from both writings', () => {
  it('reads the current and the fully wrapped text as the same typed rule', () => {
    let differing = 0;
    for (const a of TEXT_NODES) {
      for (const b of TEXT_NODES) {
        for (const required of ['error', 'omit'] as const) {
          const rule: MappingRule = { target: 'out', sources: ['name'], transforms: [a, b], required };
          const current = compileRule(rule, 0, 'out');
          const legacy = compileRule(rule, 0, 'out', { keepTextWraps: true });
          if (current !== legacy) differing++;
          const label = `${a.kind} > ${b.kind} (${required})`;
          expect(reverseRule(current, PLACE), `${label}: ${current}`).toEqual(rule);
          expect(reverseRule(legacy, PLACE), `${label}: ${legacy}`).toEqual(rule);
        }
      }
    }
    expect(differing).toBeGreaterThan(20);
  });

  it('keeps a chain without a wrap that does change something as custom code', () => {
    // Pad makes "" into "00000000": after trim its input must be read through $text.
    expect(reverseRule('$required($pad($trim($text(name)), -8, "0"), "out")', PLACE)).toBeUndefined();
    // A bare value (omit without sources) and a value map tell "" from no value.
    expect(reverseRule('$uppercase($trim($text("  ")))', PLACE)).toBeUndefined();
    expect(reverseRule('$omitEmpty(($v := $uppercase($trim($text(name))); $k := $string($v); $exists($v) ? $lookup({"A": "alpha"}, $k) : ()))', PLACE)).toBeUndefined();
    // The source itself is always read through $text (null is not the text "null").
    expect(reverseRule('$required($uppercase(name), "out")', PLACE)).toBeUndefined();
    // Both writings are read: the wrapped and the unwrapped form of the same chain.
    const rule: MappingRule = { target: 'out', sources: ['name'], transforms: [node({ kind: 'trim' }), node({ kind: 'case', mode: 'upper' })], required: 'error' };
    expect(reverseRule('$required($uppercase($trim($text(name))), "out")', PLACE)).toEqual(rule);
    expect(reverseRule('$required($uppercase($text($trim($text(name)))), "out")', PLACE)).toEqual(rule);
  });
});

describe.each(sampleProjects().map((p) => [p.slice(SAMPLES_DIR.length + 1), p]))('the expression of %s as earlier versions wrote it', (_name, file) => {
  it('reads back as the same typed rules and compiles to the current text', async () => {
    const { document, tables, compiled } = await compileProject(readFileSync(file, 'utf8'), file, createFsResolver());
    // Every field whose chain the compiler now writes with fewer `$text`, written back with all of them.
    let legacy = compiled.expression;
    const fields = fieldPlaces(document)
      .map((field) => ({ field, span: compiled.sourceMap[field.path]! }))
      .sort((x, y) => y.span.start - x.span.start);
    let rewritten = 0;
    for (const { field, span } of fields) {
      const options = { record: field.record };
      const text = compiled.expression.slice(span.start, span.end);
      // Fields with value maps or number owners are written with more than the rule; none of them loses a wrap in the samples.
      if (compileRule(field.rule, field.depth, field.label, options) !== text) continue;
      const wrapped = compileRule(field.rule, field.depth, field.label, { ...options, keepTextWraps: true });
      if (wrapped === text) continue;
      legacy = legacy.slice(0, span.start) + wrapped + legacy.slice(span.end);
      rewritten++;
    }
    const parsed = parseExpression(legacy, document, { tables });
    expect(parsed.custom).toEqual([]);
    // Sources are compared by the text they compile to (one array down, `../id` and `/id` are both `$$.id`).
    const shape = (rules: MappingRule[]) => rules.map((r) => ({ target: r.target, transforms: r.transforms, required: r.required, default: r.default }));
    expect(shape(parsed.document.rules)).toEqual(shape(document.rules));
    expect(compileDocument(parsed.document, { tables }).expression).toBe(compiled.expression);
    // The samples that had a redundant wrap (crm, po, shipment, web order) really are read from the old text.
    if (/crm-to-erp|po-xml|shipment|web-order/.test(file)) expect(rewritten).toBeGreaterThan(0);
  });
});
