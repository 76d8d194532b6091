import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../document/load-document';
import type { MappingDocument } from '../../document/document-schema';
import { readCsv } from '../../payload/csv-read';
import { compileDocument } from '../compile-document';
import { doc } from '../compiler-test-helpers';
import type { FileTables } from '../lookup-table';
import { csvTableInput, tableFromCsv } from '../table-file';
import { valueMapsFromAst } from './expression-tables';
import { fieldPlaces } from './field-places';
import { parseExpression } from './parse-expression';
import { reverseRule } from './reverse-rule';
import type { AstNode } from './reverse-source';
import { SAMPLES_DIR, sampleProjects } from '../../../tests/helpers/sample-projects';

const projects = sampleProjects();

function load(file: string): { document: MappingDocument; tables: FileTables } {
  const { document } = loadDocument(readFileSync(file, 'utf8'), file);
  const tables: FileTables = {};
  for (const [name, table] of Object.entries(document.lookups)) {
    if ('file' in table) {
      const read = readCsv(readFileSync(join(file, '..', table.file)));
      tables[name] = tableFromCsv(name, table, csvTableInput(read.value, read.meta), table.file);
    }
  }
  return { document, tables };
}

/** Kinds the AST reader rebuilds on its own (others only survive untouched). */
const READABLE = new Set(['condition', 'date', 'filter', 'replace', 'arithmetic', 'valueMap', 'parseBoolean', 'sort', 'pick', 'copy', 'constant', 'default', 'concat', 'split', 'substring', 'trim', 'case', 'pad', 'round', 'parseNumber', 'formatNumber', 'lookup', 'aggregate', 'custom']);

describe('parseExpression on the sample projects', () => {
  it('finds the samples', () => expect(projects.length).toBeGreaterThanOrEqual(4));

  describe.each(projects.map((p) => [p.slice(SAMPLES_DIR.length + 1), p]))('%s', (_name, file) => {
    const { document, tables } = load(file);
    const { expression } = compileDocument(document, { tables });

    it('compile -> parse -> compile gives the same text and the same rules', () => {
      const parsed = parseExpression(expression, document, { tables });
      expect(parsed.custom).toEqual([]);
      expect(parsed.document.rules).toEqual(document.rules);
      expect(compileDocument(parsed.document, { tables }).expression).toBe(expression);
    });

    it('reads file lookup tables from the expression itself', () => {
      expect(compileDocument(parseExpression(expression, document).document, { tables }).expression).toBe(expression);
    });

    it('rebuilds rules in the readable subset from the AST alone', () => {
      const { sourceMap } = compileDocument(document, { tables });
      const valueMaps = valueMapsFromAst(jsonata(expression).ast() as AstNode);
      for (const field of fieldPlaces(document)) {
        const span = sourceMap[field.path]!;
        const rebuilt = reverseRule(expression.slice(span.start, span.end), { ...field, valueMaps });
        // Money forms (exact aggregates, fixed rounding) are read back only with the original rules at hand.
        const readable = field.rule.transforms.every((t) => READABLE.has(t.kind) && !(t.kind === 'aggregate' && (t.field !== undefined || t.decimals !== undefined)) && !(t.kind === 'round' && t.fixed));
        // Sources are compared by their compiled text: one array down, `../id` and `/id` both compile to `$$.id`.
        if (readable) expect(rebuilt && { transforms: rebuilt.transforms, required: rebuilt.required, default: rebuilt.default }, field.target).toEqual({ transforms: field.rule.transforms, required: field.rule.required, default: field.rule.default });
      }
    });

    it('keeps a hand-edited field verbatim as a custom rule, stable on recompiling', () => {
      const field = fieldPlaces(document).find((f) => f.rule.required === 'omit') ?? fieldPlaces(document)[0]!;
      const span = compileDocument(document, { tables }).sourceMap[field.path]!;
      const edited = `${expression.slice(0, span.start)}$uppercase(name) & "!"${expression.slice(span.end)}`;
      const parsed = parseExpression(edited, document, { tables });
      expect(parsed.custom).toEqual([field.target]);
      const rule = parsed.document.rules.find((r) => r.target === field.target)!;
      expect(rule.transforms).toEqual([{ kind: 'custom', expression: '$uppercase(name) & "!"' }]);
      const once = compileDocument(parsed.document, { tables }).expression;
      const again = parseExpression(once, parsed.document, { tables });
      expect(again.custom).toEqual([]);
      expect(again.document.rules).toEqual(parsed.document.rules);
      expect(compileDocument(again.document, { tables }).expression).toBe(once);
    });
  });
});

