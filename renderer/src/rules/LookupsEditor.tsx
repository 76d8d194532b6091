/**
 * The lookup tables: inline entries (one `key = value` per line), a CSV
 * file next to the project with a key and a value column, whose first rows
 * are previewed through the backend, a table of rows (one row of named
 * columns per key, `key: column = value; ...`) or a table of constants (one
 * `column = value` per line, read by rules as `$table.<name>.<column>`).
 * Add, edit, rename and remove.
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
import { parseRows, showRows, tableSummary } from './table-text';

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
  kind: 'inline' | 'csv' | 'rows' | 'constants';
  entries: string;
  rows: string;
  file: string;
  keyColumn: string;
  valueColumn: string;
}

function draftOf(name = '', table?: LookupTable): Draft {
  const kind = !table || 'entries' in table ? 'inline' : 'rows' in table ? 'rows' : 'constants' in table ? 'constants' : 'csv';
  const pairs = table && 'entries' in table ? table.entries : table && 'constants' in table ? table.constants : {};
  return {
    name,
    kind,
    entries: Object.entries(pairs)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n'),
    rows: table && 'rows' in table ? showRows(table.rows) : '',
    file: table && 'file' in table ? table.file : '',
    keyColumn: table && 'keyColumn' in table ? table.keyColumn : '',
    valueColumn: table && 'valueColumn' in table ? table.valueColumn : '',
  };
}

/** The table the draft describes, or why it cannot be one. */
function tableOf(draft: Draft): { table?: LookupTable; problem?: string } {
  if (draft.kind === 'csv') {
    // Without a value column the file holds rows by key; without either, one row of constants.
    const [file, keyColumn, valueColumn] = [draft.file.trim(), draft.keyColumn.trim(), draft.valueColumn.trim()];
    if (valueColumn && !keyColumn) return { problem: 'a value column needs a key column' };
    return { table: valueColumn ? { file, keyColumn, valueColumn } : keyColumn ? { file, keyColumn } : { file } };
  }
  if (draft.kind === 'rows') {
    const parsed = parseRows(draft.rows);
    return parsed.problem ? { problem: parsed.problem } : { table: { rows: parsed.rows } };
  }
  const parsed = parseEntries(draft.entries);
  if (parsed.problem) return { problem: parsed.problem };
  // A lookup table maps text to text: numbers typed as values stay text.
  const texts = Object.fromEntries(Object.entries(parsed.entries).map(([k, v]) => [k, v === null ? '' : String(v)]));
  return { table: draft.kind === 'constants' ? { constants: texts } : { entries: texts } };
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
                <span className="muted">{tableSummary(table)}</span>
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
            <label className="form-check">
              <input type="radio" name="lookup-kind" checked={draft.kind === 'rows'} onChange={() => set({ kind: 'rows' })} /> rows of columns by key
            </label>
            <label className="form-check">
              <input type="radio" name="lookup-kind" checked={draft.kind === 'constants'} onChange={() => set({ kind: 'constants' })} /> constants (one row, no key)
            </label>
          </fieldset>
          {draft.kind === 'inline' || draft.kind === 'constants' ? (
            <label className="form-row">
              <span className="field-label">{draft.kind === 'constants' ? 'Column = value, one per line' : 'Key = value, one per line'}</span>
              <textarea className="text-input" rows={5} value={draft.entries} onChange={(e) => set({ entries: e.target.value })} />
            </label>
          ) : draft.kind === 'rows' ? (
            <label className="form-row">
              <span className="field-label">Key: column = value; column = value, one row per line</span>
              <textarea className="text-input" rows={5} value={draft.rows} placeholder="S-1: name = Beispiel GmbH; iban = DE02120300000000202051" onChange={(e) => set({ rows: e.target.value })} />
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
                  <input className="text-input" aria-describedby="lookup-csv-kinds" value={draft.valueColumn} onChange={(e) => set({ valueColumn: e.target.value })} />
                </label>
                <button type="button" className="button button-secondary button-small" disabled={!draft.file.trim()} onClick={() => void showPreview()}>
                  Preview rows
                </button>
              </div>
              <p className="muted small" id="lookup-csv-kinds">Leave the value column empty for a table of rows (a lookup picks one of its columns), and both empty for a one-row file of constants.</p>
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
