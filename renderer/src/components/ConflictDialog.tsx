/** The choice when another program changed (or deleted) the open project file. */
import type { DiskConflict } from '../project/project-session';
import { Dialog } from './Dialog';

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps {
  /** The file's name. */
  name: string;
  conflict: DiskConflict;
  /** True when the editor holds changes the file does not have. */
  dirty: boolean;
  onReload: () => void;
  onKeepMine: () => void;
  onCancel: () => void;
}

/** Asks whether to take the file's version or keep the one in the studio. */
export function ConflictDialog({ name, conflict, dirty, onReload, onKeepMine, onCancel }: ConflictDialogProps) {
  const what = conflict.missing ? `${name} was deleted or moved by another program.` : `${name} was changed by another program.`;
  return (
    <Dialog
      title={conflict.missing ? 'Project file is gone' : 'Project changed on disk'}
      tone="warning"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
          {!conflict.missing && (
            <button type="button" className="button button-secondary" onClick={onReload}>
              {dirty ? 'Reload from disk (lose my changes)' : 'Reload from disk'}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={onKeepMine} autoFocus>
            {conflict.onSave ? 'Keep mine (overwrite now)' : conflict.missing ? 'Keep mine (save it again)' : 'Keep mine (overwrite on save)'}
          </button>
        </>
      }
    >
      <p>{what}</p>
      <p className="muted">
        {conflict.missing
          ? 'Keep the version in the studio; saving writes the file again.'
          : 'Reload shows the version on disk. Keep mine leaves the studio as it is; the file is overwritten when you save.'}
      </p>
    </Dialog>
  );
}
