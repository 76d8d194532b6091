/** Asked before another project replaces one with unsaved changes. */
import { Dialog } from './Dialog';

/** Props of {@link UnsavedDialog}. */
export interface UnsavedDialogProps {
  name: string;
  /** What happens next, e.g. "opening orders.mapwright.json". */
  next: string;
  /** False for an untitled project: saving it needs a place first. */
  canSave: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onCancel: () => void;
}

/** Save, don't save, or stay. */
export function UnsavedDialog({ name, next, canSave, onSave, onDiscard, onCancel }: UnsavedDialogProps) {
  return (
    <Dialog
      title="Unsaved changes"
      tone="warning"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onDiscard}>
            Don’t save
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={onSave} autoFocus>
            {canSave ? 'Save' : 'Save As…'}
          </button>
        </>
      }
    >
      <p>
        Save the changes to <strong>{name}</strong> before {next}?
      </p>
      <p className="muted">If you don’t save, your changes are lost.</p>
    </Dialog>
  );
}
