/**
 * The mapping's own names, at the head of the Arrays tab: the mapping name
 * (shown in the title bar and the spec) and the record key of the whole
 * input (the source field whose value names the input in required-field
 * errors, as an array context's record key names an item) with the label it
 * is shown by in errors (`Order "#1052"`). Each field is
 * applied when it is left or Enter is pressed, as one undo step.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit } from '../../../mapping-engine/document/edits/edit-types';
import type { DocumentState } from '../document/document-store';

/** Props of {@link RecordNames}. */
export interface RecordNamesProps {
  store: StoreApi<DocumentState>;
  doc: MappingDocument;
  readOnly: boolean;
  /** Source paths for the record key's suggestions. */
  sourcePaths: readonly string[];
}

/** One text field that applies `edit(value)` when committed and follows the document otherwise (undo, reload). */
function CommitField({ label, value, placeholder, list, readOnly, edit, store }: { label: string; value: string; placeholder?: string; list?: string; readOnly: boolean; edit: (value: string) => DocumentEdit | undefined; store: StoreApi<DocumentState> }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === value) return;
    const change = edit(draft);
    if (!change || !store.getState().apply(change).ok) setDraft(value);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setDraft(value);
  };
  return (
    <label className="form-row">
      <span className="field-label">{label}</span>
      <input className="text-input" value={draft} placeholder={placeholder} list={list} readOnly={readOnly} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={onKey} />
    </label>
  );
}

/** The form. */
export function RecordNames({ store, doc, readOnly, sourcePaths }: RecordNamesProps) {
  return (
    <section className="editor-form record-names" aria-label="Mapping names">
      <datalist id="record-names-sources">
        {sourcePaths.map((path) => (
          <option key={path} value={path} />
        ))}
      </datalist>
      <div className="form-inline">
        <CommitField label="Mapping name" value={doc.name} readOnly={readOnly} store={store} edit={(name) => (name.trim() ? { kind: 'setName', name: name.trim() } : undefined)} />
        <CommitField
          label="Record key of the whole input (optional)"
          value={doc.recordKey ?? ''}
          placeholder="names the input in errors, such as accountId"
          list="record-names-sources"
          readOnly={readOnly}
          store={store}
          edit={(key) => (key.trim() ? { kind: 'setRecordKey', recordKey: key.trim(), ...(doc.recordLabel ? { recordLabel: doc.recordLabel } : {}) } : { kind: 'setRecordKey' })}
        />
        <CommitField
          label="Record key shown as (optional)"
          value={doc.recordLabel ?? ''}
          placeholder={doc.recordKey ? `${doc.recordKey} unless named here, such as Order` : 'set a record key first'}
          readOnly={readOnly || doc.recordKey === undefined}
          store={store}
          edit={(label) => (doc.recordKey === undefined ? undefined : { kind: 'setRecordKey', recordKey: doc.recordKey, recordLabel: label.trim() })}
        />
      </div>
    </section>
  );
}
