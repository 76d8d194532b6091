/**
 * "Import sample…" (issue 4): the user picks a side and a file; the backend
 * masks it and writes ONLY the masked copy into the project's samples/ folder.
 * The dialog then shows the review: what was detected where, why, and a
 * MASKED example (the original values never reach the renderer), plus the
 * first records of the masked copy. The document records the copy through
 * `onImported`, so the project is dirty until the user saves.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { ImportSampleResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { StudioShellApi } from '../../../electron/contract/studio-commands';
import { importAvailability, importHint, sideFormatIn, tryAddSample, typedSamplePath, type ImportProjectState, type SampleSide } from '../import/sample-import';
import type { PayloadFormat } from '../../../mapping-engine/payload/types';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link ImportSampleButton}. */
export interface ImportSampleButtonProps {
  api: Pick<StudioApi, 'importSample'>;
  /** The open project; undefined while none is open. */
  project: ImportProjectState | undefined;
  /** True while a file command runs. */
  busy: boolean;
  /** The document text now (the sample is added to what the user sees, saved or not). */
  getText: () => string;
  /** The store's single entry point for edits: marks the project dirty. */
  replaceText: (text: string) => void;
  /** An untitled project or a bundled sample is saved as the user's own first (the workflow's Save As). */
  onSaveFirst: () => void;
  /** Electron's shell: the file is picked in the native dialog (which grants the engine access to it). */
  shell?: Pick<StudioShellApi, 'onCommand' | 'showFileDialog'>;
}

/** The toolbar's "Import sample…" button and its dialog. */
export function ImportSampleButton({ api, project, busy, getText, replaceText, onSaveFirst, shell }: ImportSampleButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const availability = importAvailability(project);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  const record = useCallback(
    (side: SampleSide, result: ImportSampleResult): CodedErrorData | undefined => {
      const next = tryAddSample(getText(), side, result.relativePath);
      if ('error' in next) return next.error;
      replaceText(next.text);
      return undefined;
    },
    [getText, replaceText],
  );
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button-secondary"
        disabled={busy || availability === 'unavailable'}
        aria-haspopup="dialog"
        title={
          availability === 'saveFirst'
            ? 'Save your own copy of the project first; samples are stored in its folder'
            : 'Import a sample, masked, into the project'
        }
        onClick={() => (availability === 'saveFirst' ? onSaveFirst() : setOpen(true))}
      >
        Import sample…
      </button>
      {open && project?.path !== undefined && <ImportSampleDialog api={api} projectPath={project.path} shell={shell} onImported={record} onClose={close} sideFormat={(s) => sideFormatIn(getText(), s)} />}
    </>
  );
}

/** Props of {@link ImportSampleDialog}. */
export interface ImportSampleDialogProps {
  api: Pick<StudioApi, 'importSample'>;
  /** The saved project the sample joins. */
  projectPath: string;
  /** Pre-filled file. */
  initialFile?: string;
  /** Electron's shell: a "Choose…" button shows the native dialog, whose answer fills the field. */
  shell?: Pick<StudioShellApi, 'onCommand' | 'showFileDialog'>;
  /** The masked copy exists: record it in the document. Returns an error when the document cannot take it. */
  onImported: (side: SampleSide, result: ImportSampleResult) => CodedErrorData | undefined;
  onClose: () => void;
  /** The side's format in the document as edited, so a sample of another format is refused before it is copied. */
  sideFormat?: (side: SampleSide) => PayloadFormat | undefined;
}

