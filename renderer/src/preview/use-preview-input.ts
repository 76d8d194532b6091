/**
 * The page of the input the preview maps, as the backend makes it safe to
 * show (a sample as imported, a test input masked for display). Read again
 * only when the input's file changes, not on every edit of the document.
 */
import { useEffect, useRef, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { PreviewInput, PreviewInputPage } from '../../../electron/contract/methods/preview-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';

/** What {@link usePreviewInput} gives. */
export interface PreviewInputState {
  page?: PreviewInputPage;
  error?: CodedErrorData;
}

/**
 * Reads the page of `input`; `fileKey` names its file (the sample's or test
 * input's path) so edits that keep it do not read it again.
 */
export function usePreviewInput(
  api: Pick<StudioApi, 'readPreviewInput'> | undefined,
  projectPath: string | undefined,
  text: string | undefined,
  input: PreviewInput | undefined,
  fileKey: string | undefined,
): PreviewInputState {
  const [state, setState] = useState<PreviewInputState & { key?: string }>({});
  const latestText = useRef(text);
  latestText.current = text;
  const key = input && fileKey !== undefined ? `${projectPath ?? ''}\n${input.kind}:${input.index}\n${fileKey}` : undefined;
  // The input is known before the document compiles (a sample opening): read it once there is text.
  const ready = text !== undefined;
  useEffect(() => {
    const current = latestText.current;
    if (!api || !input || key === undefined || current === undefined) return;
    let live = true;
    void api.readPreviewInput({ ...(projectPath ? { projectPath } : {}), text: current, input }).then((result) => {
      if (!live) return;
      setState(result.ok ? { key, page: result.value } : { key, error: result.error });
    });
    return () => {
      live = false;
    };
    // `key` stands for `input` and `fileKey`; the text is read from the ref on purpose.
  }, [api, projectPath, key, ready]);
  return state.key === key ? state : {};
}
