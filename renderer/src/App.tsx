/**
 * The studio page. With a backend it is the {@link Workspace} (project bar,
 * samples, the open project's panels); without one it says how to reach the
 * backend. It talks to the backend only through the {@link StudioApi} it is
 * given, so it runs the same in Electron and in a browser.
 */
import type { CodedErrorData } from '../../mapping-engine/errors';
import type { StudioApi } from '../../electron/contract/studio-api';
import { ErrorNotice } from './components/ErrorNotice';
import { StudioHeader } from './components/StudioHeader';
import { Workspace } from './components/Workspace';

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
  if (api) return <Workspace api={api} defaultSampleId={DEFAULT_SAMPLE_ID} />;
  return (
    <div className="studio">
      <StudioHeader appInfo={undefined} />
      <main className="sample-preview" aria-label="No backend">
        <ErrorNotice error={NO_BACKEND} />
      </main>
    </div>
  );
}