describe('parseExpression on edits', () => {
  const base = doc({
    lookups: { countries: { entries: { DE: 'Germany' } } },
    arrays: [{ target: 'lines', source: 'items' }],
    rules: [
      { target: 'id', sources: ['orderId'], required: 'error' },
      { target: 'country', sources: ['cc'], transforms: [{ kind: 'lookup', table: 'countries', default: '?' }] },
      { target: 'lines.sku', sources: ['sku'] },
      { target: 'lines.order', sources: ['../orderId'] },
    ],
  });
  const { expression } = compileDocument(base);

  it('reads a changed source, transform chain and policy back into rules', () => {
    // A text transform in the base binds the $text helper the edited fields call (see transforms/present-value.ts).
    const withText = { ...base, rules: base.rules.map((r) => (r.target === 'lines.order' ? { ...r, transforms: [{ kind: 'trim' as const }] } : r)) };
    const edited = compileDocument(withText)
      .expression.replace('"sku": $omitEmpty(sku)', '"sku": $omitEmpty($pad($text($trim($text(code))), -8, "0"))')
      .replace('$required(orderId, "id")', '$required($uppercase($text(ref)), "id")');
    const parsed = parseExpression(edited, withText);
    expect(parsed.custom).toEqual([]);
    expect(parsed.document.rules.find((r) => r.target === 'lines.sku')).toEqual({ target: 'lines.sku', sources: ['code'], transforms: [{ kind: 'trim' }, { kind: 'pad', width: 8, char: '0', side: 'left' }], required: 'omit' });
    expect(parsed.document.rules.find((r) => r.target === 'id')).toEqual({ target: 'id', sources: ['ref'], transforms: [{ kind: 'case', mode: 'upper' }], required: 'error' });
  });

  it('keeps as custom code a call to a helper the expression does not bind, and a typed reading the document refuses', () => {
    // $orDefault is not bound at the top (no rule has a default): read as a typed rule it would be bound and behave otherwise.
    const unbound = parseExpression(expression.replace('$required(orderId, "id")', '$orDefault($uppercase(ref), "none")'), base);
    expect(unbound.custom).toEqual(['id']);
    expect(unbound.document.rules.find((r) => r.target === 'id')!.transforms).toEqual([{ kind: 'custom', expression: '$orDefault($uppercase(ref), "none")' }]);
    for (const typed of ['$pad($string(sku), 1001, "0")', '$round(sku, -2)']) {
      const refused = parseExpression(expression.replace('"sku": $omitEmpty(sku)', `"sku": ${typed}`), base);
      expect(refused.custom).toEqual(['lines.sku']);
      expect(refused.document.rules.find((r) => r.target === 'lines.sku')!.transforms).toEqual([{ kind: 'custom', expression: typed }]);
    }
  });

  it('cuts a field whose text holds the next key at the right place, and refuses a key typed into the object', () => {
    const next = expression.slice(expression.indexOf('"country"'), expression.indexOf('"country"') + '"country": '.length);
    const tricky = `'then ,\n  ${next.replace(/"/g, '\\"')}' & orderId`;
    const withKeyText = parseExpression(expression.replace('$required(orderId, "id")', tricky), base);
    expect(withKeyText.document.rules.find((r) => r.target === 'id')!.transforms).toEqual([{ kind: 'custom', expression: tricky }]);
    expect(withKeyText.document.rules.find((r) => r.target === 'country')).toEqual(base.rules.find((r) => r.target === 'country'));
    const extraKey = expression.replace('$required(orderId, "id"),', '$required(orderId, "id"),\n  "extra": 1,');
    expect(() => parseExpression(extraKey, base)).toThrow(expect.objectContaining({ code: 'COMPILE_UNSUPPORTED', message: expect.stringMatching(/id is not one expression/) }));
  });

  it('keeps % (the parent) in an array field\'s custom code, and the document compiles and runs with it', async () => {
    const edited = expression.replace(/"order": [^\n]*/, '"order": %.orderId & "-x"');
    const parsed = parseExpression(edited, base);
    expect(parsed.document.rules.find((r) => r.target === 'lines.order')!.transforms).toEqual([{ kind: 'custom', expression: '%.orderId & "-x"' }]);
    const recompiled = compileDocument(parsed.document).expression;
    expect(await jsonata(recompiled).evaluate({ orderId: 'O1', items: [{ sku: 'a' }] })).toMatchObject({ lines: [{ sku: 'a', order: 'O1-x' }] });
  });

  it('with no rules, accepts only the document\'s own layout', () => {
    const empty = doc({ rules: [] });
    const text = compileDocument(empty).expression;
    expect(parseExpression(text, empty).document.rules).toEqual([]);
    expect(() => parseExpression(`{"lost": 1}\n${text}`, empty)).toThrow(expect.objectContaining({ code: 'COMPILE_UNSUPPORTED' }));
    expect(() => parseExpression(`($x := 1;\n${text})`, empty)).toThrow(expect.objectContaining({ code: 'COMPILE_UNSUPPORTED' }));
  });

  it('reads parent-context sources and lookups', () => {
    const parsed = parseExpression(expression, base);
    expect(parsed.document.rules).toEqual(base.rules);
  });

  it('raises COMPILE_PARSE with line and column on invalid JSONata', () => {
    const broken = expression.replace('"sku": $omitEmpty(sku)', '"sku": $omitEmpty((sku)');
    expect(() => parseExpression(broken, base)).toThrow(expect.objectContaining({ code: 'COMPILE_PARSE', line: expect.any(Number), column: expect.any(Number) }));
  });

  it('raises COMPILE_UNSUPPORTED when the layout around the fields changed', () => {
    expect(() => parseExpression(expression.replace('"lines":', '"rows":'), base)).toThrow(expect.objectContaining({ code: 'COMPILE_UNSUPPORTED' }));
  });
});