/** Asks for a sample, imports it masked, shows the masking report. */
export function ImportSampleDialog({ api, projectPath, initialFile, shell, onImported, onClose, sideFormat }: ImportSampleDialogProps) {
  const [side, setSide] = useState<SampleSide>('source');
  const [file, setFile] = useState(initialFile ?? '');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<CodedErrorData>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportSampleResult>();

  // The native dialog answers with a command; only while this dialog is open does it fill the field.
  useEffect(
    () =>
      shell?.onCommand((command) => {
        if (command.command !== 'importSample') return;
        setFile(command.path);
        setProblem(undefined);
        setError(undefined);
      }),
    [shell],
  );

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (busy) return;
    const typed = typedSamplePath(file);
    if ('problem' in typed) return setProblem(typed.problem);
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    try {
      const format = sideFormat?.(side);
      const imported = await api.importSample({
        projectPath,
        side,
        file: typed.path,
        ...(format ? { sideFormat: format } : {}),
      });
      if (!imported.ok) return setError(imported.error);
      // The copy is on disk either way; a document that cannot take it says why, the review still shows.
      setError(onImported(side, imported.value));
      setResult(imported.value);
    } finally {
      setBusy(false);
    }
  }

  if (result) return <ImportReview side={side} result={result} error={error} onClose={onClose} />;
  const hint = error && importHint(error);
  return (
    <Dialog
      title="Import sample"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="import-sample-form" className="button button-primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <form id="import-sample-form" className="path-form" onSubmit={(event) => void submit(event)}>
        <fieldset className="import-side">
          <legend className="field-label">Side</legend>
          {(['source', 'target'] as const).map((value) => (
            <label key={value} className="import-side-choice">
              <input type="radio" name="import-side" value={value} checked={side === value} onChange={() => setSide(value)} />
              {value === 'source' ? 'Source' : 'Target'}
            </label>
          ))}
        </fieldset>
        <label className="field-label" htmlFor="import-sample-file">
          Sample file (absolute path)
        </label>
        <div className="import-file-row">
          <input
            id="import-sample-file"
            className="text-input"
            type="text"
            spellCheck={false}
            autoFocus
            placeholder="/home/me/mappings/exports/customers.csv"
            value={file}
            onChange={(event) => {
              setFile(event.target.value);
              setProblem(undefined);
              setError(undefined);
            }}
          />
          {shell && (
            <button type="button" className="button button-secondary" onClick={() => shell.showFileDialog('importSample')}>
              Choose…
            </button>
          )}
        </div>
        {problem && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      {error && <ErrorNotice error={error} />}
      {hint && <p className="field-warning">{hint}</p>}
      <p className="muted small">Personal data is masked on import; only the masked copy is kept, in the project’s samples/ folder.</p>
    </Dialog>
  );
}

/** Props of {@link ImportReview}. */
interface ImportReviewProps {
  side: SampleSide;
  result: ImportSampleResult;
  error?: CodedErrorData;
  onClose: () => void;
}

/** The reviewable masking report and the masked copy's first records. */
function ImportReview({ side, result, error, onClose }: ImportReviewProps) {
  const { report, preview } = result;
  return (
    <Dialog
      title="Sample imported"
      onCancel={onClose}
      actions={
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          Done
        </button>
      }
    >
      <p>
        Saved the masked copy as <code data-testid="import-path">{result.relativePath}</code> ({result.format}) and added it to the {side} samples. Save the
        project to keep the change.
      </p>
      {error && <ErrorNotice error={error} />}
      {report.length === 0 ? (
        <p className="muted">No personal data was detected.</p>
      ) : (
        <div className="import-report-scroll">
          <table className="import-report" aria-label="Masking report">
            <thead>
              <tr>
                <th>Field</th>
                <th>Category</th>
                <th>Reason</th>
                <th>Masked example</th>
                <th>Values</th>
              </tr>
            </thead>
            <tbody>
              {report.map((entry) => (
                <tr key={`${entry.path}\u0000${entry.category}`} data-masked={entry.masked}>
                  <td>
                    <code>{entry.path}</code>
                  </td>
                  <td>
                    <span className="import-category">{entry.category}</span>
                    {!entry.masked && <span className="muted small"> (kept)</span>}
                  </td>
                  <td>{entry.reason}</td>
                  <td>
                    <code>{entry.maskedExample}</code>
                  </td>
                  <td className="import-count">{entry.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="field-label">
        Masked sample ({preview.records.length} of {preview.totalExact ? preview.total : `about ${preview.total}`} records)
      </div>
      <pre className="import-preview" data-testid="import-preview">
        {preview.records.map((record) => record.text + (record.truncated ? ' …' : '')).join('\n')}
      </pre>
    </Dialog>
  );
}
