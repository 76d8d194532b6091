/**
 * The Export button and its dialog: the user picks a format (each with a line
 * on what it is), chooses whether the test cases run so the spec shows their
 * results, and gets the file as a download. The studio's current text is
 * exported, unsaved edits included, as if saved at the project path.
 *
 * The dialog is modal and keyboard-complete: labelled and described, focus on
 * the chosen format when it opens, Tab kept inside, Escape closes, and the
 * focus goes back to the button afterwards.
 */
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { ExportKindName } from '../../../electron/contract/methods/export-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import { EXPORT_CHOICES, showsTestResults } from '../export/export-choices';
import { exportBlob, offerDownload } from '../export/export-download';
import { tabbables, wrapFocus } from '../export/focus-trap';
import { ErrorNotice } from './ErrorNotice';

/**
 * Layout of the format list. Set through the style property (CSSOM), which
 * the studio's CSP allows, since styles.css belongs to the shell; the class
 * names stay so the shell's stylesheet can take these over.
 */
const LAYOUT = {
  formats: { border: 'none', padding: 0, margin: '0.6rem 0', display: 'grid', gap: '0.35rem' },
  legend: { fontWeight: 600, padding: 0, marginBottom: '0.3rem' },
  format: { display: 'flex', gap: '0.6rem', alignItems: 'flex-start', padding: '0.35rem 0.5rem', borderRadius: '6px', cursor: 'pointer' },
  radio: { marginTop: '0.2rem' },
  text: { display: 'grid', gap: '0.1rem' },
  description: { opacity: 0.75, fontSize: '0.85rem' },
  tests: { display: 'flex', gap: '0.6rem', alignItems: 'center', margin: '0.6rem 0.5rem 0.2rem' },
} as const;

/** Props of {@link ExportButton}. */
export interface ExportButtonProps {
  api: StudioApi;
  /** The open project's file; the button is disabled while none is open. */
  projectPath: string | undefined;
  /** The document as the studio holds it now (may be unsaved). */
  text: string | undefined;
}

/** The toolbar's "Export…" button, which opens the Export dialog. */
export function ExportButton({ api, projectPath, text }: ExportButtonProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <>
      <button ref={button} type="button" className="button button-secondary" onClick={() => setOpen(true)} disabled={projectPath === undefined} aria-haspopup="dialog">
        Export…
      </button>
      {open && projectPath !== undefined && <ExportDialog api={api} projectPath={projectPath} text={text} onClose={close} />}
    </>
  );
}

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  api: StudioApi;
  projectPath: string;
  text: string | undefined;
  onClose: () => void;
}

/** The modal Export dialog. */
export function ExportDialog({ api, projectPath, text, onClose }: ExportDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const box = useRef<HTMLDivElement>(null);
  const [kind, setKind] = useState<ExportKindName>(EXPORT_CHOICES[0]!.kind);
  const [runTests, setRunTests] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CodedErrorData | undefined>(undefined);
  // A result that arrives after the dialog closed is dropped, not downloaded.
  // Set in the effect (not only at creation): StrictMode unmounts and remounts once.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    box.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, []);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && box.current) {
      const target = wrapFocus(tabbables(box.current), document.activeElement as HTMLElement | null, event.shiftKey);
      if (target) {
        event.preventDefault();
        target.focus();
      }
    }
  };

  const exportNow = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    const result = await api.exportSpec({ projectPath, kind, runTests: runTests && showsTestResults(kind), ...(text !== undefined ? { text } : {}) });
    if (!mounted.current) return;
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    offerDownload(exportBlob(result.value), result.value.fileName);
    onClose();
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && !busy && onClose()}>
      <div ref={box} className="dialog export-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={descriptionId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="dialog-title">
          Export mapping
        </h2>
        <div className="dialog-body">
          <p id={descriptionId}>Save the mapping as a spec to hand over, as its JSONata expression, or as the document. Unsaved edits are included.</p>
          <fieldset className="export-formats" style={LAYOUT.formats} disabled={busy}>
            <legend style={LAYOUT.legend}>Format</legend>
            {EXPORT_CHOICES.map((choice) => (
              <label key={choice.kind} className="export-format" style={LAYOUT.format}>
                <input style={LAYOUT.radio} type="radio" name="export-format" value={choice.kind} checked={kind === choice.kind} onChange={() => setKind(choice.kind)} aria-describedby={`${descriptionId}-${choice.kind}`} />
                <span className="export-format-text" style={LAYOUT.text}>
                  <strong>{choice.label}</strong>
                  <span id={`${descriptionId}-${choice.kind}`} className="export-format-description" style={LAYOUT.description}>
                    {choice.description}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <label className="export-tests" style={LAYOUT.tests}>
            <input type="checkbox" checked={runTests && showsTestResults(kind)} disabled={busy || !showsTestResults(kind)} onChange={(event) => setRunTests(event.target.checked)} />
            Run test cases and include results
          </label>
          {busy && (
            <p role="status" className="export-status">
              Exporting…
            </p>
          )}
          {error && <ErrorNotice error={error} />}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={() => void exportNow()} disabled={busy}>
            Export
          </button>
        </div>
      </div>
    </div>
  );
}
