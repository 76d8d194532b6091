/**
 * The array contexts: which source array drives which target array, with
 * its filter, sort, group-by and record key. A list, and a form to add one
 * or change one (its target and source arrays, filter, sort, group-by and
 * record key); removing is one click (and one undo step). The mapping's own
 * name and record key head the tab (RecordNames).
 */
import { useId, useState, type FormEvent } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { ArrayContext, MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { ArrayContextInput } from '../../../mapping-engine/document/edits/edit-types';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import type { DocumentState } from '../document/document-store';
import { treeFields } from './field-tree';
import { RecordNames } from './RecordNames';
import { parseScalar, showScalar } from './transform-form';

/** Props of {@link ArraysEditor}. */
export interface ArraysEditorProps {
  store: StoreApi<DocumentState>;
  doc: MappingDocument;
  target: readonly SchemaFieldRow[] | undefined;
  source: readonly SchemaFieldRow[] | undefined;
  readOnly: boolean;
}

const OPS = ['=', '!=', '<', '<=', '>', '>=', 'exists', 'empty'];

interface Draft {
  target: string;
  source: string;
  filterField: string;
  filterOp: string;
  filterValue: string;
  sortField: string;
  descending: boolean;
  groupBy: string;
  recordKey: string;
  recordLabel: string;
}

function draftOf(context?: ArrayContext): Draft {
  return {
    target: context?.target ?? '',
    source: context?.source ?? '',
    filterField: context?.filter?.field ?? '',
    filterOp: context?.filter?.op ?? '=',
    filterValue: context?.filter && !Array.isArray(context.filter.value) ? showScalar(context.filter.value) : '',
    sortField: context?.sort?.field ?? '',
    descending: context?.sort?.descending ?? false,
    groupBy: context?.groupBy ?? '',
    recordKey: context?.recordKey ?? '',
    recordLabel: context?.recordLabel ?? '',
  };
}

/** The context the form describes; what the form does not show (the required policy, sort and group transforms) is kept from `original`. */
function contextOf(draft: Draft, original?: ArrayContext): ArrayContextInput {
  const context: ArrayContextInput = { target: draft.target.trim(), source: draft.source.trim() };
  if (original?.required) context.required = original.required;
  if (original?.groupTransforms && draft.groupBy.trim()) context.groupTransforms = original.groupTransforms;
  if (draft.filterField.trim() || draft.filterValue.trim() || draft.filterOp === 'exists' || draft.filterOp === 'empty') {
    context.filter = { ...(draft.filterField.trim() ? { field: draft.filterField.trim() } : {}), op: draft.filterOp as '=', ...(draft.filterValue.trim() && draft.filterOp !== 'exists' && draft.filterOp !== 'empty' ? { value: parseScalar(draft.filterValue) } : {}) };
  }
  if (draft.sortField.trim()) context.sort = { field: draft.sortField.trim(), descending: draft.descending, ...(original?.sort?.transforms ? { transforms: original.sort.transforms } : {}) };
  if (draft.groupBy.trim()) context.groupBy = draft.groupBy.trim();
  if (draft.recordKey.trim()) context.recordKey = draft.recordKey.trim();
  // A label only shows a key: without one it would name nothing.
  if (draft.recordKey.trim() && draft.recordLabel.trim()) context.recordLabel = draft.recordLabel.trim();
  return context;
}

/** Repeating paths of a side (document form), for the form's suggestions. */
function repeatingPaths(rows: readonly SchemaFieldRow[] | undefined): string[] {
  return treeFields(rows ?? [])
    .filter((f) => f.row.repeating)
    .map((f) => f.path);
}

/** The editor. */
export function ArraysEditor({ store, doc, target, source, readOnly }: ArraysEditorProps) {
  const id = useId();
  const [editing, setEditing] = useState<string | 'new'>();
  const [draft, setDraft] = useState<Draft>(draftOf());
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const context = contextOf(draft, editing === 'new' ? undefined : doc.arrays.find((a) => a.target === editing));
    const result = editing === 'new' ? store.getState().apply({ kind: 'addArray', context }) : store.getState().apply({ kind: 'setArray', target: editing!, context });
    if (result.ok) setEditing(undefined);
  };
  const input = (key: keyof Draft, label: string, list?: string, placeholder?: string) => (
    <label className="form-row">
      <span className="field-label">{label}</span>
      <input className="text-input" value={String(draft[key])} list={list} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} />
    </label>
  );

  return (
    <div className="rules-pad editor-list">
      <RecordNames store={store} doc={doc} readOnly={readOnly} sourcePaths={treeFields(source ?? []).map((f) => f.path)} />
      {doc.arrays.length === 0 && <p className="muted">No array contexts: every target field is computed once.</p>}
      <ul className="editor-items" aria-label="Array contexts">
        {doc.arrays.map((context) => (
          <li key={context.target} className="editor-item">
            <span className="editor-item-text">
              <code>{context.target}</code> ← each <code>{context.source}</code>
              {context.filter && <span className="muted"> · filter {context.filter.field ?? 'item'} {context.filter.op} {context.filter.value === undefined ? '' : JSON.stringify(context.filter.value)}</span>}
              {context.sort && <span className="muted"> · sort by {context.sort.field}{context.sort.descending ? ' (descending)' : ''}</span>}
              {context.groupBy && <span className="muted"> · grouped by {context.groupBy}</span>}
              {context.recordKey && <span className="muted"> · named by {context.recordLabel ? `${context.recordLabel} (${context.recordKey})` : context.recordKey}</span>}
            </span>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={readOnly}
              aria-label={`Edit array ${context.target}`}
              onClick={() => {
                setDraft(draftOf(context));
                setEditing(context.target);
              }}
            >
              Edit
            </button>
            <button type="button" className="button button-secondary button-small" disabled={readOnly} aria-label={`Remove array ${context.target}`} onClick={() => store.getState().apply({ kind: 'removeArray', target: context.target })}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {editing === undefined ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={readOnly}
          onClick={() => {
            setDraft(draftOf());
            setEditing('new');
          }}
        >
          + Add array context
        </button>
      ) : (
        <form className="editor-form" aria-label={editing === 'new' ? 'New array context' : `Array context ${editing}`} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setEditing(undefined)}>
          <datalist id={`${id}-targets`}>
            {repeatingPaths(target).map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <datalist id={`${id}-sources`}>
            {repeatingPaths(source).map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          {input('target', 'Target array', `${id}-targets`, 'contacts, or . for the whole output')}
          {input('source', 'Source array', `${id}-sources`, 'contacts, /order.lines, ../items')}
          <fieldset className="form-inline">
            <legend className="field-label">Filter (optional)</legend>
            <input className="text-input" aria-label="Filter field" placeholder="field" value={draft.filterField} onChange={(e) => set({ filterField: e.target.value })} />
            <select className="text-input" aria-label="Filter operator" value={draft.filterOp} onChange={(e) => set({ filterOp: e.target.value })}>
              {OPS.map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
            <input className="text-input" aria-label="Filter value" placeholder="value" value={draft.filterValue} onChange={(e) => set({ filterValue: e.target.value })} />
          </fieldset>
          <div className="form-inline">
            {input('sortField', 'Sort by (optional)')}
            <label className="form-check">
              <input type="checkbox" checked={draft.descending} onChange={(e) => set({ descending: e.target.checked })} /> descending
            </label>
          </div>
          <div className="form-inline">
            {input('groupBy', 'Group by (optional)')}
            {input('recordKey', 'Record key (optional)', undefined, 'names an item in errors')}
            {input('recordLabel', 'Record key shown as (optional)', undefined, 'Payment-No')}
          </div>
          <div className="transform-form-actions">
            <button type="submit" className="button button-primary button-small" disabled={readOnly}>
              {editing === 'new' ? 'Add array context' : 'Save'}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setEditing(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
