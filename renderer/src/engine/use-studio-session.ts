/**
 * The studio's working state for the open project: the compiled JSONata,
 * the latest preview run and the latest test results, plus the Run and
 * Cancel actions. It follows the project session's text: the document is
 * compiled in the renderer when the caller passes `compiled` (every edit
 * shows at once), else by the backend after a short pause; the preview and
 * tests rerun after a short pause (and the preview and tests rerun once the
 * user has run them), so an edit shows its effect without a click. Everything goes
 * through the {@link StudioApi}; answers that arrive after the user moved on
 * (another project, newer text, a newer run) are dropped, so a slow backend
 * can never show a stale result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult, RunStatus, TestRunResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi, StudioResult } from '../../../electron/contract/studio-api';
import { followRun } from './poll-run';
import { previewRunInput } from './run-input';

/** Quiet time after an edit before it is recompiled (typing must not start a compile per key). */
export const RECOMPILE_DELAY_MS = 300;

/** The document the studio works on, as the project session holds it. */
export interface StudioDocument {
  /** Identifies the open project (its file, else its session id): a new key starts from scratch, a new text only recompiles. */
  key: string;
  /** The project file; absent while untitled (tests need a file to resolve their inputs). */
  path?: string;
  text: string;
  /**
   * The document compiled in the renderer (see document/use-local-compile.ts);
   * undefined when it cannot be yet, and the backend compiles instead.
   */
  compiled?: StudioResult<CompileResult>;
}

/** What the studio view shows and can do. */
export interface StudioSession {
  compiled?: CompileResult;
  /** Compiling the document failed. */
  loadError?: CodedErrorData;
  /** The latest run's status (running, done, failed or cancelled). */
  run?: RunStatus;
  /** Starting or polling the run failed. */
  runError?: CodedErrorData;
  tests?: TestRunResult;
  testsError?: CodedErrorData;
  testsRunning: boolean;
  /** True while a preview run is in progress. */
  running: boolean;
  /** Runs the mapping on the preview input and runs the test cases. */
  runNow: () => void;
  /** Cancels the preview run in progress. */
  cancel: () => void;
}

/** Holds the session of `doc` (undefined: no project open). */
export function useStudioSession(api: StudioApi | undefined, doc: StudioDocument | undefined): StudioSession {
  const [compiled, setCompiled] = useState<CompileResult>();
  const [loadError, setLoadError] = useState<CodedErrorData>();
  const [run, setRun] = useState<RunStatus>();
  const [runError, setRunError] = useState<CodedErrorData>();
  const [tests, setTests] = useState<TestRunResult>();
  const [testsError, setTestsError] = useState<CodedErrorData>();
  const [testsRunning, setTestsRunning] = useState(false);
  // Bumped on every new project or run; a run answer from an older generation is ignored.
  const generation = useRef(0);
  const compileGeneration = useRef(0);
  const testsGeneration = useRef(0);
  const runId = useRef<string | undefined>(undefined);
  // The project whose first compile happened: later texts of it wait for a pause in the edits.
  const compiledKey = useRef<string | undefined>(undefined);
  // Once the user ran the preview, edits rerun it (a live preview); before that nothing runs uninvited.
  const previewLive = useRef(false);
  const latest = useRef(doc);
  latest.current = doc;
  const { key, path, text, compiled: local } = doc ?? {};

  useEffect(() => {
    ++generation.current;
    ++compileGeneration.current;
    ++testsGeneration.current;
    runId.current = undefined;
    compiledKey.current = undefined;
    previewLive.current = false;
    setCompiled(undefined);
    setLoadError(undefined);
    setRun(undefined);
    setRunError(undefined);
    setTests(undefined);
    setTestsError(undefined);
    setTestsRunning(false);
  }, [api, key]);

  /** Starts a preview run of the latest text; false when there is nothing to run. */
  const startPreview = useCallback((): boolean => {
    const current = latest.current;
    if (!api || !current) return false;
    const mine = ++generation.current;
    const stale = (): boolean => generation.current !== mine;
    previewLive.current = true;
    // A run of older text is of no use any more: stop it rather than let it hold a worker.
    const previous = runId.current;
    runId.current = undefined;
    if (previous) void api.cancelRun(previous);
    setRun(undefined);
    setRunError(undefined);
    const input = previewRunInput(current.text) ?? { sampleIndex: 0 };
    void (async () => {
      const started = await api.startRun({ ...(current.path ? { projectPath: current.path } : {}), text: current.text, ...input });
      if (stale()) return;
      if (!started.ok) return setRunError(started.error);
      runId.current = started.value.runId;
      setRun({ runId: started.value.runId, state: 'running', progress: { phase: 'starting', fraction: 0 } });
      const last = await followRun(api, started.value.runId, { onStatus: (status) => !stale() && setRun(status), abandoned: stale });
      if (last && !last.ok && !stale()) setRunError(last.error);
    })();
    return true;
  }, [api]);

  const runNow = useCallback(() => {
    const current = latest.current;
    if (!api || !current || !startPreview()) return;
    const mine = ++testsGeneration.current;
    setTestsError(undefined);
    if (!current.path) {
      setTestsRunning(false);
      setTests(undefined);
      return setTestsError({ code: 'USAGE', message: 'test inputs are found next to the project file', expected: 'save the project first' });
    }
    setTestsRunning(true);
    const { path: projectPath, text: documentText } = current;
    void (async () => {
      const result = await api.runTests({ projectPath, text: documentText });
      if (testsGeneration.current !== mine) return;
      setTestsRunning(false);
      if (result.ok) setTests(result.value);
      else setTestsError(result.error);
    })();
  }, [api, startPreview]);

  useEffect(() => {
    if (!api || key === undefined || text === undefined) return;
    const mine = ++compileGeneration.current;
    const first = compiledKey.current !== key;
    compiledKey.current = key;
    if (local) {
      if (!local.ok) return setLoadError(local.error);
      setCompiled(local.value);
      setLoadError(undefined);
      if (first || !previewLive.current) return;
      // The expression shows at once; the live preview waits for a pause in the edits.
      const rerun = setTimeout(() => compileGeneration.current === mine && runNow(), RECOMPILE_DELAY_MS);
      return () => clearTimeout(rerun);
    }
    const timer = setTimeout(
      () =>
        void (async () => {
          const result = await api.compileDocument({ text, ...(path ? { projectPath: path } : {}) });
          if (compileGeneration.current !== mine) return;
          if (result.ok) {
            setCompiled(result.value);
            setLoadError(undefined);
            if (!first && previewLive.current) runNow();
          } else {
            setLoadError(result.error);
          }
        })(),
      first ? 0 : RECOMPILE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [api, key, path, text, local, runNow]);

  const cancel = useCallback(() => {
    const id = runId.current;
    if (!api || !id) return;
    void api.cancelRun(id).then((result) => {
      if (runId.current !== id) return;
      if (result.ok) setRun(result.value);
      else setRunError(result.error);
    });
  }, [api]);

  return {
    compiled,
    loadError,
    run,
    runError,
    tests,
    testsError,
    testsRunning,
    running: run?.state === 'running',
    runNow,
    cancel,
  };
}
