/**
 * The studio page: the sample list and, for the selected sample project, the
 * studio view (generated JSONata, Run and Cancel, output preview, source
 * sample, tests). It talks to the backend only through the {@link StudioApi}
 * it is given, so it runs the same in Electron and in a browser.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodedErrorData } from '../../mapping-engine/errors';
import type { AppInfo, SamplePreview as Preview, SampleSummary, StudioApi } from '../../electron/contract/studio-api';
import { ErrorNotice } from './components/ErrorNotice';
import { SampleList } from './components/SampleList';
import { SamplePreview } from './components/SamplePreview';
import { StudioView } from './components/StudioView';

/** Props of {@link App}. */
export interface AppProps {
  /** The backend; `undefined` when the page was opened without a way to reach it. */
  api: StudioApi | undefined;
}

const NO_BACKEND: CodedErrorData = {
  code: 'ACCESS_DENIED',
  message: 'This page has no connection to the studio backend. Start it with `npm start`, or open the URL (with its token) that `npm run web` printed.',
};

/** The sample the studio opens on (`samples/crm-to-erp`). */
export const DEFAULT_SAMPLE_ID = 'crm-to-erp';

/** The studio's root component. */
export function App({ api }: AppProps) {
  const [appInfo, setAppInfo] = useState<AppInfo>();
  const [samples, setSamples] = useState<SampleSummary[]>();
  const [listError, setListError] = useState<CodedErrorData | undefined>(api ? undefined : NO_BACKEND);
  const [selectedId, setSelectedId] = useState<string>();
  const [preview, setPreview] = useState<Preview>();
  const [previewError, setPreviewError] = useState<CodedErrorData>();
  // Clicks can outrun the backend; only the latest selection may set the preview.
  const latestSelection = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.getAppInfo().then((result) => live && result.ok && setAppInfo(result.value));
    void api.listSamples().then((result) => {
      if (!live) return;
      if (result.ok) setSamples(result.value);
      else setListError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const select = useCallback(
    (id: string) => {
      if (!api) return;
      latestSelection.current = id;
      setSelectedId(id);
      setPreview(undefined);
      setPreviewError(undefined);
      void api.readSamplePreview(id).then((result) => {
        if (latestSelection.current !== id) return;
        if (result.ok) setPreview(result.value);
        else setPreviewError(result.error);
      });
    },
    [api],
  );

  // The studio opens on the bundled default project (or the first sample) until the user picks another.
  useEffect(() => {
    if (selectedId !== undefined || !samples?.length) return;
    const initial = samples.find((sample) => sample.id === DEFAULT_SAMPLE_ID) ?? samples[0];
    if (initial) select(initial.id);
  }, [samples, selectedId, select]);

  return (
    <div className="studio">
      <header className="studio-header">
        <h1>Mapwright</h1>
        {appInfo && (
          <span className="app-info">
            v{appInfo.version} · engine {appInfo.engineVersion} · {appInfo.platform}
          </span>
        )}
      </header>
      <div className="studio-body">
        <nav className="sample-list" aria-label="Samples">
          <h2>Samples</h2>
          {listError ? <ErrorNotice error={listError} /> : <SampleList samples={samples} selectedId={selectedId} onSelect={select} />}
        </nav>
        {api ? (
          <StudioView
            api={api}
            sampleId={selectedId}
            title={samples?.find((sample) => sample.id === selectedId)?.name}
            preview={preview}
            previewError={previewError}
          />
        ) : (
          <main className="sample-preview" aria-label="Source preview">
            <SamplePreview selectedId={selectedId} preview={preview} error={previewError} />
          </main>
        )}
      </div>
    </div>
  );
}
