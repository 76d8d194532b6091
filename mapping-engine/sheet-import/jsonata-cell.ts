/**
 * Reads a rule back from a spec's JSONata column. The spec export writes each
 * field's compiled JSONata beside the plain-words transform; the reverse
 * compiler turns that text into the rule exactly (sources, transform chain,
 * required policy and default), keeping a guess only when it compiles back to
 * the same text. So a spec exported by Mapwright imports back to the same
 * rules, and a cell a person edited into something outside the emitted subset
 * is simply not read (the row falls back to a direct copy with notes).
 *
 * Value maps are bound at the top of the whole expression (`$statusMap`),
 * which the spec does not carry; their entries are read from the transform
 * words the spec writes for them (`map codes "A" → "ACTIVE", ...`), in chain
 * order, and the recompile check confirms them.
 */
import type { MappingDocument, MappingRule } from '../document/document-schema';
import { scopeOf } from '../document/edits/edit-paths';
import { recordInScope } from '../compiler/record-label';
import { compileRule } from '../compiler/compile-rule';
import { reverseRule, type FieldPlace } from '../compiler/reverse/reverse-rule';
import { targetLabel } from '../testgen/generate-cases';
import type { Scalar } from '../transforms/transform-node';

/** One JSON string, then ` → `, then one JSON scalar: a value map entry as the spec words it. */
const ENTRY = /\s*("(?:[^"\\]|\\.)*")\s*→\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)\s*(,|;|$)/y;

/** The entries of each `map codes ...;` step of a transform cell, in order; undefined for a step whose entries do not read. */
export function valueMapEntries(words: string): Array<Record<string, Scalar> | undefined> {
  const maps: Array<Record<string, Scalar> | undefined> = [];
  for (let at = words.indexOf('map codes '); at >= 0; at = words.indexOf('map codes ', at + 1)) {
    ENTRY.lastIndex = at + 'map codes '.length;
    const entries: Record<string, Scalar> = {};
    let ok = words.startsWith('(no entries)', ENTRY.lastIndex);
    for (let m = ok ? null : ENTRY.exec(words); m; m = m[3] === ',' ? ENTRY.exec(words) : null) {
      entries[JSON.parse(m[1]!) as string] = JSON.parse(m[2]!) as Scalar;
      ok = m[3] !== ',';
    }
    maps.push(ok ? entries : undefined);
  }
  return maps;
}

/** The value-map variables a field's text reads (`$lookup($statusMap, $k)`), in order of first use; tables are not value maps. */
function mapVariables(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\$lookup\(\$(\w+), \$k\)/g)) {
    const name = m[1]!;
    if (!name.startsWith('table_') && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * `rule` with the sources as the sheet spells them when they compile to the
 * same text: `../id` and `/id` read the same field one array down, and the
 * reverse compiler cannot tell which one was written.
 */
function withSpelling(rule: MappingRule, spelled: readonly string[], text: string, place: FieldPlace, variables: readonly string[]): MappingRule {
  if (spelled.length !== rule.sources.length || spelled.every((s, i) => s === rule.sources[i])) return rule;
  const maps = rule.transforms.filter((t) => t.kind === 'valueMap');
  const candidate = { ...rule, sources: [...spelled] };
  try {
    // As the compiler writes it now, or with `$text` around every text transform's input as earlier versions did (transforms/text-wraps.ts).
    const again = [false, true].map((keepTextWraps) =>
      compileRule(candidate, place.depth, place.label, { record: place.record, keepTextWraps, valueMapVariable: (n) => { const i = maps.indexOf(n); return i < 0 ? undefined : `$${variables[i]}`; } }),
    );
    return again.includes(text) ? candidate : rule;
  } catch {
    return rule;
  }
}

/**
 * The rule whose compiled text at `target` in `doc` is exactly `text`, or
 * undefined when the text is not one the compiler writes there. `words` is
 * the row's transform cell, for value map entries; `sources` the row's
 * source cell, whose spelling is kept when it compiles alike.
 */
export function ruleFromJsonata(doc: MappingDocument, target: string, text: string, words = '', sources: readonly string[] = []): MappingRule | undefined {
  if (text.trim() === '') return undefined;
  const variables = mapVariables(text);
  const entries = valueMapEntries(words);
  const valueMaps: Record<string, Record<string, Scalar>> = {};
  for (const [i, name] of variables.entries()) {
    const found = entries[i];
    if (!found) return undefined;
    valueMaps[name] = found;
  }
  const depth = scopeOf(doc, target).contexts.length;
  const label = targetLabel(doc, target);
  const inScope = recordInScope(doc, depth);
  // A `$record` in scope depends on the rest of the document's rules; the recompile check tells which one the text was written with.
  for (const record of [inScope, !inScope]) {
    const place = { target, depth, label, record, valueMaps };
    const rule = reverseRule(text, place);
    if (rule) return withSpelling(rule, sources, text, place, variables);
  }
  return undefined;
}
