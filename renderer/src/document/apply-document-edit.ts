/**
 * TEMPORARY: the renderer's entry to the engine's pure edits. The engine's
 * `applyEdit` (mapping-engine/document/edits/apply-edit.ts) is being written
 * alongside; until it lands this applies the few edits the rules view makes
 * by rebuilding the document and validating it with the document schema.
 * Replaced by a re-export of `applyEdit` once that exists.
 */
import { mappingDocumentSchema, type MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit, EditResult } from '../../../mapping-engine/document/edits/edit-types';

type Raw = Record<string, unknown> & { rules: Array<Record<string, unknown>>; arrays: Array<Record<string, unknown>>; tests: Array<Record<string, unknown>>; lookups: Record<string, unknown> };

function ruleOf(doc: Raw, target: string): Record<string, unknown> {
  const rule = doc.rules.find((r) => r.target === target);
  if (!rule) throw new Error(`no rule for ${target}`);
  return rule;
}

function mutate(doc: Raw, edit: DocumentEdit): void {
  switch (edit.kind) {
    case 'addRule':
      doc.rules.splice(edit.index ?? doc.rules.length, 0, { ...edit.rule });
      return;
    case 'removeRule':
      ruleOf(doc, edit.target);
      doc.rules = doc.rules.filter((r) => r.target !== edit.target);
      return;
    case 'setSources':
      ruleOf(doc, edit.target).sources = [...edit.sources];
      return;
    case 'linkSource': {
      const rule = doc.rules.find((r) => r.target === edit.target);
      if (rule) rule.sources = [...(rule.sources as string[]), edit.source];
      else doc.rules.push({ target: edit.target, sources: [edit.source] });
      return;
    }
    case 'insertTransform': {
      const rule = ruleOf(doc, edit.target);
      const list = [...(rule.transforms as unknown[])];
      list.splice(edit.index, 0, edit.transform);
      rule.transforms = list;
      return;
    }
    case 'removeTransform': {
      const rule = ruleOf(doc, edit.target);
      rule.transforms = (rule.transforms as unknown[]).filter((_, i) => i !== edit.index);
      return;
    }
    case 'moveTransform': {
      const rule = ruleOf(doc, edit.target);
      const list = [...(rule.transforms as unknown[])];
      const [moved] = list.splice(edit.from, 1);
      list.splice(edit.to, 0, moved);
      rule.transforms = list;
      return;
    }
    case 'setTransform': {
      const rule = ruleOf(doc, edit.target);
      const list = [...(rule.transforms as unknown[])];
      list[edit.index] = edit.transform;
      rule.transforms = list;
      return;
    }
    case 'setRequired': {
      const rule = ruleOf(doc, edit.target);
      rule.required = edit.required;
      if (edit.default !== undefined) rule.default = edit.default;
      if (edit.required !== 'default') delete rule.default;
      return;
    }
    case 'setDefault': {
      const rule = ruleOf(doc, edit.target);
      if (edit.default === undefined) delete rule.default;
      else rule.default = edit.default;
      return;
    }
    case 'setNotes': {
      const rule = ruleOf(doc, edit.target);
      if (edit.notes) rule.notes = edit.notes;
      else delete rule.notes;
      return;
    }
    case 'addArray':
      doc.arrays.splice(edit.index ?? doc.arrays.length, 0, { ...edit.context });
      return;
    case 'setArray':
      doc.arrays = doc.arrays.map((a) => (a.target === edit.target ? { ...edit.context } : a));
      return;
    case 'removeArray':
      doc.arrays = doc.arrays.filter((a) => a.target !== edit.target);
      return;
    case 'setLookup':
      doc.lookups = { ...doc.lookups, [edit.name]: edit.table };
      return;
    case 'removeLookup': {
      const { [edit.name]: _gone, ...rest } = doc.lookups;
      doc.lookups = rest;
      return;
    }
    case 'addTest':
      doc.tests.splice(edit.index ?? doc.tests.length, 0, { ...edit.test });
      return;
    case 'setTest':
      doc.tests = doc.tests.map((t) => (t.name === edit.name ? { ...edit.test } : t));
      return;
    case 'removeTest':
      doc.tests = doc.tests.filter((t) => t.name !== edit.name);
      return;
    case 'batch':
      for (const inner of edit.edits) mutate(doc, inner);
      return;
    default:
      throw new Error(`${edit.kind} is not supported yet`);
  }
}

/** Applies `edit` to `doc`: a new document, or EDIT_INVALID. */
export function applyDocumentEdit(doc: MappingDocument, edit: DocumentEdit): EditResult {
  const copy = structuredClone(doc) as unknown as Raw;
  try {
    mutate(copy, edit);
  } catch (error) {
    return { ok: false, error: { code: 'EDIT_INVALID', message: error instanceof Error ? error.message : String(error) } };
  }
  const parsed = mappingDocumentSchema.safeParse(copy);
  if (!parsed.success) return { ok: false, error: { code: 'EDIT_INVALID', message: parsed.error.issues[0]?.message ?? 'invalid edit' } };
  return { ok: true, document: parsed.data };
}
