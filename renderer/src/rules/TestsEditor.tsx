/**
 * The test cases: each an input file and the output it must give (a file)
 * or the error it must raise. Add, rename, change and remove; adding one
 * from the current preview input (its expected output computed and written
 * by the backend) is offered when the backend has `addTestCase`.
 */
import { useState, type FormEvent } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { MappingDocument, TestCase } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import type { DocumentState } from '../document/document-store';
import { expectedErrorText, parseExpectedErrorText } from '../../../mapping-engine/run/expected-error-text';

/** Props of {@link TestsEditor}. */
export interface TestsEditorProps {
  store: StoreApi<DocumentState>;
  doc: MappingDocument;
  readOnly: boolean;
  /** Adds a test case from the current preview input; resolves to the error, if any (absent when there is no project file). */
  onAddFromInput?: (name: string) => Promise<CodedErrorData | undefined>;
}

interface Draft {
  name: string;
  input: string;
  expects: 'output' | 'error';
  expected: string;
  expectError: string;
}

function draftOf(test?: TestCase): Draft {
  return { name: test?.name ?? '', input: test?.input ?? '', expects: test?.expectError !== undefined ? 'error' : 'output', expected: test?.expected ?? '', expectError: test?.expectError === undefined ? '' : expectedErrorText(test.expectError) };
}

function testOf(draft: Draft): TestCase {
  const base = { name: draft.name.trim(), input: draft.input.trim() };
  return draft.expects === 'error' ? { ...base, expectError: parseExpectedErrorText(draft.expectError) } : { ...base, expected: draft.expected.trim() };
}

/** The editor. */
export function TestsEditor({ store, doc, readOnly, onAddFromInput }: TestsEditorProps) {
  const [editing, setEditing] = useState<string | 'new'>();
  const [draft, setDraft] = useState<Draft>(draftOf());
  const [fromInputName, setFromInputName] = useState('');
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<CodedErrorData>();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const test = testOf(draft);
    const result = editing === 'new' ? store.getState().apply({ kind: 'addTest', test }) : store.getState().apply({ kind: 'setTest', name: editing!, test });
    if (result.ok) setEditing(undefined);
  };
  const start = (test?: TestCase) => {
    setDraft(draftOf(test));
    setEditing(test?.name ?? 'new');
  };
  const text = (key: 'name' | 'input' | 'expected' | 'expectError', label: string, placeholder?: string) => (
    <label className="form-row">
      <span className="field-label">{label}</span>
      <input className="text-input" value={draft[key]} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} />
    </label>
  );

  return (
    <div className="rules-pad editor-list">
      {doc.tests.length === 0 && <p className="muted">No test cases yet.</p>}
      <ul className="editor-items" aria-label="Test cases">
        {doc.tests.map((test) => (
          <li key={test.name} className="editor-item">
            <span className="editor-item-text">
              <strong>{test.name}</strong>{' '}
              <span className="muted">
                <code>{test.input}</code> → {test.expected !== undefined ? <code>{test.expected}</code> : `error ${expectedErrorText(test.expectError!)}`}
              </span>
            </span>
            <button type="button" className="button button-secondary button-small" disabled={readOnly} aria-label={`Edit test ${test.name}`} onClick={() => start(test)}>
              Edit
            </button>
            <button type="button" className="button button-secondary button-small" disabled={readOnly} aria-label={`Remove test ${test.name}`} onClick={() => store.getState().apply({ kind: 'removeTest', name: test.name })}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {onAddFromInput && editing === undefined && (
        <form
          className="form-inline"
          aria-label="Add a test from the current input"
          onSubmit={(e) => {
            e.preventDefault();
            if (!fromInputName.trim()) return;
            setAdding(true);
            setAddError(undefined);
            void onAddFromInput(fromInputName.trim()).then((error) => {
              setAdding(false);
              setAddError(error);
              if (!error) setFromInputName('');
            });
          }}
        >
          <input className="text-input" aria-label="New test name" placeholder="test name" value={fromInputName} onChange={(e) => setFromInputName(e.target.value)} />
          <button type="submit" className="button button-secondary button-small" disabled={readOnly || adding || !fromInputName.trim()}>
            Add from current input
          </button>
        </form>
      )}
      {addError && <ErrorNotice error={addError} />}
      {editing === undefined ? (
        <button type="button" className="button button-secondary button-small" disabled={readOnly} onClick={() => start()}>
          + Add test case
        </button>
      ) : (
        <form className="editor-form" aria-label={editing === 'new' ? 'New test case' : `Test case ${editing}`} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setEditing(undefined)}>
          {text('name', 'Name')}
          {text('input', 'Input file (relative to the project)', 'tests/case.input.json')}
          <fieldset className="form-inline" role="radiogroup">
            <legend className="field-label">Expects</legend>
            <label className="form-check">
              <input type="radio" name="test-expects" checked={draft.expects === 'output'} onChange={() => set({ expects: 'output' })} /> an output file
            </label>
            <label className="form-check">
              <input type="radio" name="test-expects" checked={draft.expects === 'error'} onChange={() => set({ expects: 'error' })} /> an error
            </label>
          </fieldset>
          {draft.expects === 'output' ? text('expected', 'Expected output file', 'tests/case.expected.json') : text('expectError', 'Expected error (code at field)', 'MAP_REQUIRED_MISSING at customerSince')}
          <div className="transform-form-actions">
            <button type="submit" className="button button-primary button-small" disabled={readOnly}>
              {editing === 'new' ? 'Add test case' : 'Save'}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setEditing(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
