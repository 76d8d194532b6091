/**
 * "Add the current input as a test": the backend copies the preview's input
 * into the project's tests folder and writes the output the document gives
 * now as the expected file; the case is then added as one edit (one undo step).
 */
import { useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { DocumentState } from '../document/document-store';
import { ErrorNotice } from '../components/ErrorNotice';

/** Props of {@link AddTestForm}. */
export interface AddTestFormProps {
  api: Pick<StudioApi, 'addTestCase'>;
  store: StoreApi<DocumentState>;
  projectPath: string;
  /** The preview's input file (relative to the project), undefined when there is none. */
  input: string | undefined;
  readOnly: boolean;
}

/** A name field and the Add button. */
export function AddTestForm({ api, store, projectPath, input, readOnly }: AddTestFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<CodedErrorData>();
  const [busy, setBusy] = useState(false);
  const add = async () => {
    if (!input || name.trim() === '') return;
    setBusy(true);
    setError(undefined);
    const { text } = store.getState();
    const result = await api.addTestCase({ projectPath, text, name: name.trim(), input });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const applied = store.getState().apply({ kind: 'addTest', test: result.value.test }, { label: `add test ${result.value.test.name}` });
    if (!applied.ok) return setError(applied.error);
    setName('');
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
      <input className="text-input" aria-label="New test name" placeholder="Test name" value={name} onChange={(e) => setName(e.target.value)} disabled={readOnly || !input} />
      <button type="submit" className="button button-small" disabled={readOnly || !input || busy || name.trim() === ''} title={input ? `from ${input}` : 'no preview input'}>
        Add current input as a test
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
