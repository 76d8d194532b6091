/**
 * "New…" (issue 13): a project made from files the user picks. Its name; the
 * source and the target, each a sample payload or a schema (JSON Schema,
 * OpenAPI component or operation, XSD root element), whose kind is detected
 * and shown; and where to save it. Create copies the files into the project
 * folder (a sample masked on the way in) and writes the project; the masking
 * review follows, and the project opens ready to map.
 *
 * In the browser the place typed here is granted as a Save As place
 * (`grantChosenPath`), and a picked file must lie in a folder the user opened
 * (as for Import sample); in Electron the native dialog grants a picked file
 * in the main process. Tab stays inside the dialog,
 * Escape cancels.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CreateProjectResult } from '../../../electron/contract/methods/project-file-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { StudioShellApi } from '../../../electron/contract/studio-commands';
import { tabbables, wrapFocus } from '../export/focus-trap';
import { MaskingReview } from '../new-project/MaskingReview';
import { endpointChoice, projectFileName, projectPathIn, type SidePick } from '../new-project/new-project-form';
import { PickedFileField } from '../new-project/PickedFileField';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link NewProjectDialog}. */
export interface NewProjectDialogProps {
  api: Pick<StudioApi, 'grantChosenPath' | 'inspectChosenFile' | 'createProject'>;
  /** Pre-filled folder (the open project's). */
  initialFolder?: string;
  /** Electron's shell: "Choose…" shows the native dialog, whose answer fills the side that asked. */
  shell?: Pick<StudioShellApi, 'onCommand' | 'showFileDialog'>;
  /** The project exists on disk: open it. */
  onCreated: (path: string) => void;
  onClose: () => void;
}

type Side = 'source' | 'target';

