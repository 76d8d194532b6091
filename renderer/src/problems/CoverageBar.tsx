/** The status bar's coverage: target fields mapped and unmapped, and required ones left unmapped. */
import type { Coverage } from '../../../mapping-engine/document/problems/problems';

/** Props of {@link CoverageBar}. */
export interface CoverageBarProps {
  coverage: Coverage | undefined;
  problems: number;
  onShowProblems: () => void;
}

/** Shows the coverage and the problem count. */
export function CoverageBar({ coverage, problems, onShowProblems }: CoverageBarProps) {
  const total = coverage ? coverage.mapped + coverage.unmapped : 0;
  return (
    <footer className="status-bar" aria-label="Status">
      {coverage ? (
        <span className="coverage" data-testid="coverage" role="status">
          <meter min={0} max={Math.max(1, total)} value={coverage.mapped} aria-label="Target fields mapped" />
          {coverage.mapped} of {total} target fields mapped · {coverage.unmapped} unmapped
          {coverage.requiredUnmapped > 0 && <strong className="coverage-required"> · {coverage.requiredUnmapped} required unmapped</strong>}
        </span>
      ) : (
        <span className="muted">Coverage shows once the target's fields are known.</span>
      )}
      <button type="button" className="status-problems" onClick={onShowProblems} data-testid="problem-count">
        {problems} problem{problems === 1 ? '' : 's'}
      </button>
    </footer>
  );
}
