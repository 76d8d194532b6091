/** The document's test cases after the latest run: a pass count and one row per case. */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { TestRunResult } from '../../../electron/contract/methods/engine-methods';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link TestResults}. */
export interface TestResultsProps {
  tests: TestRunResult | undefined;
  error: CodedErrorData | undefined;
  running: boolean;
}

const MARK = { passed: '✓', failure: '✗', error: '!' } as const;

/** Shows the test results. */
export function TestResults({ tests, error, running }: TestResultsProps) {
  if (error) return <ErrorNotice error={error} />;
  if (running && !tests) return <p className="muted">Running the test cases…</p>;
  if (!tests) return <p className="muted">Press Run to run the test cases.</p>;
  const total = tests.cases.length;
  return (
    <div className="test-results">
      <p className={`test-summary ${tests.passed === total ? 'all-passed' : 'some-failed'}`} data-testid="test-summary">
        {tests.passed} of {total} passed
        {tests.failed > 0 && ` · ${tests.failed} failed`}
        {tests.errored > 0 && ` · ${tests.errored} could not run`}
      </p>
      <ul className="test-list">
        {tests.cases.map((c) => (
          <li key={c.name} className={`test-case test-${c.outcome}`} data-outcome={c.outcome}>
            <span className="test-mark" aria-hidden="true">
              {MARK[c.outcome]}
            </span>
            <span className="test-name">{c.name}</span>
            <span className="test-time">{Math.round(c.seconds * 1000)} ms</span>
            {c.outcome !== 'passed' && c.message && <div className="test-message">{c.message}</div>}
            {c.differences && c.differences.paths.length > 0 && <div className="test-message">differs at {c.differences.paths.join(', ')}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}
