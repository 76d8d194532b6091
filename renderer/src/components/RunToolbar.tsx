/** Run and Cancel, with the run's phase and a progress bar. */
import type { RunStatus } from '../../../electron/contract/methods/engine-methods';

/** Props of {@link RunToolbar}. */
export interface RunToolbarProps {
  title: string | undefined;
  canRun: boolean;
  running: boolean;
  run: RunStatus | undefined;
  onRun: () => void;
  onCancel: () => void;
}

const STATE_LABEL: Record<RunStatus['state'], string> = { running: 'Running', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' };

/** The studio's toolbar. */
export function RunToolbar({ title, canRun, running, run, onRun, onCancel }: RunToolbarProps) {
  const percent = Math.round((run?.progress.fraction ?? 0) * 100);
  return (
    <div className="run-toolbar" role="toolbar" aria-label="Run">
      <div className="project-title">
        <span className="eyebrow">Project</span>
        <span className="title-text">{title ?? '…'}</span>
      </div>
      <div className="run-actions">
        {run && (
          <span className={`run-state run-state-${run.state}`} data-testid="run-state" data-state={run.state}>
            {STATE_LABEL[run.state]}
            {run.state === 'running' && ` · ${run.progress.phase}`}
          </span>
        )}
        {running && (
          <progress className="run-progress" max={100} value={percent} aria-label="Run progress">
            {percent}%
          </progress>
        )}
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={!running}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={onRun} disabled={!canRun || running}>
          ▶ Run
        </button>
      </div>
    </div>
  );
}
