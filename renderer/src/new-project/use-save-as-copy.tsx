/**
 * Save As with the project's files (see save-as-copy.ts), for the studio's
 * Save As dialog: copies the referenced files into the new folder first,
 * asks before replacing different files there, then lets the project
 * session save as usual (it takes over the path, the stamp and the dirty
 * state).
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import type { ProjectSession } from '../project/project-session';
import { copyForSaveAs } from './save-as-copy';

type Pending = { kind: 'ask'; path: string; files: string[] } | { kind: 'failed'; error: CodedErrorData };

/** `submit(path)` replaces the workflow's Save As; `dialog` is the question or the problem to render. */
export function useSaveAsCopy(api: Pick<StudioApi, 'saveProjectCopy'>, session: StoreApi<ProjectSession>, saveAs: (path: string) => Promise<unknown>, closeDialog: () => void) {
  const [pending, setPending] = useState<Pending>();

  const submit = useCallback(
    async (path: string, replaceFiles = false): Promise<void> => {
      const { project, text } = session.getState();
      const outcome = await copyForSaveAs(api, { from: project?.path, to: path, text, ...(project ? { sessionId: project.sessionId } : {}), replaceFiles });
      if (outcome.status === 'ask' || outcome.status === 'failed') {
        closeDialog();
        return setPending(outcome.status === 'ask' ? { kind: 'ask', path, files: outcome.files } : { kind: 'failed', error: outcome.error });
      }
      // References re-pointed into the new folder are part of what the session saves.
      if (outcome.status === 'copied' && outcome.text !== text) session.getState().replaceText(outcome.text, 'Save As');
      await saveAs(path);
    },
    [api, session, saveAs, closeDialog],
  );

  let dialog: ReactNode = null;
  if (pending?.kind === 'ask') {
    const { path, files } = pending;
    dialog = (
      <Dialog
        title="Replace files?"
        tone="warning"
        onCancel={() => setPending(undefined)}
        actions={
          <>
            <button type="button" className="button button-secondary" autoFocus onClick={() => setPending(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setPending(undefined);
                void submit(path, true);
              }}
            >
              Replace
            </button>
          </>
        }
      >
        <p>The new folder already has different files where the project’s files go. Replace them with the project’s?</p>
        <ul data-testid="replace-files">
          {files.map((file) => (
            <li key={file}>
              <code>{file}</code>
            </li>
          ))}
        </ul>
      </Dialog>
    );
  } else if (pending?.kind === 'failed') {
    dialog = (
      <Dialog
        title="Save As failed"
        onCancel={() => setPending(undefined)}
        actions={
          <button type="button" className="button button-primary" autoFocus onClick={() => setPending(undefined)}>
            OK
          </button>
        }
      >
        <p>Nothing was saved: the project’s files could not be copied to the new folder.</p>
        <ErrorNotice error={pending.error} />
      </Dialog>
    );
  }
  return { submit, dialog };
}
