/**
 * The generated JSONata in Monaco, editable: the user changes the
 * expression and applies it (button or Ctrl/Cmd+Enter); the backend reads
 * it back into the mapping document (`applyExpression`) and the new
 * document text goes to the project session through `onDocumentText` as
 * one undo step. Revert after an applied edit is that step's undo.
 * Errors in the expression become markers at their line and column, run
 * errors on target fields become markers on the fields' spans. With a
 * rule selected, "Field" edits only that rule's expression (read back the
 * same way: the rule becomes custom unless its text is still a typed rule).
 */
import { useEffect, useMemo, useState } from 'react';
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
  /** The selected rule's target: offered for editing on its own. */
  field?: string | undefined;
  /** A request to show a line of the whole expression (a problem's JSONata line). */
  reveal?: { line: number; seq: number } | undefined;
}

/** What the editor edits: the whole expression or the selected field's. */
type EditScope = 'whole' | 'field';

/** The whole/field switch sits at the toolbar's end and gives way first when the panel is narrow. */
const SCOPE: React.CSSProperties = { display: 'inline-flex', flexWrap: 'wrap', gap: '0.2rem 0.7rem', marginInlineStart: 'auto', fontSize: '0.8rem', minWidth: 0 };
const SCOPE_FIELD: React.CSSProperties = { marginInlineStart: '0.3rem', maxWidth: '14rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'inline-block', verticalAlign: 'bottom' };

/** Visually hidden but readable (tests and screen readers): Monaco only renders the lines in view. */
const HIDDEN: React.CSSProperties = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'pre', margin: 0, padding: 0, border: 0 };

/** Shows, and edits, the one expression the mapping compiles to. */
export function JsonataPanel({ compiled, error, api, documentText, projectPath, readOnly, fieldErrors, onDocumentText, canUndoApplied, onUndoApplied, field, reveal }: JsonataPanelProps) {
  const locked = readOnly === true || compiled?.readOnly === true || !api || documentText === undefined;
  const [scope, setScope] = useState<EditScope>('whole');
  // The selected rule, kept while a recompile is under way: a field editor that came and went would drop the cursor.
  const oneField = field;
  const fieldEditable = field !== undefined && compiled?.sourceMap[field] !== undefined;
  const whole = useExpressionEdit({ api, compiled, documentText, projectPath, onDocumentText });
  const single = useExpressionEdit({ api, compiled, documentText, projectPath, onDocumentText, field: oneField });
  const editingField = scope === 'field' && oneField !== undefined;
  const edit = editingField ? single : whole;
  // A problem's line is a line of the whole expression.
  useEffect(() => {
    if (reveal) setScope('whole');
  }, [reveal?.seq]);
  const markers = useMemo(() => {
    if (edit.error) {
      const marker = markerForError(edit.text, edit.error);
      return marker ? [marker] : [];
    }
    // Field spans are only meaningful on the unedited expression.
    if (!compiled || edit.dirty) return [];
    if (!editingField) return markersForFields(edit.text, compiled.sourceMap, fieldErrors ?? []);
    return markersForFields(edit.text, { [oneField]: { start: 0, end: edit.text.length } }, (fieldErrors ?? []).filter((e) => e.field === oneField));
  }, [edit.error, edit.text, edit.dirty, compiled, fieldErrors, editingField, oneField]);

  if (error) return <ErrorNotice error={error} />;
  if (!compiled) return <p className="muted">Compiling…</p>;
  return (
    <div className="jsonata-panel" style={{ display: 'flex', flexDirection: 'column', gap: '0.5rem', height: '100%', position: 'relative' }}>
      <div className="jsonata-actions" role="toolbar" aria-label="Expression actions" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
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
        <span className="jsonata-scope" role="radiogroup" aria-label="Edit" style={SCOPE}>
          <label>
            <input type="radio" name="jsonata-scope" checked={!editingField} onChange={() => setScope('whole')} />
            Whole expression
          </label>
          <label style={{ minWidth: 0 }} title={oneField === undefined ? 'Select a mapped field in the rules view or the canvas' : `Edit only the expression of ${oneField}`}>
            <input type="radio" name="jsonata-scope" checked={editingField} disabled={!fieldEditable && !editingField} onChange={() => setScope('field')} />
            Field{oneField !== undefined && <code className="jsonata-scope-field" style={SCOPE_FIELD}>{oneField}</code>}
          </label>
        </span>
        {edit.applying && <span className="muted">Applying…</span>}
        {(readOnly === true || compiled.readOnly) && <span className="muted">Read-only</span>}
      </div>
      {edit.error && <ErrorNotice error={edit.error} />}
      {edit.custom && (
        <p className="muted" data-testid="jsonata-custom" role="status">
          {editingField
            ? edit.custom.includes(oneField)
              ? `Applied: ${oneField} is now a custom expression.`
              : `Applied: ${oneField} was read back as a typed rule.`
            : edit.custom.length === 0
              ? 'Applied: every field was read back into the mapping.'
              : `Applied: kept as custom expressions: ${edit.custom.join(', ')}`}
        </p>
      )}
      <JsonataEditor
        value={edit.text}
        readOnly={locked}
        markers={markers}
        onChange={edit.change}
        onApply={edit.apply}
        label={editingField ? `JSONata expression of ${oneField}` : 'JSONata expression'}
        reveal={editingField ? undefined : reveal}
      />
      <pre data-testid="jsonata" aria-hidden="true" style={HIDDEN}>
        {whole.text}
      </pre>
      {editingField && (
        <pre data-testid="jsonata-field" aria-hidden="true" style={HIDDEN}>
          {single.text}
        </pre>
      )}
    </div>
  );
}
