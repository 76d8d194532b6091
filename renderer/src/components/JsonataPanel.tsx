/**
 * The generated JSONata in Monaco, editable: the user changes the
 * expression and applies it (button or Ctrl/Cmd+Enter); the backend reads
 * it back into the mapping document (`applyExpression`) and the new
 * document text goes to the project session through `onDocumentText` as
 * one undo step. Revert after an applied edit is that step's undo.
 * Errors in the expression become markers at their line and column, run
 * errors on target fields become markers on the fields' spans.
 */
import { useMemo } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult, FieldError } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { markerForError, markersForFields } from '../editor/editor-markers';
import { useExpressionEdit } from '../editor/use-expression-edit';
import { JsonataEditor } from '../editor/JsonataEditor';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link JsonataPanel}. */
export interface JsonataPanelProps {
  compiled: CompileResult | undefined;
  error: CodedErrorData | undefined;
  /** The backend; without it (or without `documentText`) the expression cannot be applied. */
  api?: StudioApi;
  /** The current document text, the base an edited expression is read back over. */
  documentText?: string;
  /** The project file, so lookup tables next to it can be read. */
  projectPath?: string;
  /** True when the project cannot be edited (also when `compiled.readOnly`). */
  readOnly?: boolean;
  /** Run errors on target fields, marked on the fields' spans. */
  fieldErrors?: readonly FieldError[];
  /** New document text after a successful apply. */
  onDocumentText?: (text: string) => void;
  /** True while the latest history step is an applied expression: Revert then undoes it. */
  canUndoApplied?: boolean;
  /** Undoes the applied expression (the document history's undo). */
  onUndoApplied?: () => void;
}

/** Visually hidden but readable (tests and screen readers): Monaco only renders the lines in view. */
const HIDDEN: React.CSSProperties = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'pre', margin: 0, padding: 0, border: 0 };

/** Shows, and edits, the one expression the mapping compiles to. */
export function JsonataPanel({ compiled, error, api, documentText, projectPath, readOnly, fieldErrors, onDocumentText, canUndoApplied, onUndoApplied }: JsonataPanelProps) {
  const locked = readOnly === true || compiled?.readOnly === true || !api || documentText === undefined;
  const edit = useExpressionEdit({ api, compiled, documentText, projectPath, onDocumentText });
  const markers = useMemo(() => {
    if (edit.error) {
      const marker = markerForError(edit.text, edit.error);
      return marker ? [marker] : [];
    }
    // Field spans are only meaningful on the unedited expression.
    return compiled && !edit.dirty ? markersForFields(edit.text, compiled.sourceMap, fieldErrors ?? []) : [];
  }, [edit.error, edit.text, edit.dirty, compiled, fieldErrors]);

  if (error) return <ErrorNotice error={error} />;
  if (!compiled) return <p className="muted">Compiling…</p>;
  return (
    <div className="jsonata-panel" style={{ display: 'flex', flexDirection: 'column', gap: '0.5rem', height: '100%', position: 'relative' }}>
      <div className="jsonata-actions" role="toolbar" aria-label="Expression actions" style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <button type="button" onClick={edit.apply} disabled={locked || !edit.dirty || edit.applying} title="Apply the edited expression (Ctrl/Cmd+Enter)">
          Apply
        </button>
        <button
          type="button"
          onClick={edit.dirty || edit.error ? edit.revert : onUndoApplied}
          disabled={!edit.dirty && !edit.error && !(canUndoApplied && onUndoApplied && !locked)}
          title={edit.dirty || edit.error ? 'Drop the unapplied changes' : 'Undo the applied expression (Ctrl/Cmd+Z)'}
        >
          Revert
        </button>
        {edit.applying && <span className="muted">Applying…</span>}
        {(readOnly === true || compiled.readOnly) && <span className="muted">Read-only</span>}
      </div>
      {edit.error && <ErrorNotice error={edit.error} />}
      {edit.custom && (
        <p className="muted" data-testid="jsonata-custom" role="status">
          {edit.custom.length === 0 ? 'Applied: every field was read back into the mapping.' : `Applied: kept as custom expressions: ${edit.custom.join(', ')}`}
        </p>
      )}
      <JsonataEditor value={edit.text} readOnly={locked} markers={markers} onChange={edit.change} onApply={edit.apply} />
      <pre data-testid="jsonata" aria-hidden="true" style={HIDDEN}>
        {edit.text}
      </pre>
    </div>
  );
}
