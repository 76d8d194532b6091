/**
 * Banners above the work area: unsaved work left by a crash (restore or
 * discard), a project opened read-only or migrated from an older format,
 * and the last failed file command.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { BackupSummaryEntry, ProjectState } from '../../../electron/contract/methods/project-methods';
import { backupTimeLabel, fileNameOf } from '../project/shell-input';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link ProjectNotices}. */
export interface ProjectNoticesProps {
  project: ProjectState | undefined;
  /** Backups offered for restore (the newest first). */
  backups: BackupSummaryEntry[];
  error: CodedErrorData | undefined;
  onRestore: (id: string) => void;
  onDiscardBackup: (id: string) => void;
  onDismissError: () => void;
}

/** `text` capitalised and ending in a full stop (backend messages are lower-case fragments). */
const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** The notices that apply now; nothing when all is well. */
export function ProjectNotices({ project, backups, error, onRestore, onDiscardBackup, onDismissError }: ProjectNoticesProps) {
  const backup = backups[0];
  return (
    <div className="notices">
      {backup && (
        <div className="notice notice-backup" role="status" data-testid="backup-banner">
          <span className="notice-icon" aria-hidden="true">
            ⟲
          </span>
          <span className="notice-text">
            Unsaved work from <strong>{backupTimeLabel(backup.updatedAt)}</strong> for{' '}
            <strong title={backup.projectPath}>{backup.projectPath ? fileNameOf(backup.projectPath) : backup.name}</strong>
            {backups.length > 1 && <span className="muted"> (and {backups.length - 1} more)</span>}
          </span>
          <button type="button" className="button button-primary button-small" onClick={() => onRestore(backup.id)}>
            Restore
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onDiscardBackup(backup.id)}>
            Discard
          </button>
        </div>
      )}
      {project?.readOnly && (
        <div className="notice notice-warning" role="status" data-testid="readonly-notice">
          <span className="notice-text">
            <strong>Read-only.</strong> {sentence(project.notice?.message ?? 'This project was written by a newer Mapwright')} You can view and run it; saving needs the newer version.
          </span>
        </div>
      )}
      {project?.migratedFrom !== undefined && !project.readOnly && (
        <div className="notice notice-info" role="status" data-testid="migrated-notice">
          <span className="notice-text">
            Upgraded from format version {project.migratedFrom}. The file on disk is unchanged until you save.
          </span>
        </div>
      )}
      {project?.problem && (
        <div className="notice notice-warning" role="status">
          <span className="notice-text">The restored text does not validate yet: fix it before saving.</span>
        </div>
      )}
      {error && (
        <div className="notice notice-error">
          <div className="notice-text">
            <ErrorNotice error={error} />
          </div>
          <button type="button" className="button button-secondary button-small" onClick={onDismissError} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
