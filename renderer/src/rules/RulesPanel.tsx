/**
 * The rules view and its sibling editors in one panel: Rules (every target
 * field and its rule), Arrays, Lookups and Tests. All of them edit the one
 * document store; the tab and the selection are view state, kept out of
 * the undo history.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { FieldError } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import type { DocumentState, EditorTab } from '../document/document-store';
import { useDocument } from '../document/use-document';
import { previewRunInput } from '../engine/run-input';
import { ErrorNotice } from '../components/ErrorNotice';
import { ArraysEditor } from './ArraysEditor';
import { LookupsEditor } from './LookupsEditor';
import { RulesTab } from './RulesTab';
import { TestsEditor } from './TestsEditor';
import { fieldsFileOf, fieldsRootOf, useFieldRows } from './use-field-rows';

/** Props of {@link RulesPanel}. */
export interface RulesPanelProps {
  api: StudioApi;
  store: StoreApi<DocumentState>;
  projectPath: string | undefined;
  readOnly: boolean;
  /** Errors of the latest run, by target field. */
  fieldErrors?: readonly FieldError[];
  /** Why the document does not compile. */
  compileError?: CodedErrorData;
}

const TABS: ReadonlyArray<{ id: EditorTab; label: string }> = [
  { id: 'rules', label: 'Rules' },
  { id: 'arrays', label: 'Arrays' },
  { id: 'lookups', label: 'Lookups' },
  { id: 'tests', label: 'Tests' },
];

/**
 * Adds a test case from the preview run's input: the backend writes the
 * input's copy and the expected output the document computes now next to
 * the project, and the test case becomes one edit (one undo step).
 */
async function addTestFromInput(api: Pick<StudioApi, 'addTestCase'>, store: StoreApi<DocumentState>, projectPath: string, name: string): Promise<CodedErrorData | undefined> {
  const { text, document } = store.getState();
  const input = previewRunInput(text);
  const file = input?.inputFile ?? (input?.sampleIndex === undefined ? undefined : document?.source.samples[input.sampleIndex]);
  if (!file) return { code: 'USAGE', message: 'the project has no input to preview', expected: 'a source sample or a test case' };
  const result = await api.addTestCase({ projectPath, text, name, input: file });
  if (!result.ok) return result.error;
  const applied = store.getState().apply({ kind: 'addTest', test: result.value.test });
  return applied.ok ? undefined : applied.error;
}

/** The panel with its tabs. */
export function RulesPanel({ api, store, projectPath, readOnly, fieldErrors, compileError }: RulesPanelProps) {
  const doc = useDocument(store, (s) => s.document);
  const loadError = useDocument(store, (s) => s.loadError);
  const editError = useDocument(store, (s) => s.editError);
  const tab = useDocument(store, (s) => s.view.tab);
  const storeReadOnly = useDocument(store, (s) => s.readOnly);
  const locked = readOnly || storeReadOnly;
  const target = useFieldRows(api, projectPath, fieldsFileOf(doc, 'target'), fieldsRootOf(doc, 'target'));
  const source = useFieldRows(api, projectPath, fieldsFileOf(doc, 'source'), fieldsRootOf(doc, 'source'));
  const tabRefs = useRef<Partial<Record<EditorTab, HTMLButtonElement | null>>>({});

  const select = (id: EditorTab) => {
    store.getState().setView({ tab: id });
    tabRefs.current[id]?.focus();
  };
  const onTabKey = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const next = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(TABS[(next + TABS.length) % TABS.length]!.id);
  };

  if (!doc) return loadError ? <ErrorNotice error={loadError} /> : <p className="muted rules-pad">No project is open.</p>;
  return (
    <div className="rules-panel">
      <div className="rules-tabs" role="tablist" aria-label="Mapping parts" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`rules-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`rules-tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="rules-tab"
            onClick={() => select(t.id)}
          >
            {t.label}
            <span className="rules-tab-count">{t.id === 'rules' ? doc.rules.length : t.id === 'arrays' ? doc.arrays.length : t.id === 'lookups' ? Object.keys(doc.lookups).length : doc.tests.length}</span>
          </button>
        ))}
      </div>
      {editError && (
        <div className="rules-edit-error">
          <ErrorNotice error={editError} />
          <button type="button" className="button button-secondary button-small" onClick={() => store.getState().clearEditError()}>
            Dismiss
          </button>
        </div>
      )}
      <div className="rules-tabpanel" role="tabpanel" id={`rules-tabpanel-${tab}`} aria-labelledby={`rules-tab-${tab}`}>
        {tab === 'rules' && <RulesTab store={store} doc={doc} target={target} source={source} readOnly={locked} fieldErrors={fieldErrors} compileError={compileError} />}
        {tab === 'arrays' && <ArraysEditor store={store} doc={doc} target={target.rows} source={source.rows} readOnly={locked} />}
        {tab === 'lookups' && <LookupsEditor api={api} store={store} doc={doc} projectPath={projectPath} readOnly={locked} />}
        {tab === 'tests' && <TestsEditor store={store} doc={doc} readOnly={locked} onAddFromInput={projectPath ? (name) => addTestFromInput(api, store, projectPath, name) : undefined} />}
      </div>
    </div>
  );
}
