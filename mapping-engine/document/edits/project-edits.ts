/** Edits of the project as a whole: name, description, source and target, record key, masking, canvas positions. */
import { endpointSchema, maskingPolicySchema, type MappingDocument } from '../document-schema';
import type { DocumentEdit } from './edit-types';
import { parseOrRefuse, refuse } from './edit-error';
import { checkSourceForm, scopeProblem } from './edit-paths';

type EditOf<K extends DocumentEdit['kind']> = Extract<DocumentEdit, { kind: K }>;

/** A copy of `doc` without the optional key `key`. */
function without<K extends 'description' | 'recordKey' | 'recordLabel' | 'masking'>(doc: MappingDocument, key: K): MappingDocument {
  if (doc[key] === undefined) return doc;
  const next = { ...doc };
  delete next[key];
  return next;
}

function setName(doc: MappingDocument, edit: EditOf<'setName'>): MappingDocument {
  if (typeof edit.name !== 'string' || edit.name.trim() === '') refuse('the project name cannot be empty', 'a project name');
  return edit.name === doc.name ? doc : { ...doc, name: edit.name };
}

function setDescription(doc: MappingDocument, edit: EditOf<'setDescription'>): MappingDocument {
  if (edit.description === undefined || edit.description === '') return without(doc, 'description');
  if (typeof edit.description !== 'string') refuse('the description must be text', 'description');
  return edit.description === doc.description ? doc : { ...doc, description: edit.description };
}

function setEndpoint(doc: MappingDocument, edit: EditOf<'setEndpoint'>): MappingDocument {
  if (edit.side !== 'source' && edit.side !== 'target') refuse(`unknown side ${String(edit.side)}`, 'source or target');
  return { ...doc, [edit.side]: parseOrRefuse(endpointSchema, edit.endpoint, edit.side) };
}

/** Sets the record key and the label it is shown by (no label: the key's name); without a key, both go. */
function setRecordKey(doc: MappingDocument, edit: EditOf<'setRecordKey'>): MappingDocument {
  if (edit.recordKey === undefined) return without(without(doc, 'recordKey'), 'recordLabel');
  checkSourceForm(edit.recordKey, 'record key');
  // The record key names the whole input, so it is read at the root.
  const problem = scopeProblem(edit.recordKey, { contexts: [], depth: 0, grouped: false });
  if (problem !== undefined) refuse(`record key: ${problem}`, 'record key: a source path read from the input root');
  const label = edit.recordLabel?.trim() || undefined;
  if (label !== undefined && label.length > 80) refuse('the record label is longer than 80 characters', 'a record label of at most 80 characters');
  if (edit.recordKey === doc.recordKey && label === doc.recordLabel) return doc;
  const next = without({ ...doc, recordKey: edit.recordKey }, 'recordLabel');
  return label === undefined ? next : { ...next, recordLabel: label };
}

function setMasking(doc: MappingDocument, edit: EditOf<'setMasking'>): MappingDocument {
  if (edit.masking === undefined) return without(doc, 'masking');
  return { ...doc, masking: parseOrRefuse(maskingPolicySchema, edit.masking, 'masking policy') };
}

function setNodePosition(doc: MappingDocument, edit: EditOf<'setNodePosition'>): MappingDocument {
  if (typeof edit.id !== 'string' || edit.id === '') refuse('a canvas node needs an id', 'layout node id');
  const nodes = { ...doc.layout.nodes };
  if (edit.position === undefined) delete nodes[edit.id];
  else {
    const { x, y } = edit.position;
    if (!Number.isFinite(x) || !Number.isFinite(y)) refuse(`layout node ${edit.id}: a position is two finite numbers`, `layout node ${edit.id} position`);
    const old = doc.layout.nodes[edit.id];
    if (old?.x === x && old.y === y) return doc;
    nodes[edit.id] = { x, y };
  }
  return { ...doc, layout: { ...doc.layout, nodes } };
}

/** The project edits, by kind. */
export const PROJECT_EDITS = {
  setName,
  setDescription,
  setEndpoint,
  setRecordKey,
  setMasking,
  setNodePosition,
} satisfies { [K in DocumentEdit['kind']]?: (doc: MappingDocument, edit: EditOf<K>) => MappingDocument };