/** The dialog: the form, then the masking review. */
export function NewProjectDialog({ api, initialFolder, shell, onCreated, onClose }: NewProjectDialogProps) {
  const titleId = useId();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [name, setName] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [folder, setFolder] = useState(initialFolder ?? '');
  const [picks, setPicks] = useState<Record<Side, SidePick>>({ source: { path: '' }, target: { path: '' } });
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<CodedErrorData>();
  const [confirmReplace, setConfirmReplace] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreateProjectResult>();
  // The side whose native "Choose…" dialog is open (its answer comes back as a shell command).
  const choosing = useRef<Side>('source');
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(
    () =>
      shell?.onCommand((command) => {
        if (command.command === 'newProjectPlace') {
          // The native Save dialog granted this place: it fills the folder and the file name.
          const at = Math.max(command.path.lastIndexOf('/'), command.path.lastIndexOf('\\'));
          setFolder(command.path.slice(0, at));
          setFileName(command.path.slice(at + 1));
          return;
        }
        if (command.command !== 'pickFile') return;
        const side = choosing.current;
        // The native dialog granted the file; the field shows it and the backend is asked what it holds.
        setPicks((current) => ({ ...current, [side]: { path: command.path } }));
        void api.inspectChosenFile({ path: command.path }).then((result) => {
          if (!mounted.current) return;
          if (result.ok) setPicks((current) => (current[side].path === command.path ? { ...current, [side]: { path: command.path, info: result.value } } : current));
          else setError(result.error);
        });
      }),
    [shell, api],
  );

  const effectiveFileName = fileName ?? projectFileName(name);
  const place = projectPathIn(folder, effectiveFileName);
  const close = created ? () => onCreated(created.project.path ?? '') : onClose;

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (!busy) close();
    } else if (event.key === 'Tab' && box.current) {
      const target = wrapFocus(tabbables(box.current), document.activeElement as HTMLElement | null, event.shiftKey);
      if (target) {
        event.preventDefault();
        target.focus();
      }
    }
  };

  async function create(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    if (busy) return;
    setError(undefined);
    if (!name.trim()) return setProblem('Give the project a name.');
    const source = endpointChoice(picks.source, 'source');
    if ('problem' in source) return setProblem(source.problem);
    const target = endpointChoice(picks.target, 'target');
    if ('problem' in target) return setProblem(target.problem);
    if ('problem' in place) return setProblem(place.problem);
    setProblem(undefined);
    setBusy(true);
    try {
      if (!shell) {
        // The place typed here is the user's choice of where to save (the web studio's grant entry).
        const granted = await api.grantChosenPath({ path: place.path, purpose: 'saveAs' });
        if (!granted.ok) return setError(granted.error);
      }
      const result = await api.createProject({ name: name.trim(), path: place.path, source: source.choice, target: target.choice, replace: confirmReplace === place.path });
      if (!mounted.current) return;
      if (result.ok) return setCreated(result.value);
      if (result.error.code === 'FILE_EXISTS' && confirmReplace !== place.path) return setConfirmReplace(place.path);
      setError(result.error);
    } finally {
      if (mounted.current) setBusy(false);
    }
  }

  const setPick = (side: Side) => (pick: SidePick) => setPicks((current) => ({ ...current, [side]: pick }));
  const chooser = (side: Side) =>
    shell
      ? () => {
          choosing.current = side;
          shell.showFileDialog('pickFile');
        }
      : undefined;

  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && !busy && close()}>
      <div
        ref={box}
        className="dialog new-project-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        style={{ width: created ? 'min(56rem, calc(100vw - 2rem))' : 'min(44rem, calc(100vw - 2rem))', maxHeight: 'calc(100vh - 2rem)', display: 'flex', flexDirection: 'column' }}
      >
        <h2 id={titleId} className="dialog-title">
          {created ? 'Project created' : 'New project'}
        </h2>
        {created ? (
          <div className="dialog-body" style={{ overflow: 'auto' }}>
            <p>
              Saved <code data-testid="new-project-path">{created.project.path}</code>. The source and target files were copied into its folder.
            </p>
            <MaskingReview imports={created.imports} />
          </div>
        ) : (
          <form id={`${id}-form`} className="dialog-body path-form" onSubmit={(event) => void create(event)} style={{ overflow: 'auto', gap: '0.6rem' }}>
            <label className="field-label" htmlFor={`${id}-name`}>
              Project name
            </label>
            <input
              id={`${id}-name`}
              className="text-input"
              type="text"
              autoFocus
              placeholder="CRM orders to ERP"
              value={name}
              disabled={busy}
              onChange={(event) => {
                setName(event.target.value);
                setProblem(undefined);
              }}
            />
            <PickedFileField side="source" api={api} pick={picks.source} onChange={setPick('source')} onChoose={chooser('source')} disabled={busy} />
            <PickedFileField side="target" api={api} pick={picks.target} onChange={setPick('target')} onChoose={chooser('target')} disabled={busy} />
            <fieldset disabled={busy} style={{ border: '1px solid var(--line)', borderRadius: 8, padding: '0.5rem 0.75rem 0.6rem', margin: 0, display: 'grid', gap: '0.35rem' }}>
              <legend className="field-label">Save as</legend>
              <label className="field-label" htmlFor={`${id}-folder`}>
                Folder (absolute path)
              </label>
              <input
                id={`${id}-folder`}
                className="text-input"
                type="text"
                spellCheck={false}
                placeholder="/home/me/mappings/orders"
                value={folder}
                onChange={(event) => {
                  setFolder(event.target.value);
                  setConfirmReplace(undefined);
                }}
              />
              {shell && (
                <button type="button" className="button button-secondary" style={{ justifySelf: 'start' }} onClick={() => shell.showFileDialog('newProjectPlace')}>
                  Choose where to save…
                </button>
              )}
              <label className="field-label" htmlFor={`${id}-file-name`}>
                File name
              </label>
              <input
                id={`${id}-file-name`}
                className="text-input"
                type="text"
                spellCheck={false}
                value={effectiveFileName}
                onChange={(event) => {
                  setFileName(event.target.value);
                  setConfirmReplace(undefined);
                }}
              />
              <p className="muted small" style={{ margin: 0 }} data-testid="new-project-place">
                {'path' in place ? <>The project is saved as {place.path}, its files in source/ and target/ beside it.</> : 'Samples and schemas are copied into source/ and target/ beside the project file.'}
              </p>
            </fieldset>
            {problem && (
              <p className="field-problem" role="alert">
                {problem}
              </p>
            )}
            {confirmReplace && (
              <p className="field-warning" role="alert">
                A project already exists at this path. Replace it?
              </p>
            )}
            {error && <ErrorNotice error={error} />}
          </form>
        )}
        <div className="dialog-actions">
          {created ? (
            <button type="button" className="button button-primary" autoFocus onClick={close}>
              Open project
            </button>
          ) : (
            <>
              <button type="button" className="button button-secondary" onClick={onClose} disabled={busy}>
                Cancel
              </button>
              <button type="submit" form={`${id}-form`} className="button button-primary" disabled={busy}>
                {busy ? 'Creating…' : confirmReplace ? 'Replace' : 'Create'}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
