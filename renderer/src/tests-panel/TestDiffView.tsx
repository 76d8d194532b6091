/**
 * A failing test case side by side: the expected and the actual output (as
 * the backend masks them for display), the leaves that differ, and "Accept
 * current output as expected", which has the backend write the output into
 * the case's expected file (the renderer never sends output content).
 */
import { useEffect, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { TestDiff } from '../../../electron/contract/methods/preview-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { ErrorNotice } from '../components/ErrorNotice';

/** Props of {@link TestDiffView}. */
export interface TestDiffViewProps {
  api: Pick<StudioApi, 'diffTestCase' | 'acceptTestOutput'>;
  projectPath: string;
  text: string;
  index: number;
  readOnly: boolean;
  /** The expected file was rewritten: the tests run again. */
  onAccepted: () => void;
}

/** Shows the difference of case `index`. */
export function TestDiffView({ api, projectPath, text, index, readOnly, onAccepted }: TestDiffViewProps) {
  const [diff, setDiff] = useState<TestDiff>();
  const [error, setError] = useState<CodedErrorData>();
  const [accepting, setAccepting] = useState(false);
  useEffect(() => {
    let live = true;
    setDiff(undefined);
    setError(undefined);
    void api.diffTestCase({ projectPath, text, index }).then((result) => {
      if (!live) return;
      if (result.ok) setDiff(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, projectPath, text, index]);

  const accept = async () => {
    setAccepting(true);
    const result = await api.acceptTestOutput({ projectPath, text, index });
    setAccepting(false);
    if (!result.ok) return setError(result.error);
    onAccepted();
  };

  if (error) return <ErrorNotice error={error} />;
  if (!diff) return <p className="muted">Comparing…</p>;
  return (
    <div className="test-diff" data-testid="test-diff">
      {diff.error ? (
        <p className="test-message">
          The mapping fails on this input: <code>{diff.error.code}</code> {diff.error.message}
        </p>
      ) : (
        <p className="muted small">
          {diff.count} difference{diff.count === 1 ? '' : 's'} · values masked for display
        </p>
      )}
      {diff.differences.length > 0 && (
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Expected</th>
              <th scope="col">Actual</th>
            </tr>
          </thead>
          <tbody>
            {diff.differences.map((d) => (
              <tr key={d.path} data-testid="diff-row">
                <td>
                  <code>{d.path}</code>
                </td>
                <td className="diff-expected">{d.expected ?? '(missing)'}</td>
                <td className="diff-actual">{d.actual ?? '(missing)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="diff-sides">
        <section aria-label="Expected output">
          <h3>Expected</h3>
          <pre data-testid="diff-expected">{diff.expectedText}</pre>
        </section>
        <section aria-label="Actual output">
          <h3>Actual</h3>
          <pre data-testid="diff-actual">{diff.actualText || '(no output)'}</pre>
        </section>
      </div>
      {!diff.error && diff.expectedText !== '' && (
        <button type="button" className="button button-small" onClick={() => void accept()} disabled={readOnly || accepting}>
          {accepting ? 'Writing…' : 'Accept current output as expected'}
        </button>
      )}
    </div>
  );
}
