/**
 * A link that gives a field of one value a second source, with nothing in
 * its chain to combine them: the rule then writes a list of the sources'
 * values where the target expects one value (a schema violation the user
 * did not ask for). The canvas says so and offers to join them.
 */
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit, EditResult, TransformInput } from '../../../mapping-engine/document/edits/edit-types';
import type { CanvasStatusMessage } from './CanvasStatus';

/** What the canvas offers after such a link. */
export interface JoinOffer {
  /** The rule's target path. */
  target: string;
  /** How many sources it reads. */
  sources: number;
  /** The transform that joins them, when the target is text (Concatenate, a space between). */
  join?: TransformInput;
}

/**
 * The offer for the rule of `target` in `doc` (after the link), or
 * undefined when it reads one source, already has transforms (one of them
 * may combine the sources), or its target repeats (a list is then what it wants).
 */
export function joinOffer(doc: MappingDocument, target: string, field: { repeating: boolean; type: string }): JoinOffer | undefined {
  const rule = doc.rules.find((r) => r.target === target);
  if (!rule || rule.sources.length < 2 || rule.transforms.length > 0 || field.repeating) return undefined;
  return { target, sources: rule.sources.length, ...(field.type === 'string' ? { join: { kind: 'concat', separator: ' ' } as TransformInput } : {}) };
}

/** The status line after linking `edit.source` to `edit.target` (whose field is `field`): the join offer when there is one. */
export function linkedMessage(doc: MappingDocument, edit: { source: string; target: string }, field: { repeating: boolean; type: string }): CanvasStatusMessage {
  const join = joinOffer(doc, edit.target, field);
  const linked = `Linked ${edit.source} → ${edit.target}`;
  return join ? { text: `${linked}: it now reads ${join.sources} sources and writes them as a list`, bad: true, join } : { text: linked };
}

/** Accepts `offer`: its join goes first in the rule's chain, as one undo step. */
export function acceptJoin(offer: JoinOffer, apply: (edit: DocumentEdit, label?: string) => EditResult, say: (message: CanvasStatusMessage) => void): void {
  if (!offer.join) return;
  const result = apply({ kind: 'insertTransform', target: offer.target, index: 0, transform: offer.join }, `join the sources of ${offer.target}`);
  if (result.ok) say({ text: `Joined the sources of ${offer.target} with Concatenate (a space between; ✎ in the inspector changes it)` });
}
