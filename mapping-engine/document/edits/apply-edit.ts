/**
 * `applyEdit`: the one pure function every studio view changes a mapping
 * document through. It never mutates its input (unchanged parts are shared
 * with the new document) and validates only what the edit touches, so an
 * edit costs O(rules) at worst however large the document; the checks are
 * those of `mappingDocumentSchema` plus the compiler's structural rules
 * (no field mapped both whole and field by field, sources reachable from
 * their array context, transforms that compile, lookup tables that exist).
 */
import { isMapwrightError, MapwrightError, toCodedError } from '../../errors';
import { mappingDocumentSchema, type MappingDocument } from '../document-schema';
import { ARRAY_EDITS } from './array-edits';
import { issueText, refuse } from './edit-error';
import type { DocumentEdit, EditResult } from './edit-types';
import { LOOKUP_EDITS } from './lookup-edits';
import { PROJECT_EDITS } from './project-edits';
import { RULE_EDITS } from './rule-edits';
import { TEST_EDITS } from './test-edits';

type Handler = (doc: MappingDocument, edit: DocumentEdit) => MappingDocument;

const HANDLERS = { ...PROJECT_EDITS, ...RULE_EDITS, ...ARRAY_EDITS, ...LOOKUP_EDITS, ...TEST_EDITS } as unknown as Record<string, Handler | undefined>;

function apply(doc: MappingDocument, edit: DocumentEdit): MappingDocument {
  if (edit === null || typeof edit !== 'object') refuse('an edit is an object with a kind', 'an edit');
  if (edit.kind === 'batch') {
    if (!Array.isArray(edit.edits)) refuse('a batch needs a list of edits', 'batch edits');
    // All or nothing: the first refusal abandons the intermediate documents.
    return edit.edits.reduce((current, inner, i) => {
      try {
        return apply(current, inner);
      } catch (error) {
        if (!isMapwrightError(error)) throw error;
        throw new MapwrightError(error.code, `edit ${i + 1} of ${edit.edits.length}: ${error.message}`, error.expected === undefined ? {} : { expected: error.expected });
      }
    }, doc);
  }
  const handler = HANDLERS[edit.kind];
  if (handler === undefined) refuse(`unknown edit kind ${String((edit as { kind?: unknown }).kind)}`, 'a DocumentEdit kind');
  return handler(doc, edit);
}

/**
 * Applies `edit` to `doc` and returns the new document, or the reason it was
 * refused (code `EDIT_INVALID`, `expected` naming the failing place). The input is
 * never changed; an edit that changes nothing may return `doc` itself, so
 * `result.document === doc` tells a caller to record no undo step.
 */
export function applyEdit(doc: MappingDocument, edit: DocumentEdit): EditResult {
  try {
    return { ok: true, document: apply(doc, edit) };
  } catch (error) {
    return { ok: false, error: toCodedError(error) };
  }
}

/** Applies several edits in order as one step (all or nothing); the same as a `batch` edit. */
export function applyEdits(doc: MappingDocument, edits: readonly DocumentEdit[]): EditResult {
  return applyEdit(doc, { kind: 'batch', edits: [...edits] });
}

/**
 * Validates a whole replacement document (an applied JSONata edit read back
 * by the reverse compiler) with the full schema, for a history step that is
 * not one of the edit commands. Costs a full parse: use edits where you can.
 */
export function replaceDocument(input: unknown): EditResult {
  const result = mappingDocumentSchema.safeParse(input);
  if (result.success) return { ok: true, document: result.data };
  const where = `/${result.error.issues[0]!.path.join('/')}`;
  return { ok: false, error: { code: 'EDIT_INVALID', message: `document ${where}: ${issueText(result.error)}`, expected: where } };
}
