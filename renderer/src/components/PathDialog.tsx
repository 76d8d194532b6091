/**
 * Open and Save As where no native dialog exists (the browser; Electron's
 * toolbar buttons, whose native dialogs live in the menu): an absolute path
 * field plus the recent projects. Save As asks before replacing a file.
 */
import { useState, type FormEvent } from 'react';
import type { RecentFileEntry } from '../../../electron/contract/methods/project-methods';
import { typedProjectPath } from '../project/shell-input';
import { Dialog } from './Dialog';

/** Props of {@link PathDialog}. */
export interface PathDialogProps {
  mode: 'open' | 'saveAs';
  /** Pre-filled path (Save As: the current file's). */
  initialPath?: string;
  recent: RecentFileEntry[] | undefined;
  /**
   * Tells the backend the user chose `path` here (the web studio's one grant
   * entry, `grantChosenPath`); runs before anything else touches the path, so
   * the backend answers `exists` and the open or save for it. Resolves to an
   * error message when the backend refuses.
   */
  grant: (path: string) => Promise<string | undefined>;
  /** True when a file exists at `path` (Save As confirms before replacing it). */
  exists: (path: string) => Promise<boolean>;
  onSubmit: (path: string) => void;
  onCancel: () => void;
}

/** Asks for a project path. */
export function PathDialog({ mode, initialPath, recent, grant, exists, onSubmit, onCancel }: PathDialogProps) {
  const [value, setValue] = useState(initialPath ?? '');
  const [problem, setProblem] = useState<string>();
  // Save As onto an existing file needs a second, explicit confirmation.
  const [confirmReplace, setConfirmReplace] = useState<string>();
  const opening = mode === 'open';

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    const typed = typedProjectPath(value, mode);
    if ('problem' in typed) return setProblem(typed.problem);
    const refused = await grant(typed.path);
    if (refused) return setProblem(refused);
    if (!opening && confirmReplace !== typed.path && (await exists(typed.path))) {
      setProblem(undefined);
      return setConfirmReplace(typed.path);
    }
    onSubmit(typed.path);
  }

  return (
    <Dialog
      title={opening ? 'Open project' : 'Save project as'}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form="path-dialog-form" className="button button-primary">
            {confirmReplace ? 'Replace' : opening ? 'Open' : 'Save'}
          </button>
        </>
      }
    >
      <form id="path-dialog-form" className="path-form" onSubmit={(event) => void submit(event)}>
        <label className="field-label" htmlFor="path-dialog-input">
          Project file (absolute path)
        </label>
        <input
          id="path-dialog-input"
          className="text-input"
          type="text"
          spellCheck={false}
          autoFocus
          placeholder="/home/me/mappings/orders.mapwright.json"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(undefined);
            setConfirmReplace(undefined);
          }}
        />
        {problem && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
        {confirmReplace && (
          <p className="field-warning" role="alert">
            A file already exists at this path. Replace it?
          </p>
        )}
      </form>
      {recent && recent.length > 0 && (
        <div className="path-recent">
          <div className="field-label">Recent projects</div>
          <ul className="recent-list">
            {recent.map((file) => (
              <li key={file.path}>
                <button
                  type="button"
                  className="recent-item"
                  title={file.path}
                  onClick={() => (opening ? onSubmit(file.path) : (setValue(file.path), setConfirmReplace(undefined)))}
                >
                  <span className="menu-item-name">{file.name}</span>
                  <span className="menu-item-path">{file.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted small">The browser cannot browse your disk; the desktop app shows the system’s file dialog.</p>
    </Dialog>
  );
}
