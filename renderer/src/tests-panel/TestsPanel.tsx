/**
 * The tests panel: the project's test cases with pass or fail (a project
 * without tests says so rather than showing green), a failing case's
 * expected and actual output side by side with "accept", and adding the
 * current preview input as a new test.
 */
import { useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { TestRunResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { DocumentState } from '../document/document-store';
import { ErrorNotice } from '../components/ErrorNotice';
import { AddTestForm } from './AddTestForm';
import { TestDiffView } from './TestDiffView';
import './tests-panel.css';

/** Props of {@link TestsPanel}. */
export interface TestsPanelProps {
  api: StudioApi;
  store: StoreApi<DocumentState>;
  projectPath: string | undefined;
  text: string | undefined;
  tests: TestRunResult | undefined;
  error: CodedErrorData | undefined;
  running: boolean;
  /** Runs the tests again (after an accept). */
  onRerun: () => void;
  /** The preview's input file, offered as a new test's input. */
  currentInput: string | undefined;
  readOnly: boolean;
}

const MARK = { passed: '✓', failure: '✗', error: '!' } as const;

/** Shows the tests. */
export function TestsPanel({ api, store, projectPath, text, tests, error, running, onRerun, currentInput, readOnly }: TestsPanelProps) {
  const [open, setOpen] = useState<string>();
  const adder = projectPath && <AddTestForm api={api} store={store} projectPath={projectPath} input={currentInput} readOnly={readOnly} />;
  if (error) return <ErrorNotice error={error} />;
  if (running && !tests) return <p className="muted">Running the test cases…</p>;
  if (!tests) return <p className="muted">The test cases run after every edit once the project is saved.</p>;
  const total = tests.cases.length;
  if (total === 0) {
    return (
      <div className="test-results">
        <p className="test-summary no-tests" data-testid="test-summary" data-state="none">
          This project has no test cases yet: nothing checks the mapping.
        </p>
        {adder}
      </div>
    );
  }
  return (
    <div className="test-results">
      <p className={`test-summary ${tests.passed === total ? 'all-passed' : 'some-failed'}`} data-testid="test-summary">
        {tests.passed} of {total} passed
        {tests.failed > 0 && ` · ${tests.failed} failed`}
        {tests.errored > 0 && ` · ${tests.errored} could not run`}
      </p>
      <ul className="test-list">
        {tests.cases.map((c, index) => (
          <li key={c.name} className={`test-case test-${c.outcome}`} data-outcome={c.outcome}>
            <span className="test-mark" aria-hidden="true">
              {MARK[c.outcome]}
            </span>
            <span className="test-name">{c.name}</span>
            <span className="test-time">{Math.round(c.seconds * 1000)} ms</span>
            {c.outcome !== 'passed' && c.message && <div className="test-message">{c.message}</div>}
            {c.outcome === 'failure' && projectPath && text !== undefined && (
              <div className="test-message">
                <button type="button" className="button button-small button-secondary" aria-expanded={open === c.name} onClick={() => setOpen(open === c.name ? undefined : c.name)}>
                  {open === c.name ? 'Hide difference' : 'Show expected and actual'}
                </button>
                {open === c.name && <TestDiffView api={api} projectPath={projectPath} text={text} index={index} readOnly={readOnly} onAccepted={onRerun} />}
              </div>
            )}
          </li>
        ))}
      </ul>
      {adder}
    </div>
  );
}
