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
import { useDocument } from '../document/use-document';
import { expectedErrorText } from '../../../mapping-engine/run/expected-error-text';
import type { ShownRunError } from './expected-error-choices';
import { ErrorNotice } from '../components/ErrorNotice';
import { AddTestForm } from './AddTestForm';
import { GenerateTests } from './GenerateTests';
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
  /** The preview's errors on the current input (the default of a new case's expected error). */
  currentErrors?: readonly ShownRunError[] | undefined;
  /** How many target-schema violations the current output has (a case expecting that output fails until they are fixed). */
  currentViolations?: number | undefined;
}

const MARK = { passed: '✓', failure: '✗', error: '!' } as const;

/** What an error case expects, as one line (`MAP_REQUIRED_MISSING at customerSince`). */
function expects(cases: readonly { name: string; expectError?: Parameters<typeof expectedErrorText>[0] | undefined }[] | undefined, name: string) {
  const wanted = cases?.find((t) => t.name === name)?.expectError;
  return wanted === undefined ? null : <span className="test-expects">expects {expectedErrorText(wanted)}</span>;
}

/** Shows the tests. */
export function TestsPanel({ api, store, projectPath, text, tests, error, running, onRerun, currentInput, readOnly, currentErrors, currentViolations }: TestsPanelProps) {
  const [open, setOpen] = useState<string>();
  const cases = useDocument(store, (s) => s.document?.tests);
  const adder = projectPath && (
    <>
      <AddTestForm api={api} store={store} projectPath={projectPath} input={currentInput} readOnly={readOnly} runErrors={currentErrors} violations={currentViolations} />
      <GenerateTests api={api} store={store} projectPath={projectPath} readOnly={readOnly} />
    </>
  );
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
            {expects(cases, c.name)}
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
