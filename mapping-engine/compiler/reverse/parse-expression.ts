/**
 * Reverse compiler: reads a (possibly hand-edited) JSONata expression back
 * into mapping rules. The base document supplies the target tree (objects,
 * arrays, contexts), so the expression is cut into one text span per target
 * field along the compiled skeleton; each span is read back from its AST
 * into sources, transforms and required policy. A span outside the subset
 * the compiler emits becomes a custom-expression rule holding the text
 * verbatim, so compile -> parse -> compile is stable.
 */
import jsonata from 'jsonata';
import { lineColumnAt, MapwrightError } from '../../errors';
import type { MappingDocument, MappingRule } from '../../document/document-schema';
import { compileDocument, type CompileOptions } from '../compile-document';
import { tablesFromAst } from './expression-tables';
import { fieldPlaces, type PlacedField } from './field-places';
import { reverseRule } from './reverse-rule';
import type { AstNode } from './reverse-source';

/** The document read back from an expression, and the target paths kept as custom expressions. */
export interface ParsedExpression {
  document: MappingDocument;
  custom: string[];
}

function parseAst(expression: string): AstNode {
  try {
    return jsonata(expression).ast() as AstNode;
  } catch (error) {
    const e = error as { message?: string; position?: number; code?: string };
    // jsonata reports the offset just past the offending token.
    const at = lineColumnAt(expression, Math.max(0, (e.position ?? 1) - 1));
    throw new MapwrightError('COMPILE_PARSE', `expression is not valid JSONata (${e.code ?? 'parse error'}): ${e.message ?? String(error)}`, { ...at, cause: error, expected: 'a JSONata expression' });
  }
}

/** Cuts `expression` into the text of each field, following `compiled`'s skeleton around the field spans. */
function fieldTexts(expression: string, compiled: string, spans: Array<{ start: number; end: number }>): string[] {
  const gaps = spans.map((s, i) => compiled.slice(i === 0 ? 0 : spans[i - 1]!.end, s.start));
  const tail = compiled.slice(spans.length ? spans[spans.length - 1]!.end : 0);
  const mismatch = (offset: number) =>
    new MapwrightError('COMPILE_UNSUPPORTED', 'the expression is laid out differently from the document: only the values of target fields can be edited', lineColumnAt(expression, offset));
  const texts: string[] = [];
  let at = 0;
  gaps.forEach((gap, i) => {
    if (i === 0) {
      if (!expression.startsWith(gap)) throw mismatch(0);
      at = gap.length;
      return;
    }
    const next = expression.indexOf(gap, at);
    if (next < 0) throw mismatch(at);
    texts.push(expression.slice(at, next));
    at = next + gap.length;
  });
  if (!expression.endsWith(tail) || expression.length - tail.length < at) throw mismatch(at);
  if (spans.length) texts.push(expression.slice(at, expression.length - tail.length));
  return texts;
}

function ruleFor(text: string, field: PlacedField, baseText: string): MappingRule | undefined {
  // Untouched text keeps the base rule: it also settles spellings that compile alike (`../id` and `/id` one array down).
  if (text === baseText) return field.rule;
  const rebuilt = reverseRule(text, field);
  const notes = field.rule.notes === undefined ? {} : { notes: field.rule.notes };
  return rebuilt && { ...rebuilt, ...notes };
}

/**
 * Reads `expression` back into rules over `base`'s target tree. Throws
 * COMPILE_PARSE (with line and column) on invalid JSONata, and
 * COMPILE_UNSUPPORTED when anything but field values was changed.
 * Lookup tables stored in files are read from the expression's own
 * bindings unless `options.tables` gives them.
 */
export function parseExpression(expression: string, base: MappingDocument, options: CompileOptions = {}): ParsedExpression {
  const ast = parseAst(expression);
  const tables = { ...tablesFromAst(ast), ...options.tables };
  const compiled = compileDocument(base, { tables });
  const fields = fieldPlaces(base);
  const spans = fields.map((f) => compiled.sourceMap[f.path]!);
  const texts = fieldTexts(expression, compiled.expression, spans);
  const custom: string[] = [];
  const byTarget = new Map<string, MappingRule>();
  fields.forEach((field, i) => {
    const text = texts[i]!;
    const rule = ruleFor(text, field, compiled.expression.slice(spans[i]!.start, spans[i]!.end));
    if (rule) byTarget.set(field.target, rule);
    else {
      custom.push(field.target);
      byTarget.set(field.target, { target: field.target, sources: [], transforms: [{ kind: 'custom', expression: text }], required: 'omit' });
    }
  });
  const rules = base.rules.map((r) => byTarget.get(r.target) ?? r);
  return { document: { ...base, rules }, custom };
}
