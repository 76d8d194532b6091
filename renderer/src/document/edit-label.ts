/**
 * Short labels of document edits for the Undo and Redo buttons ("Undo
 * unmap address.city"). Plain words, lower-case first letter, so the button
 * reads "Undo " + label.
 */
import type { DocumentEdit } from '../../../mapping-engine/document/edits/edit-types';

/** A short, plain-words label of `edit`. */
export function editLabel(edit: DocumentEdit): string {
  // Batches and whole-document edits may name themselves.
  const own = (edit as { label?: unknown }).label;
  if (typeof own === 'string' && own) return own;
  switch (edit.kind) {
    case 'setName':
      return 'rename project';
    case 'setDescription':
      return 'change description';
    case 'setEndpoint':
      return `change ${edit.side}`;
    case 'setRecordKey':
      return 'change record key';
    case 'setMasking':
      return 'change masking';
    case 'addRule':
      return `map ${edit.rule.target}`;
    case 'removeRule':
      return `unmap ${edit.target}`;
    case 'moveRule':
      return `move ${edit.target}`;
    case 'retargetRule':
      return `move ${edit.target} to ${edit.newTarget}`;
    case 'setSources':
      return `sources of ${edit.target}`;
    case 'linkSource':
      return `link ${edit.source} to ${edit.target}`;
    case 'unlinkSource':
      return `unlink ${edit.source} from ${edit.target}`;
    case 'insertTransform':
      return `add ${edit.transform.kind} to ${edit.target}`;
    case 'removeTransform':
      return `remove transform of ${edit.target}`;
    case 'moveTransform':
      return `reorder transforms of ${edit.target}`;
    case 'setTransform':
      return `edit ${edit.transform.kind} of ${edit.target}`;
    case 'setRequired':
      return `required policy of ${edit.target}`;
    case 'setDefault':
      return `default of ${edit.target}`;
    case 'setNotes':
      return `notes of ${edit.target}`;
    case 'addArray':
      return `add array ${edit.context.target}`;
    case 'setArray':
      return `edit array ${edit.target}`;
    case 'removeArray':
      return `remove array ${edit.target}`;
    case 'setLookup':
      return `lookup table ${edit.name}`;
    case 'renameLookup':
      return `rename lookup table ${edit.name}`;
    case 'removeLookup':
      return `remove lookup table ${edit.name}`;
    case 'addTest':
      return `add test ${edit.test.name}`;
    case 'setTest':
      return `edit test ${edit.name}`;
    case 'removeTest':
      return `remove test ${edit.name}`;
    case 'setNodePosition':
      return 'move node';
    case 'batch':
      return edit.edits.length === 1 ? editLabel(edit.edits[0]!) : `${edit.edits.length} edits`;
    default:
      return 'edit';
  }
}
