/**
 * The live preview: every change of the document's text (or of the chosen
 * input) re-runs the mapping after a short pause in the edits; the run in
 * progress is cancelled first, so only the newest text holds a worker.
 * Runs go through the backend's preview methods, which only ever map data
 * that may be shown (see contract/methods/preview-methods.ts); the wait
 * between polls is a timer, so the window never waits on a run.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { RunStatus } from '../../../electron/contract/methods/engine-methods';
import type { PreviewInput } from '../../../electron/contract/methods/preview-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { followRun } from '../engine/poll-run';

/** Quiet time after an edit before the preview re-runs (typing must not start a run per key). */
export const PREVIEW_DELAY_MS = 300;

/** What the preview shows. */
export interface LivePreview {
  /** The latest run's status; undefined before the first run. */
  status?: RunStatus;
  /** Starting or following the run failed. */
  error?: CodedErrorData;
  /** How the mapped input was made safe to show. */
  masking?: 'imported' | 'for-display';
  maskedPaths: string[];
  /** The latest finished run (kept while the next one runs, so the view does not flicker). */
  lastDone?: RunStatus;
  running: boolean;
  cancel: () => void;
  /** Runs again now (after a cancel). */
  rerun: () => void;
}

/** Arguments of {@link useLivePreview}. */
export interface LivePreviewArgs {
  api: Pick<StudioApi, 'startPreview' | 'pollPreview' | 'cancelPreview'> | undefined;
  projectPath: string | undefined;
  /** The document text to map; undefined: nothing to run (no document, or it does not compile). */
  text: string | undefined;
  input: PreviewInput | undefined;
  /** Identifies the project: a new one drops the old results. */
  projectKey: string | undefined;
  /** Run parameters set in the Parameters form (the others take their defaults). */
  params?: Readonly<Record<string, string>>;
}

/** Runs the preview of `args.text` on `args.input` on every change (see the module comment). */
export function useLivePreview({ api, projectPath, text, input, projectKey, params }: LivePreviewArgs): LivePreview {
  const [status, setStatus] = useState<RunStatus>();
  const [lastDone, setLastDone] = useState<RunStatus>();
  const [error, setError] = useState<CodedErrorData>();
  const [masking, setMasking] = useState<{ masking?: 'imported' | 'for-display'; paths: string[] }>({ paths: [] });
  const [again, setAgain] = useState(0);
  const generation = useRef(0);
  const runId = useRef<string | undefined>(undefined);
  const first = useRef(true);
  const inputKey = input ? `${input.kind}:${input.index}` : undefined;
  const paramsKey = JSON.stringify(params ?? {});

  useEffect(() => {
    first.current = true;
    setStatus(undefined);
    setLastDone(undefined);
    setError(undefined);
    setMasking({ paths: [] });
  }, [projectKey, inputKey]);

  useEffect(() => {
    if (!api || text === undefined || !input) return;
    const mine = ++generation.current;
    const stale = (): boolean => generation.current !== mine;
    const start = async (): Promise<void> => {
      // A run of older text is of no use any more: stop it rather than let it hold a worker.
      const previous = runId.current;
      runId.current = undefined;
      if (previous) void api.cancelPreview(previous);
      const sent = JSON.parse(paramsKey) as Record<string, string>;
      const started = await api.startPreview({ ...(projectPath ? { projectPath } : {}), text, input, ...(Object.keys(sent).length > 0 ? { params: sent } : {}) });
      if (stale()) {
        if (started.ok) void api.cancelPreview(started.value.runId);
        return;
      }
      if (!started.ok) {
        setStatus(undefined);
        return setError(started.error);
      }
      setError(undefined);
      setMasking({ masking: started.value.masking, paths: started.value.maskedPaths });
      runId.current = started.value.runId;
      setStatus({ runId: started.value.runId, state: 'running', progress: { phase: 'starting', fraction: 0 } });
      const last = await followRun({ pollRun: (id) => api.pollPreview(id) }, started.value.runId, {
        abandoned: stale,
        onStatus: (s) => {
          if (stale()) return;
          setStatus(s);
          if (s.state === 'done') setLastDone(s);
        },
      });
      if (last && !last.ok && !stale()) setError(last.error);
    };
    const delay = first.current ? 0 : PREVIEW_DELAY_MS;
    first.current = false;
    const timer = setTimeout(() => void start(), delay);
    return () => clearTimeout(timer);
    // `inputKey` stands for `input` and `paramsKey` for `params` (new objects on every render).
  }, [api, projectPath, text, inputKey, paramsKey, again]);

  useEffect(
    () => () => {
      ++generation.current;
      if (runId.current && api) void api.cancelPreview(runId.current);
    },
    [api],
  );

  const cancel = useCallback(() => {
    const id = runId.current;
    if (!api || !id) return;
    void api.cancelPreview(id).then((result) => {
      if (runId.current !== id) return;
      if (result.ok) setStatus(result.value);
      else setError(result.error);
    });
  }, [api]);

  const rerun = useCallback(() => setAgain((n) => n + 1), []);

  return { status, error, masking: masking.masking, maskedPaths: masking.paths, lastDone, running: status?.state === 'running', cancel, rerun };
}
