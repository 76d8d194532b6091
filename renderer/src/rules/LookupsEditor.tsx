/**
 * The lookup tables: inline entries (one `key = value` per line) or a CSV
 * file next to the project with a key and a value column, whose first rows
 * are previewed through the backend. Add, edit, rename and remove.
 */
import { useState, type FormEvent } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { LookupTable, MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { DocumentEdit } from '../../../mapping-engine/document/edits/edit-types';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { DocumentState } from '../document/document-store';
import { ErrorNotice } from '../components/ErrorNotice';
import { parseEntries } from './transform-form';

/** Props of {@link LookupsEditor}. */
export interface LookupsEditorProps {
  api: Pick<StudioApi, 'readPayloadPreview'>;
  store: StoreApi<DocumentState>;
  doc: MappingDocument;
  projectPath: string | undefined;
  readOnly: boolean;
}

/** Rows shown in a CSV table's preview. */
const PREVIEW_ROWS = 8;

interface Draft {
  name: string;
  kind: 'inline' | 'csv';
  entries: string;
  file: string;
  keyColumn: string;
  valueColumn: string;
}

function draftOf(name = '', table?: LookupTable): Draft {
  const inline = !table || 'entries' in table;
  return {
    name,
    kind: inline ? 'inline' : 'csv',
    entries: table && 'entries' in table ? Object.entries(table.entries).map(([k, v]) => `${k} = ${v}`).join('\n') : '',
    file: table && 'file' in table ? table.file : '',
    keyColumn: table && 'file' in table ? table.keyColumn : '',
    valueColumn: table && 'file' in table ? table.valueColumn : '',
  };
}

/** The table the draft describes, or why it cannot be one. */
function tableOf(draft: Draft): { table?: LookupTable; problem?: string } {
  if (draft.kind === 'csv') return { table: { file: draft.file.trim(), keyColumn: draft.keyColumn.trim(), valueColumn: draft.valueColumn.trim() } };
  const parsed = parseEntries(draft.entries);
  if (parsed.problem) return { problem: parsed.problem };
  // A lookup table maps text to text: numbers typed as values stay text.
  return { table: { entries: Object.fromEntries(Object.entries(parsed.entries).map(([k, v]) => [k, v === null ? '' : String(v)])) } };
}

/** The editor. */
export function LookupsEditor({ api, store, doc, projectPath, readOnly }: LookupsEditorProps) {
  const [editing, setEditing] = useState<string | 'new'>();
  const [draft, setDraft] = useState<Draft>(draftOf());
  const [problem, setProblem] = useState<string>();
  const [preview, setPreview] = useState<{ rows: Array<Record<string, unknown>>; total: number } | CodedErrorData>();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const names = Object.keys(doc.lookups).sort();

  const showPreview = async () => {
    if (!projectPath) return setPreview({ code: 'USAGE', message: 'save the project first: a CSV table is read next to the project file' });
    const result = await api.readPayloadPreview({ projectPath, file: draft.file.trim(), format: 'csv', pageSize: PREVIEW_ROWS });
    if (!result.ok) return setPreview(result.error);
    setPreview({ rows: result.value.records.map((r) => JSON.parse(r.text) as Record<string, unknown>), total: result.value.total });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { table, problem: wrong } = tableOf(draft);
    setProblem(wrong);
    if (!table) return;
    const name = draft.name.trim();
    const edit: DocumentEdit =
      editing === 'new' || editing === name
        ? { kind: 'setLookup', name, table }
        : { kind: 'batch', label: `lookup table ${name}`, edits: [{ kind: 'renameLookup', name: editing!, newName: name }, { kind: 'setLookup', name, table }] };
    if (store.getState().apply(edit).ok) setEditing(undefined);
  };
  const start = (name?: string) => {
    setDraft(draftOf(name, name === undefined ? undefined : doc.lookups[name]));
    setProblem(undefined);
    setPreview(undefined);
    setEditing(name ?? 'new');
  };

  return (
    <div className="rules-pad editor-list">
      {names.length === 0 && <p className="muted">No lookup tables. A lookup transform replaces a key by its value from one.</p>}
      <ul className="editor-items" aria-label="Lookup tables">
        {names.map((name) => {
          const table = doc.lookups[name]!;
          return (
            <li key={name} className="editor-item">
              <span className="editor-item-text">
                <code>{name}</code>{' '}
                <span className="muted">{'entries' in table ? `${Object.keys(table.entries).length} entries` : `${table.file}: ${table.keyColumn} → ${table.valueColumn}`}</span>
              </span>
              <button type="button" className="button button-secondary button-small" disabled={readOnly} aria-label={`Edit lookup table ${name}`} onClick={() => start(name)}>
                Edit
              </button>
              <button type="button" className="button button-secondary button-small" disabled={readOnly} aria-label={`Remove lookup table ${name}`} onClick={() => store.getState().apply({ kind: 'removeLookup', name })}>
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      {editing === undefined ? (
        <button type="button" className="button button-secondary button-small" disabled={readOnly} onClick={() => start()}>
          + Add lookup table
        </button>
      ) : (
        <form className="editor-form" aria-label={editing === 'new' ? 'New lookup table' : `Lookup table ${editing}`} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setEditing(undefined)}>
          <label className="form-row">
            <span className="field-label">Name</span>
            <input className="text-input" value={draft.name} placeholder="countries" onChange={(e) => set({ name: e.target.value })} />
          </label>
          <fieldset className="form-inline" role="radiogroup">
            <legend className="field-label">Entries</legend>
            <label className="form-check">
              <input type="radio" name="lookup-kind" checked={draft.kind === 'inline'} onChange={() => set({ kind: 'inline' })} /> typed here
            </label>
            <label className="form-check">
              <input type="radio" name="lookup-kind" checked={draft.kind === 'csv'} onChange={() => set({ kind: 'csv' })} /> from a CSV file
            </label>
          </fieldset>
          {draft.kind === 'inline' ? (
            <label className="form-row">
              <span className="field-label">Key = value, one per line</span>
              <textarea className="text-input" rows={5} value={draft.entries} onChange={(e) => set({ entries: e.target.value })} />
            </label>
          ) : (
            <>
              <label className="form-row">
                <span className="field-label">CSV file (relative to the project)</span>
                <input className="text-input" value={draft.file} placeholder="lookups/countries.csv" onChange={(e) => set({ file: e.target.value })} />
              </label>
              <div className="form-inline">
                <label className="form-row">
                  <span className="field-label">Key column</span>
                  <input className="text-input" value={draft.keyColumn} onChange={(e) => set({ keyColumn: e.target.value })} />
                </label>
                <label className="form-row">
                  <span className="field-label">Value column</span>
                  <input className="text-input" value={draft.valueColumn} onChange={(e) => set({ valueColumn: e.target.value })} />
                </label>
                <button type="button" className="button button-secondary button-small" disabled={!draft.file.trim()} onClick={() => void showPreview()}>
                  Preview rows
                </button>
              </div>
              {preview && ('code' in preview ? <ErrorNotice error={preview} /> : <CsvPreview rows={preview.rows} total={preview.total} keyColumn={draft.keyColumn} valueColumn={draft.valueColumn} />)}
            </>
          )}
          {problem && (
            <span className="field-problem" role="alert">
              {problem}
            </span>
          )}
          <div className="transform-form-actions">
            <button type="submit" className="button button-primary button-small" disabled={readOnly}>
              {editing === 'new' ? 'Add lookup table' : 'Save'}
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

function CsvPreview({ rows, total, keyColumn, valueColumn }: { rows: Array<Record<string, unknown>>; total: number; keyColumn: string; valueColumn: string }) {
  const columns = Object.keys(rows[0] ?? {});
  const missing = [keyColumn, valueColumn].filter((c) => c && rows.length > 0 && !columns.includes(c));
  return (
    <div className="csv-preview">
      {missing.length > 0 && <p className="field-problem">No column named {missing.join(' or ')}; the file has {columns.join(', ')}.</p>}
      <table className="import-report" aria-label="CSV preview">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} className={c === keyColumn || c === valueColumn ? 'csv-used' : undefined}>
                {c}
                {c === keyColumn ? ' (key)' : c === valueColumn ? ' (value)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{String(row[c] ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {rows.length} of {total} rows
      </p>
    </div>
  );
}
