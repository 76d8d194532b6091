/**
 * "Import sheet…": a client's source-to-target spreadsheet (XLSX or CSV) as
 * a draft. The user names the file (it must be one the studio may read) and
 * chooses which columns hold the target field, the source fields, the rule
 * text and notes; rows whose fields exist become rules (one undo step), the
 * others are listed with the reason. In Electron, "Choose…" shows the
 * native Open dialog: main grants the picked file and sends it back as a
 * `pickSheet` command, which fills the field and reads the sheet.
 */
import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { ImportSheetResult } from '../../../electron/contract/methods/draft-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { StudioShellApi } from '../../../electron/contract/studio-commands';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import type { DocumentState } from '../document/document-store';

/** Props of {@link ImportSheetDialog}. */
export interface ImportSheetDialogProps {
  api: StudioApi;
  store: StoreApi<DocumentState>;
  projectPath: string;
  onClose: () => void;
  /** Electron's shell (absent in the web studio, where the path is typed and must be one the studio may read). */
  shell?: Pick<StudioShellApi, 'onCommand' | 'showFileDialog'>;
}

type Columns = NonNullable<ImportSheetResult['columns']>;
const PARTS: Array<[keyof Columns, string, boolean]> = [
  ['target', 'Target field column', true],
  ['sources', 'Source fields column', true],
  ['ruleText', 'Rule text column', false],
  ['notes', 'Notes column', false],
  // A Mapwright spec's machine-readable columns: the rule as JSON, and its JSONata (read back into the exact rule).
  ['jsonata', 'JSONata column', false],
  ['rule', 'Rule JSON column', false],
];

/** The dialog. */
export function ImportSheetDialog({ api, store, projectPath, onClose, shell = typeof window === 'undefined' ? undefined : window.mapwrightShell }: ImportSheetDialogProps) {
  const [file, setFile] = useState('');
  const [result, setResult] = useState<ImportSheetResult>();
  const [columns, setColumns] = useState<Partial<Columns>>({});
  const [error, setError] = useState<CodedErrorData>();
  const [busy, setBusy] = useState(false);

  const read = async (chosen?: Partial<Columns>, path = file) => {
    setBusy(true);
    setError(undefined);
    const wanted = chosen?.target && chosen.sources ? ({ ...chosen } as Columns) : undefined;
    const answer = await api.importMappingSheet({ projectPath, text: store.getState().text, file: path.trim(), ...(wanted ? { columns: wanted } : {}) });
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setResult(answer.value);
    setColumns(answer.value.columns ?? chosen ?? {});
  };
  // The latest `read`, for the shell's answer (its listener is registered once).
  const readLatest = useRef(read);
  readLatest.current = read;
  useEffect(
    () =>
      shell?.onCommand((command) => {
        if (command.command !== 'pickSheet') return;
        // Main granted the picked file: the field shows it and the sheet is read.
        setFile(command.path);
        setResult(undefined);
        setColumns({});
        void readLatest.current(undefined, command.path);
      }),
    [shell],
  );
  const choose = (part: keyof Columns, header: string) => {
    const next = { ...columns };
    if (header === '') delete next[part];
    else next[part] = header;
    setColumns(next);
    void read(next);
  };
  const accept = () => {
    if (!result || result.rules.length === 0) return;
    const label = `Import ${result.rules.length} rules from ${file.trim().split(/[\\/]/).pop()}`;
    const applied = store.getState().apply({ kind: 'batch', edits: result.rules.map((rule) => ({ kind: 'addRule', rule })), label }, { label });
    if (!applied.ok) return setError(applied.error);
    onClose();
  };

  return (
    <Dialog
      title="Import a mapping sheet"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button" disabled={!result || result.rules.length === 0 || busy} onClick={accept}>
            Import {result?.rules.length ?? 0} rules
          </button>
        </>
      }
    >
      <form
        className="import-sheet"
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
      >
        <label>
          <span>Spreadsheet (.xlsx or .csv; absolute, or relative to the project)</span>
          <input className="text-input" aria-label="Spreadsheet file" value={file} onChange={(e) => setFile(e.target.value)} autoFocus />
        </label>
        {shell && (
          <button type="button" className="button button-small button-secondary" disabled={busy} onClick={() => shell.showFileDialog('pickSheet')}>
            Choose…
          </button>
        )}
        <button type="submit" className="button button-small button-secondary" disabled={busy || file.trim() === ''}>
          Read the sheet
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
      {result && (
        <div className="import-sheet-columns" role="group" aria-label="Sheet columns">
          {PARTS.map(([part, label, required]) => (
            <label key={part}>
              <span>{label}</span>
              <select aria-label={label} value={columns[part] ?? ''} onChange={(e) => choose(part, e.target.value)}>
                <option value="">{required ? '(choose a column)' : '(none)'}</option>
                {result.headers.filter((h) => h !== '').map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {result?.columns && (
        <p className="muted" data-testid="import-sheet-summary">
          {result.rules.length} row(s) become rules; {result.unresolved.length} unresolved.
        </p>
      )}
      {result && result.unresolved.length > 0 && (
        <ul className="import-sheet-unresolved" aria-label="Unresolved rows">
          {result.unresolved.slice(0, 200).map((u) => (
            <li key={u.row}>
              row {u.row}: {u.target} {u.sources.length > 0 ? `← ${u.sources.join(', ')}` : ''}: {u.reason}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
