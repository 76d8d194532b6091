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
import { ruleSchema, type MappingDocument, type MappingRule } from '../../document/document-schema';
import { CHECK_DIGIT_HELPER } from '../../transforms/check-transforms';
import { ZONE_HELPER } from '../../transforms/date-zones';
import { INVALID_HELPER } from '../../transforms/invalid-value';
import { NUMBER_HELPER } from '../../transforms/number-text';
import { PRESENT_HELPER } from '../../transforms/present-value';
import { POLICY_HELPERS } from '../compile-rule';
import { parseFieldText } from '../../transforms/field-text';
import { compileWithBindings, type CompileOptions } from '../compile-document';
import type { ValueMapBinding } from '../value-map-names';
import type { Scalar } from '../../transforms/transform-node';
import { tablesFromAst, valueMapsFromAst } from './expression-tables';
import { fieldPlaces, type PlacedField } from './field-places';
import { reverseRule } from './reverse-rule';
import type { AstNode } from './reverse-source';
import { stripBindings, stripInvalidHelper } from './strip-bindings';

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

/** Whether `text` is one JSONata expression on its own (a field's value, not a value plus a key typed after it). */
function isOneExpression(text: string): boolean {
  try {
    parseFieldText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Cuts `expression` into the text of each field, following `compiled`'s
 * skeleton around the field spans. A field's text may itself contain the
 * text that follows it in the skeleton (`,\n  "city": ` inside a string), so
 * each cut is taken at the first place that leaves the field one whole
 * expression; when no place does, a key or other text was typed between
 * fields, which the rules cannot hold.
 */
function fieldTexts(expression: string, compiled: string, spans: Array<{ start: number; end: number }>, targets: readonly string[]): string[] {
  const gaps = spans.map((s, i) => compiled.slice(i === 0 ? 0 : spans[i - 1]!.end, s.start));
  const tail = compiled.slice(spans.length ? spans[spans.length - 1]!.end : 0);
  const mismatch = (offset: number, why = 'only the values of target fields can be edited') =>
    new MapwrightError('COMPILE_UNSUPPORTED', `the expression is laid out differently from the document: ${why}`, lineColumnAt(expression, offset));
  // With no fields the whole text is layout: it must be the document's own.
  if (spans.length === 0) {
    if (expression !== tail) throw mismatch(0, 'with no rules, add target fields in the rules, not in the text');
    return [];
  }
  const texts: string[] = [];
  let at = 0;
  gaps.forEach((gap, i) => {
    if (i === 0) {
      if (!expression.startsWith(gap)) throw mismatch(0);
      at = gap.length;
      return;
    }
    // A field's text as the compiler wrote it is one expression: only an edited one needs the parser (once per field
    // made a 2,000-rule read back four times slower).
    const written = compiled.slice(spans[i - 1]!.start, spans[i - 1]!.end);
    const whole = (text: string) => text === written || isOneExpression(text);
    let next = expression.indexOf(gap, at);
    while (next >= 0 && !whole(expression.slice(at, next))) next = expression.indexOf(gap, next + 1);
    if (next < 0) throw mismatch(at, `the value of ${targets[i - 1]} is not one expression (a key typed into the object? add target fields in the rules)`);
    texts.push(expression.slice(at, next));
    at = next + gap.length;
  });
  if (!expression.endsWith(tail) || expression.length - tail.length < at) throw mismatch(at);
  const last = expression.slice(at, expression.length - tail.length);
  const lastSpan = spans[spans.length - 1]!;
  if (last !== compiled.slice(lastSpan.start, lastSpan.end) && !isOneExpression(last)) throw mismatch(at, `the value of ${targets[targets.length - 1]} is not one expression (a key typed into the object? add target fields in the rules)`);
  texts.push(last);
  return texts;
}

/** `rule` with the entries of its value maps taken from the expression's bindings, or undefined when one is gone. */
function withMapEntries(rule: MappingRule, bindings: readonly ValueMapBinding[], maps: Record<string, Record<string, Scalar>>): MappingRule | undefined {
  const mine = bindings.filter((b) => b.target === rule.target);
  if (mine.length === 0) return rule;
  const transforms = rule.transforms.map((t, i) => {
    const binding = mine.find((b) => b.index === i);
    const entries = binding && maps[binding.variable.slice(1)];
    return t.kind === 'valueMap' && entries ? { ...t, entries } : t;
  });
  return mine.every((b) => maps[b.variable.slice(1)]) ? { ...rule, transforms } : undefined;
}

function ruleFor(text: string, field: PlacedField, baseText: string, bindings: readonly ValueMapBinding[], bound: ReadonlySet<string>): MappingRule | undefined {
  // Untouched text keeps the base rule: it also settles spellings that compile alike (`../id` and `/id` one array down).
  // Its value maps may still have been edited at the top.
  const untouched = text === baseText ? withMapEntries(field.rule, bindings, field.valueMaps ?? {}) : undefined;
  if (untouched) return untouched;
  // A helper the expression does not bind (`$required` typed by hand) would be bound by the compiler and behave differently: kept as typed.
  if (callsUnboundHelper(text, bound)) return undefined;
  const rebuilt = reverseRule(text, field);
  const notes = field.rule.notes === undefined ? {} : { notes: field.rule.notes };
  // A typed reading the document refuses (`$round(x, -2)`, `$pad(s, 1001)`) stays custom code rather than failing the edit.
  return rebuilt && ruleSchema.safeParse({ ...rebuilt, ...notes }).success ? { ...rebuilt, ...notes } : undefined;
}

/** Names of the helpers the compiler binds at the top (`required`, `orDefault`, `invalid`, ...). */
const HELPER_NAMES: readonly string[] = [...Object.values(POLICY_HELPERS).flat(), ...INVALID_HELPER, ...NUMBER_HELPER, ...PRESENT_HELPER, ...ZONE_HELPER, ...CHECK_DIGIT_HELPER].flatMap((line) => {
  const name = /^\$(\w+) := function/.exec(line)?.[1];
  return name ? [name] : [];
});

/** The helper names `expression` binds itself (`$required := function ...`). */
function boundHelpers(expression: string): Set<string> {
  return new Set(HELPER_NAMES.filter((name) => new RegExp(`\\$${name}\\s*:=`).test(expression)));
}

function callsUnboundHelper(text: string, bound: ReadonlySet<string>): boolean {
  return HELPER_NAMES.some((name) => !bound.has(name) && new RegExp(`\\$${name}\\s*\\(`).test(text));
}

function unsupported(expression: string, offset: number): MapwrightError {
  return new MapwrightError('COMPILE_UNSUPPORTED', 'the value maps at the top of the expression must stay objects of plain values', lineColumnAt(expression, offset));
}

/**
 * Reads `expression` back into rules over `base`'s target tree. Throws
 * COMPILE_PARSE (with line and column) on invalid JSONata, and
 * COMPILE_UNSUPPORTED when anything but field values and value-map entries
 * was changed. Lookup tables stored in files are read from the
 * expression's own bindings unless `options.tables` gives them.
 */
export function parseExpression(expression: string, base: MappingDocument, options: CompileOptions = {}): ParsedExpression {
  const ast = parseAst(expression);
  const tables = { ...tablesFromAst(ast), ...options.tables };
  const maps = valueMapsFromAst(ast);
  const compiled = compileWithBindings(base, { tables });
  // Value maps and the invalid-value helper are compared through the fields that use them, not as skeleton text.
  const ourHelper = stripInvalidHelper(compiled.expression);
  const stripped = stripBindings(ourHelper.text, compiled.valueMaps.map((m) => m.variable.slice(1)));
  const theirs = stripBindings(stripInvalidHelper(expression).text, Object.keys(maps));
  if (!stripped) throw unsupported(expression, 0);
  if (!theirs) throw unsupported(expression, 0);
  const ours = { text: stripped.text, removed: stripped.removed + ourHelper.removed };
  const fields = fieldPlaces(base).map((f) => ({ ...f, valueMaps: maps }));
  const spans = fields.map((f) => compiled.sourceMap[f.path]!).map((s) => ({ start: s.start - ours.removed, end: s.end - ours.removed }));
  const texts = fieldTexts(theirs.text, ours.text, spans, fields.map((f) => f.target));
  const bound = boundHelpers(expression);
  const custom: string[] = [];
  const byTarget = new Map<string, MappingRule>();
  fields.forEach((field, i) => {
    const text = texts[i]!;
    const rule = ruleFor(text, field, ours.text.slice(spans[i]!.start, spans[i]!.end), compiled.valueMaps, bound);
    if (rule) byTarget.set(field.target, rule);
    else {
      custom.push(field.target);
      byTarget.set(field.target, { target: field.target, sources: [], transforms: [{ kind: 'custom', expression: text }], required: 'omit' });
    }
  });
  const rules = base.rules.map((r) => byTarget.get(r.target) ?? r);
  return { document: { ...base, rules }, custom };
}
