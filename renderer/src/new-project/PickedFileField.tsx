/**
 * One side of the New project dialog: the file's absolute path (typed in the
 * browser, picked in the native dialog in Electron), what the backend
 * detected there, and for OpenAPI and XSD the root to map.
 */
import { useId, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { ErrorNotice } from '../components/ErrorNotice';
import { allowCommand, cleanPath, hasRoots, isAbsolutePath, kindLabel, type SidePick } from './new-project-form';

/** Props of {@link PickedFileField}. */
export interface PickedFileFieldProps {
  side: 'source' | 'target';
  api: Pick<StudioApi, 'inspectChosenFile'>;
  pick: SidePick;
  onChange: (pick: SidePick) => void;
  /** Electron: shows the native Open dialog for this side (its answer arrives as a new `pick.path`, already granted). */
  onChoose?: () => void;
  disabled?: boolean;
}


/** The path field, the detected kind and the root of one side. */
export function PickedFileField({ side, api, pick, onChange, onChoose, disabled }: PickedFileFieldProps) {
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<CodedErrorData>();
  const [checking, setChecking] = useState(false);
  const title = side === 'source' ? 'Source' : 'Target';

  async function check(): Promise<void> {
    const path = cleanPath(pick.path);
    setError(undefined);
    if (!path) return setProblem(undefined);
    if (!isAbsolutePath(path)) return setProblem('Enter an absolute path (for example /home/me/exports/orders.json).');
    setProblem(undefined);
    setChecking(true);
    try {
      // Electron's native dialog granted the file; in the browser it must lie in a folder the user opened.
      const result = await api.inspectChosenFile({ path });
      if (!result.ok) {
        onChange({ path: pick.path });
        return setError(result.error);
      }
      onChange({ path: pick.path, info: result.value });
    } finally {
      setChecking(false);
    }
  }

  const info = pick.info;
  return (
    <fieldset className="new-project-side" disabled={disabled} style={{ border: '1px solid var(--line)', borderRadius: 8, padding: '0.5rem 0.75rem 0.6rem', margin: 0, display: 'grid', gap: '0.35rem' }}>
      <legend className="field-label">{title}</legend>
      <label className="field-label" htmlFor={`${id}-file`}>
        {title} file (absolute path)
      </label>
      <div className="import-file-row">
        <input
          id={`${id}-file`}
          className="text-input"
          type="text"
          spellCheck={false}
          placeholder={side === 'source' ? '/home/me/exports/orders.json' : '/home/me/specs/erp-order.schema.json'}
          value={pick.path}
          aria-invalid={problem !== undefined || error !== undefined}
          aria-describedby={`${id}-status`}
          data-testid={`${side}-file`}
          onChange={(event) => {
            onChange({ path: event.target.value });
            setProblem(undefined);
            setError(undefined);
          }}
          onBlur={() => {
            if (!info && pick.path.trim()) void check();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void check();
            }
          }}
        />
        {onChoose ? (
          <button type="button" className="button button-secondary" onClick={onChoose}>
            Choose…
          </button>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => void check()} disabled={checking} aria-label={`Check the ${side} file`}>
            {checking ? 'Checking…' : 'Check'}
          </button>
        )}
      </div>
      <p id={`${id}-status`} className="muted small" data-testid={`${side}-detected`} aria-live="polite" style={{ margin: 0 }}>
        {info ? (
          <>
            Detected: <strong>{kindLabel(info)}</strong>
            {info.kind === 'sample' ? ' (masked on the way in)' : ` (${info.format.toUpperCase()} payloads)`}
          </>
        ) : checking ? (
          'Checking…'
        ) : (
          'A sample payload (JSON, XML, CSV) or a schema (JSON Schema, OpenAPI, XSD), copied into the project folder.'
        )}
      </p>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {error?.code === 'ACCESS_DENIED' && !onChoose && (
        <div className="access-hint" data-testid={`${side}-access-hint`}>
          <p className="field-warning">In the browser, the studio reads only folders you opened or allowed (the desktop app’s Choose… picks any file). To allow this file’s folder, restart the web studio with:</p>
          <p className="access-hint-command">
            <code data-testid={`${side}-allow-command`}>{allowCommand(pick.path)}</code>
            <button type="button" className="button button-secondary button-small" aria-label={`Copy the command that allows the ${side} file’s folder`} onClick={() => void navigator.clipboard?.writeText(allowCommand(pick.path)).catch(() => undefined)}>
              Copy
            </button>
          </p>
        </div>
      )}
      {hasRoots(info) && info && (
        <>
          <label className="field-label" htmlFor={`${id}-root`}>
            {info.kind === 'xsd' ? 'Root element' : 'Component or operation'}
          </label>
          <select id={`${id}-root`} className="text-input" value={pick.root ?? info.roots[0]} onChange={(event) => onChange({ ...pick, root: event.target.value })} data-testid={`${side}-root`}>
            {info.roots.map((root) => (
              <option key={root} value={root}>
                {root}
              </option>
            ))}
          </select>
        </>
      )}
    </fieldset>
  );
}
