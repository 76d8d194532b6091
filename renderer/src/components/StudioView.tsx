/**
 * The studio's work area for one sample project: the toolbar with Run and
 * Cancel, the generated JSONata, the output preview with field errors and
 * validation, the source sample and the test results.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { SamplePreview as Preview, StudioApi } from '../../../electron/contract/studio-api';
import { previewRunInput } from '../engine/run-input';
import { useStudioSession } from '../engine/use-studio-session';
import { JsonataPanel } from './JsonataPanel';
import { RunOutput } from './RunOutput';
import { RunToolbar } from './RunToolbar';
import { SamplePreview } from './SamplePreview';
import { TestResults } from './TestResults';

/** Props of {@link StudioView}. */
export interface StudioViewProps {
  api: StudioApi;
  sampleId: string | undefined;
  /** Name of the selected sample, for the toolbar. */
  title: string | undefined;
  preview: Preview | undefined;
  previewError: CodedErrorData | undefined;
}

/** Lays out the panels of one project. */
export function StudioView({ api, sampleId, title, preview, previewError }: StudioViewProps) {
  const session = useStudioSession(api, sampleId);
  const input = session.project ? previewRunInput(session.project.text) : undefined;
  const inputLabel = input?.inputFile ?? (input ? 'the first source sample' : undefined);
  return (
    <main className="studio-main" aria-label="Studio">
      <RunToolbar
        title={title}
        canRun={session.compiled !== undefined}
        running={session.running}
        run={session.run}
        onRun={session.runNow}
        onCancel={session.cancel}
      />
      <div className="panel-grid">
        <section className="panel panel-jsonata" aria-label="Generated JSONata">
          <h2>Generated JSONata</h2>
          <div className="panel-body">
            <JsonataPanel compiled={session.compiled} error={session.loadError} />
          </div>
        </section>
        <section className="panel panel-output" aria-label="Output preview">
          <h2>Output preview</h2>
          <div className="panel-body">
            <RunOutput run={session.run} error={session.runError} inputLabel={inputLabel} />
          </div>
        </section>
        <section className="panel panel-source" aria-label="Source preview">
          <h2>Source sample</h2>
          <div className="panel-body">
            <SamplePreview selectedId={sampleId} preview={preview} error={previewError} />
          </div>
        </section>
        <section className="panel panel-tests" aria-label="Test results">
          <h2>Tests</h2>
          <div className="panel-body">
            <TestResults tests={session.tests} error={session.testsError} running={session.testsRunning} />
          </div>
        </section>
      </div>
    </main>
  );
}
