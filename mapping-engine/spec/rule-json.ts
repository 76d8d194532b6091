/**
 * A rule's transform chain, required policy and default as one compact JSON
 * cell of the spec's field table ("Rule (JSON)"). The other cells say the same
 * in words and as JSONata; this one is for machines: a sheet import reads it
 * back into exactly the rule (see sheet-import/import-sheet.ts), where the
 * JSONata cannot always be read back on its own (a field whose number errors
 * another field owns compiles differently from the rule alone).
 */
import { ruleSchema, type MappingRule } from '../document/document-schema';

/** The cell: `{"transforms":[...],"required":"error","default":"n/a"}`, empty parts left out. */
export function ruleJson(rule: MappingRule): string {
  return JSON.stringify({
    ...(rule.transforms.length > 0 ? { transforms: rule.transforms } : {}),
    required: rule.required,
    ...(rule.default === undefined ? {} : { default: rule.default }),
  });
}

/** The rule a cell describes for `target` and `sources`, or undefined when the cell is empty or not a valid rule. */
export function ruleFromJson(cell: string, target: string, sources: readonly string[]): MappingRule | undefined {
  if (cell.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { transforms, required, default: fallback } = parsed as Record<string, unknown>;
  const rule = ruleSchema.safeParse({ target, sources, transforms, required, ...(fallback === undefined ? {} : { default: fallback }) });
  return rule.success ? rule.data : undefined;
}
