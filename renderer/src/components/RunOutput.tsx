/** The output of the latest preview run: a bounded slice, field errors and schema violations. */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { RunStatus } from '../../../electron/contract/methods/engine-methods';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link RunOutput}. */
export interface RunOutputProps {
  run: RunStatus | undefined;
  error: CodedErrorData | undefined;
  /** The input the preview maps, as the document names it. */
  inputLabel: string | undefined;
}

function formatKb(chars: number): string {
  return chars < 1024 ? `${chars} characters` : `${Math.round(chars / 1024)} KB`;
}

/** Shows the preview run's result, or why there is none. */
export function RunOutput({ run, error, inputLabel }: RunOutputProps) {
  if (error) return <ErrorNotice error={error} />;
  if (!run) return <p className="muted">Press Run to map {inputLabel ?? 'the first test input'} and see the output.</p>;
  if (run.state === 'running') return <p className="muted">Running ({run.progress.phase})…</p>;
  if (run.state === 'cancelled') return <p className="muted" data-testid="run-cancelled">The run was cancelled.</p>;
  if (run.state === 'failed') return run.error ? <ErrorNotice error={run.error} /> : <p className="muted">The run failed.</p>;
  const result = run.result;
  if (!result) return null;
  const timing = Object.entries(result.timings)
    .filter(([name]) => name === 'evalMs' || name === 'compileMs')
    .map(([name, ms]) => `${name.replace(/Ms$/, '')} ${ms.toFixed(1)} ms`)
    .join(' · ');
  return (
    <div className="run-output">
      <div className="output-meta">
        {inputLabel && <span className="chip">input: {inputLabel}</span>}
        <span className={`chip ${result.validated ? (result.violations.length ? 'chip-bad' : 'chip-good') : ''}`} data-testid="validation-state">
          {result.validated ? (result.violations.length ? `${result.violations.length} schema violation(s)` : 'valid against the target schema') : 'no target schema'}
        </span>
        {timing && <span className="chip">{timing}</span>}
      </div>
      {result.fieldErrors.length > 0 && (
        <ul className="issue-list" data-testid="field-errors">
          {result.fieldErrors.map((e, i) => (
            <li key={i} className="issue issue-error">
              <code>{e.code}</code> {e.field && <strong>{e.field}</strong>} {e.message}
            </li>
          ))}
        </ul>
      )}
      {result.violations.length > 0 && (
        <ul className="issue-list" data-testid="violations">
          {result.violations.map((v, i) => (
            <li key={i} className="issue issue-warning">
              <code>{v.code}</code> <strong>{v.path || '(root)'}</strong> {v.message}
            </li>
          ))}
        </ul>
      )}
      {result.outputText && (
        <pre className="code-view output-text" data-testid="run-output">
          {result.outputText}
        </pre>
      )}
      {result.outputTruncated && <p className="muted">Showing the first {formatKb(result.outputText.length)} of {formatKb(result.outputChars)}.</p>}
    </div>
  );
}
