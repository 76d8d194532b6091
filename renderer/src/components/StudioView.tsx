/**
 * The studio's work area for the open project: the toolbar with Run and
 * Cancel, the generated JSONata, the output preview with field errors and
 * validation, the source sample and the test results, and the rules view
 * that edits the document. Every view edits the one document store; the
 * document is compiled here in the renderer on every edit, and only runs go
 * to the backend.
 */
import type { StoreApi } from 'zustand/vanilla';
import { useMemo, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { SamplePreview as Preview, StudioApi } from '../../../electron/contract/studio-api';
import { useStudioSession, type StudioDocument } from '../engine/use-studio-session';
import type { DocumentState } from '../document/document-store';
import { HistoryButtons } from '../document/HistoryButtons';
import { useDocument, useHistoryKeys } from '../document/use-document';
import { useLocalCompile } from '../document/use-local-compile';
import { RulesPanel } from '../rules/RulesPanel';
import { CanvasView } from '../canvas/CanvasView';
import { MappingViewSwitch, type MappingView } from '../canvas/MappingViewSwitch';
import { SuggestMappingsPanel } from '../suggest/SuggestMappingsPanel';
import { JsonataPanel } from './JsonataPanel';
import { PreviewPanel } from '../preview/PreviewPanel';
import { SourceInputView } from '../preview/SourceInputView';
import { useLiveFeedback } from '../preview/use-live-feedback';
import { CoverageBar } from '../problems/CoverageBar';
import { FeedbackTabs, type FeedbackTab } from '../problems/FeedbackTabs';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { useProblems } from '../problems/use-problems';
import { TestsPanel } from '../tests-panel/TestsPanel';
import { useCompletionSources } from '../editor/use-completion-sources';
import { RunToolbar } from './RunToolbar';
import { SamplePreview } from './SamplePreview';

/** Props of {@link StudioView}. */
export interface StudioViewProps {
  api: StudioApi;
  /** The open project's document; undefined while none is open. */
  doc: StudioDocument | undefined;
  /** The document's first source sample (relative to the project); the live preview now picks among every sample and test input. */
  firstSourceSample: string | undefined;
  /** The bundled sample the project came from, if it did (its source is previewed). */
  sampleId: string | undefined;
  /** The project's name, for the toolbar. */
  title: string | undefined;
  preview: Preview | undefined;
  previewError: CodedErrorData | undefined;
  /** The project cannot be saved (a newer format): the editor stays read-only too. */
  readOnly: boolean;
  /** New document text from an editor panel (the project session marks it unsaved and backs it up). */
  onDocumentText: (text: string, label?: string) => void;
  /** The document store of the project session: the model, its history and the view state. */
  documents: StoreApi<DocumentState>;
}

/** The history label of an applied JSONata expression (Revert undoes exactly that step). */
const APPLIED_LABEL = 'JSONata edit';

/** Lays out the panels of one project. */
export function StudioView({ api, doc, sampleId, title, preview, previewError, readOnly, onDocumentText, documents }: StudioViewProps) {
  const mapping = useDocument(documents, (s) => s.document);
  const documentError = useDocument(documents, (s) => s.loadError);
  const undoApplied = useDocument(documents, (s) => s.canUndo && s.undoLabel === APPLIED_LABEL);
  useHistoryKeys(documents);
  const [mappingView, setMappingView] = useState<MappingView>('rules');
  const [suggesting, setSuggesting] = useState(false);
  // The mapping panel over the full height (output and problems beside it; JSONata and source hidden): a laptop's window shows few tree rows otherwise.
  const [wide, setWide] = useState(false);
  const local = useLocalCompile(api, doc?.path, doc ? mapping : undefined, doc ? documentError : undefined, readOnly);
  const compiledDoc = useMemo(() => doc && { ...doc, ...(local ? { compiled: local } : {}) }, [doc, local]);
  const session = useStudioSession(api, compiledDoc);
  const runnable = session.compiled !== undefined && session.loadError === undefined;
  const live = useLiveFeedback({ api, projectKey: doc?.key, projectPath: doc?.path, document: doc ? mapping : undefined, runnableText: runnable ? doc?.text : undefined });
  const fieldErrors = live.preview.lastDone?.result?.fieldErrors;
  useCompletionSources(api, doc?.path, doc ? mapping : undefined);
  const problems = useProblems(api, doc?.path, doc ? mapping : undefined, session.compiled, session.loadError, live.preview.lastDone?.result);
  const [feedbackTab, setFeedbackTab] = useState<FeedbackTab>('tests');
  const tests = session.tests;
  const testLabel = tests ? (tests.cases.length === 0 ? '(none)' : `(${tests.passed}/${tests.cases.length})`) : '';
  const currentInput = live.choice && mapping ? (live.choice.input.kind === 'sample' ? mapping.source.samples[live.choice.input.index] : mapping.tests[live.choice.input.index]?.input) : undefined;
  const showRule = (target: string) => {
    setMappingView('rules');
    documents.getState().setView({ selected: target, tab: 'rules' });
  };
  const selectedTarget = useDocument(documents, (s) => s.view.selected);
  const selectedRule = mapping?.rules.some((r) => r.target === selectedTarget) ? selectedTarget : undefined;
  // A problem's JSONata line: each request is new, even for the same line.
  const [reveal, setReveal] = useState<{ line: number; seq: number }>();
  const showLine = (line: number) => setReveal((r) => ({ line, seq: (r?.seq ?? 0) + 1 }));
  const lineageTarget = live.lineage?.targetPath;
  const canvasFeedback = useMemo(() => ({ problems: problems.problems, lineageTarget }), [problems.problems, lineageTarget]);
  return (
    <main className="studio-main" aria-label="Studio">
      <RunToolbar
        title={title}
        canRun={runnable}
        running={live.preview.running}
        run={live.preview.status}
        onRun={() => {
          live.preview.rerun();
          session.runTests();
        }}
        onCancel={live.preview.cancel}
      />
      <div className={`panel-grid${wide ? ' is-mapping-wide' : ''}`}>
        <section className="panel panel-rules" aria-label="Mapping">
          <div className="panel-heading">
            <h2>Mapping</h2>
            <MappingViewSwitch value={mappingView} onChange={setMappingView} />
            {doc?.path && (
              <button type="button" className="button button-small button-secondary" aria-pressed={suggesting} disabled={readOnly} onClick={() => setSuggesting(!suggesting)}>
                Suggest mappings
              </button>
            )}
            <HistoryButtons store={documents} />
            <button type="button" className="button button-small button-secondary" aria-pressed={wide} title={wide ? 'Show the JSONata and the source sample again' : 'Give the mapping the full height; the output and the problems stay beside it'} onClick={() => setWide(!wide)}>
              Enlarge
            </button>
          </div>
          <div className="panel-body panel-body-flush">
            {suggesting && doc?.path && <SuggestMappingsPanel api={api} store={documents} projectPath={doc.path} readOnly={readOnly} onClose={() => setSuggesting(false)} />}
            {mappingView === 'canvas' ? (
              <CanvasView api={api} store={documents} projectPath={doc?.path} readOnly={readOnly} feedback={canvasFeedback} />
            ) : (
              <RulesPanel api={api} store={documents} projectPath={doc?.path} readOnly={readOnly} fieldErrors={fieldErrors} compileError={session.loadError} />
            )}
          </div>
        </section>
        <section className="panel panel-jsonata" aria-label="Generated JSONata">
          <h2>Generated JSONata</h2>
          <div className="panel-body">
            <JsonataPanel
              compiled={session.compiled}
              error={session.loadError}
              api={api}
              documentText={doc?.text}
              projectPath={doc?.path}
              readOnly={readOnly}
              fieldErrors={fieldErrors}
              onDocumentText={(text) => onDocumentText(text, APPLIED_LABEL)}
              canUndoApplied={undoApplied}
              onUndoApplied={() => documents.getState().undo()}
              field={selectedRule}
              reveal={reveal}
            />
          </div>
        </section>
        <section className="panel panel-output" aria-label="Output preview">
          <h2>Output preview</h2>
          <div className="panel-body">
            <PreviewPanel live={live} targetFormat={mapping?.target.format} onShowRule={showRule} blocked={!runnable && live.preview.lastDone !== undefined} parameters={mapping?.parameters} />
          </div>
        </section>
        <section className="panel panel-source" aria-label="Source preview">
          <h2>Source sample</h2>
          <div className="panel-body">
            {doc?.path || !sampleId ? (
              <SourceInputView page={live.input.page} error={live.input.error} label={live.choice?.label} highlighted={live.lineage?.sources.flatMap((s) => (s.inputPath ? [s.inputPath] : [])) ?? []} shown={live.shown} />
            ) : (
              <SamplePreview selectedId={sampleId} preview={preview} error={previewError} />
            )}
          </div>
        </section>
        <section className="panel panel-tests" aria-label="Test results">
          <h2>Problems and tests</h2>
          <div className="panel-body">
            <FeedbackTabs
              tab={feedbackTab}
              onTab={setFeedbackTab}
              problemCount={problems.problems.length}
              testLabel={testLabel}
              problems={<ProblemsPanel problems={problems.problems} onShowRule={showRule} onShowLine={showLine} />}
              tests={
                <TestsPanel
                  api={api}
                  store={documents}
                  projectPath={doc?.path}
                  text={doc?.text}
                  tests={tests}
                  error={session.testsError}
                  running={session.testsRunning}
                  onRerun={session.runTests}
                  currentInput={currentInput}
                  currentErrors={live.preview.lastDone?.result?.fieldErrors ?? (live.preview.status?.error ? [live.preview.status.error] : undefined)}
                  currentViolations={live.preview.lastDone?.result?.violations.length}
                  readOnly={readOnly}
                />
              }
            />
          </div>
        </section>
      </div>
      <CoverageBar coverage={problems.coverage} problems={problems.problems.length} onShowProblems={() => setFeedbackTab('problems')} />
    </main>
  );
}
