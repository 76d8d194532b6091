/**
 * "Add the current input as a test": the backend copies the preview's input
 * into the project's tests folder and writes the output the document gives
 * now as the expected file; the case is then added as one edit (one undo step).
 * The case can instead expect an error, chosen by target field and error
 * code (`{ field, code }`), prefilled from the preview's own failure.
 */
import { useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { ExpectedError } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { DocumentState } from '../document/document-store';
import { useDocument } from '../document/use-document';
import { ErrorNotice } from '../components/ErrorNotice';
import { defaultExpectedError, errorFieldChoices, EXPECTED_ERROR_CODES, type ShownRunError } from './expected-error-choices';

/** Props of {@link AddTestForm}. */
export interface AddTestFormProps {
  api: Pick<StudioApi, 'addTestCase'>;
  store: StoreApi<DocumentState>;
  projectPath: string;
  /** The preview's input file (relative to the project), undefined when there is none. */
  input: string | undefined;
  readOnly: boolean;
  /** The preview's errors on this input: the default of an expected error. */
  runErrors?: readonly ShownRunError[] | undefined;
  /** How many target-schema violations the preview's output has. */
  violations?: number | undefined;
}

/** A name field, what the case expects, and the Add button. */
export function AddTestForm({ api, store, projectPath, input, readOnly, runErrors, violations }: AddTestFormProps) {
  const doc = useDocument(store, (s) => s.document);
  const [name, setName] = useState('');
  const [error, setError] = useState<CodedErrorData>();
  const [busy, setBusy] = useState(false);
  const [expectsError, setExpectsError] = useState(false);
  const [expected, setExpected] = useState<Exclude<ExpectedError, string>>({ code: EXPECTED_ERROR_CODES[0]!.code });
  const fields = errorFieldChoices(doc);
  const codes = EXPECTED_ERROR_CODES.some((c) => c.code === expected.code) ? EXPECTED_ERROR_CODES : [...EXPECTED_ERROR_CODES, { code: expected.code, label: 'the code of the preview' }];
  const disabled = readOnly || !input;

  const add = async () => {
    if (!input || name.trim() === '') return;
    setBusy(true);
    setError(undefined);
    const { text } = store.getState();
    const result = await api.addTestCase({ projectPath, text, name: name.trim(), input, ...(expectsError ? { expectError: expected } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const applied = store.getState().apply({ kind: 'addTest', test: result.value.test }, { label: `add test ${result.value.test.name}` });
    if (!applied.ok) return setError(applied.error);
    setName('');
  };
  const chooseError = (yes: boolean) => {
    setExpectsError(yes);
    if (yes) setExpected(defaultExpectedError(runErrors ?? [], fields));
  };
  return (
    <form
      className="add-test"
      aria-label="Add the current input as a test"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <input className="text-input" aria-label="New test name" placeholder="Test name" value={name} onChange={(e) => setName(e.target.value)} disabled={disabled} />
      <fieldset className="add-test-expects" disabled={disabled}>
        <legend>It expects</legend>
        <label>
          <input type="radio" name="add-test-expects" checked={!expectsError} onChange={() => chooseError(false)} /> the current output
        </label>
        <label>
          <input type="radio" name="add-test-expects" checked={expectsError} onChange={() => chooseError(true)} /> an error
        </label>
      </fieldset>
      {expectsError && (
        <div className="add-test-error" role="group" aria-label="Expected error">
          <label>
            <span>Target field</span>
            <select aria-label="Expected error field" value={expected.field ?? ''} disabled={disabled} onChange={(e) => setExpected(e.target.value === '' ? { code: expected.code } : { field: e.target.value, code: expected.code })}>
              <option value="">(any field, or the whole run)</option>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Error code</span>
            <select aria-label="Expected error code" value={expected.code} disabled={disabled} onChange={(e) => setExpected({ ...expected, code: e.target.value })}>
              {codes.map((c) => (
                <option key={c.code} value={c.code} title={c.label}>
                  {c.code}: {c.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {!expectsError && !disabled && (violations ?? 0) > 0 && (
        // The case keeps the output, not its violations: it would fail at once, which read as a broken test.
        <p className="field-warning" role="note">
          The current output breaks the target schema ({violations} violation{violations === 1 ? '' : 's'}): a case expecting it fails until the mapping is fixed.
        </p>
      )}
      <button type="submit" className="button button-small" disabled={disabled || busy || name.trim() === ''} title={input ? `from ${input}` : 'no preview input'}>
        Add current input as a test
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
