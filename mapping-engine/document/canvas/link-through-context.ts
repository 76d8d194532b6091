/**
 * A drop refused only because the target lies in a list without an array
 * context: the one step that adds the missing context (or contexts, for a
 * list in a list) over the source's list and then makes the link, so the
 * canvas can offer it as a single undoable action.
 */
import type { MappingDocument } from '../document-schema';
import { applyEdit } from '../edits/apply-edit';
import type { DocumentEdit } from '../edits/edit-types';
import { proposeLink, type CanvasField } from './link-check';

/** Lists nested deeper than this are not offered in one step. */
const MAX_CONTEXTS = 4;

/** The offer: the contexts to add (target list <- source list) and the batch edit that adds them and links. */
export interface ContextOffer {
  contexts: Array<{ target: string; source: string }>;
  edit: Extract<DocumentEdit, { kind: 'batch' }>;
}

/** The offer for `source` dropped on `target`, or undefined when the drop links already or fails for another reason. */
export function linkThroughContext(doc: MappingDocument, source: CanvasField, target: CanvasField): ContextOffer | undefined {
  const edits: DocumentEdit[] = [];
  const contexts: ContextOffer['contexts'] = [];
  let current = doc;
  for (let i = 0; i <= MAX_CONTEXTS; i++) {
    const proposal = proposeLink(current, source, target);
    if (proposal.ok) {
      if (contexts.length === 0) return undefined;
      return { contexts, edit: { kind: 'batch', edits: [...edits, proposal.edit], label: `link ${source.names.join('.')} through ${contexts.map((c) => c.target).join(', ')}` } };
    }
    if (proposal.reason !== 'target-needs-context' || !proposal.context) return undefined;
    const add: DocumentEdit = { kind: 'addArray', context: { target: proposal.context.target, source: proposal.context.source } };
    const next = applyEdit(current, add);
    if (!next.ok) return undefined;
    edits.push(add);
    contexts.push(proposal.context);
    current = next.document;
  }
  return undefined;
}
