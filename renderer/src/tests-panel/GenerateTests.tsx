/**
 * "Generate failure tests" in the tests panel: the failure-mode cases
 * generated from the project's good input (missing, empty and null required
 * sources, unknown codes, malformed dates and numbers, list sizes, too-long
 * values), each with what it expects and whether the mapping does so today.
 * The chosen cases are kept as one undoable edit; their files are written
 * by the backend under the project's tests/generated folder.
 */
import { useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { TestCase } from '../../../mapping-engine/document/document-schema';
import type { GeneratedCaseData } from '../../../electron/contract/methods/draft-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { ErrorNotice } from '../components/ErrorNotice';
import type { DocumentState } from '../document/document-store';
import '../suggest/suggest.css';

/** Props of {@link GenerateTests}. */
export interface GenerateTestsProps {
  api: StudioApi;
  store: StoreApi<DocumentState>;
  projectPath: string;
  readOnly: boolean;
}

/** The button, the generated cases with checkboxes, and "Keep". */
export function GenerateTests({ api, store, projectPath, readOnly }: GenerateTestsProps) {
  const [cases, setCases] = useState<GeneratedCaseData[]>();
  const [good, setGood] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<CodedErrorData>();
  const [busy, setBusy] = useState(false);

  const generate = async () => {
    setBusy(true);
    setError(undefined);
    const result = await api.generateTests({ projectPath, text: store.getState().text });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setCases(result.value.cases);
    setGood(result.value.goodInput);
    // Cases the mapping meets today are chosen; the others are for a person to look at first.
    setChosen(new Set(result.value.cases.filter((c) => c.agrees).map((c) => c.name)));
  };

  const keep = async () => {
    setBusy(true);
    setError(undefined);
    const result = await api.keepGeneratedTests({ projectPath, text: store.getState().text, names: [...chosen] });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const tests = result.value.tests as unknown as TestCase[];
    const label = `Add ${tests.length} generated tests`;
    const applied = store.getState().apply({ kind: 'batch', edits: tests.map((test) => ({ kind: 'addTest', test })), label }, { label });
    if (!applied.ok) return setError(applied.error);
    setCases(undefined);
  };

  const toggle = (name: string) => setChosen((before) => (before.has(name) ? new Set([...before].filter((n) => n !== name)) : new Set([...before, name])));

  return (
    <div className="generate-tests">
      <div>
        <button type="button" className="button button-small button-secondary" disabled={readOnly || busy} onClick={() => void generate()}>
          {busy && !cases ? 'Generating…' : 'Generate failure tests'}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
      {cases && (
        <div role="group" aria-label="Generated failure tests">
          <p className="muted">
            {cases.length} case(s) from {good}: {cases.filter((c) => c.agrees).length} behave as expected.
          </p>
          <ul className="generate-tests-list">
            {cases.map((c) => (
              <li key={c.name} data-agrees={c.agrees}>
                <label>
                  <input type="checkbox" checked={chosen.has(c.name)} onChange={() => toggle(c.name)} />
                  <span>{c.name}</span>
                  <span className="generated-detail">
                    expects {c.expectation}: {c.reason}
                  </span>
                  {!c.agrees && <span className="generated-detail generated-differs">differs today: {c.observed}</span>}
                </label>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-small" disabled={readOnly || busy || chosen.size === 0} onClick={() => void keep()}>
            Keep {chosen.size} as tests
          </button>
        </div>
      )}
    </div>
  );
}
