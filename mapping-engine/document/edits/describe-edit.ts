/**
 * Short human labels of edits for undo and redo menus ("Link billing.city →
 * address.city", "Insert date transform on customerSince"). Sentence case,
 * no trailing period; the menu adds "Undo " in front.
 */
import type { DocumentEdit } from './edit-types';
import { paletteEntry } from './transform-palette';

function transformName(kind: unknown): string {
  const entry = typeof kind === 'string' ? paletteEntry(kind) : undefined;
  return entry ? entry.label.toLowerCase() : String(kind);
}

function arrayName(target: string): string {
  return target === '.' ? 'the output rows' : target;
}

const POLICY = { omit: 'optional', default: 'default when empty', error: 'required' } as const;

/** A short label of `edit` for undo and redo menus. */
export function describeEdit(edit: DocumentEdit): string {
  switch (edit.kind) {
    case 'setName':
      return `Rename project to "${edit.name}"`;
    case 'setDescription':
      return edit.description ? 'Change description' : 'Remove description';
    case 'setEndpoint':
      return `Set ${edit.side} (${edit.endpoint.format})`;
    case 'setRecordKey':
      return edit.recordKey === undefined ? 'Remove record key' : `Set record key to ${edit.recordKey}${edit.recordLabel ? ` (shown as ${edit.recordLabel})` : ''}`;
    case 'setMasking':
      return edit.masking === undefined ? 'Remove masking policy' : 'Change masking policy';
    case 'addRule':
      return edit.rule.sources?.length === 1 ? `Map ${edit.rule.sources[0]} → ${edit.rule.target}` : `Map ${edit.rule.target}`;
    case 'removeRule':
      return `Unmap ${edit.target}`;
    case 'moveRule':
      return `Move ${edit.target} to row ${edit.toIndex + 1}`;
    case 'retargetRule':
      return `Move mapping ${edit.target} → ${edit.newTarget}`;
    case 'setSources':
      return edit.sources.length === 0 ? `Clear sources of ${edit.target}` : `Set sources of ${edit.target} to ${edit.sources.join(', ')}`;
    case 'linkSource':
      return `Link ${edit.source} → ${edit.target}`;
    case 'unlinkSource':
      return `Unlink ${edit.source} → ${edit.target}`;
    case 'insertTransform':
      return `Insert ${transformName(edit.transform.kind)} transform on ${edit.target}`;
    case 'removeTransform':
      return `Remove transform ${edit.index + 1} of ${edit.target}`;
    case 'moveTransform':
      return `Move transform ${edit.from + 1} of ${edit.target} to ${edit.to + 1}`;
    case 'setTransform':
      return `Edit ${transformName(edit.transform.kind)} transform on ${edit.target}`;
    case 'setRequired':
      return `Make ${edit.target} ${POLICY[edit.required] ?? edit.required}`;
    case 'setDefault':
      return edit.default === undefined ? `Remove default of ${edit.target}` : `Set default of ${edit.target}`;
    case 'setNotes':
      return `Edit notes of ${edit.target}`;
    case 'addArray':
      return `Add array context for ${arrayName(edit.context.target)}`;
    case 'setArray':
      return `Edit array context for ${arrayName(edit.target)}`;
    case 'removeArray':
      return `Remove array context for ${arrayName(edit.target)}`;
    case 'setLookup':
      return `Set lookup table ${edit.name}`;
    case 'renameLookup':
      return `Rename lookup table ${edit.name} → ${edit.newName}`;
    case 'removeLookup':
      return `Remove lookup table ${edit.name}`;
    case 'addTest':
      return `Add test "${edit.test.name}"`;
    case 'setTest':
      return `Edit test "${edit.name}"`;
    case 'removeTest':
      return `Remove test "${edit.name}"`;
    case 'setNodePosition':
      return edit.position === undefined ? 'Reset node position' : 'Move node';
    case 'batch':
      if (edit.label) return edit.label;
      return edit.edits.length === 1 ? describeEdit(edit.edits[0]!) : `${edit.edits.length} edits`;
    default:
      return `Edit (${String((edit as { kind?: unknown }).kind)})`;
  }
}
