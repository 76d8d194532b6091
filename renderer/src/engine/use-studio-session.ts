/**
 * The studio's working state for one sample project: its document, the
 * compiled JSONata, the latest preview run and the latest test results, plus
 * the Run and Cancel actions. Everything goes through the {@link StudioApi};
 * answers that arrive after the user moved on (another sample, a newer run)
 * are dropped, so a slow backend can never show a stale result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult, RunStatus, SampleProject, TestRunResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { followRun } from './poll-run';
import { previewRunInput } from './run-input';

/** What the studio view shows and can do. */
export interface StudioSession {
  project?: SampleProject;
  compiled?: CompileResult;
  /** Loading or compiling the project failed. */
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

/** Holds the session of sample `sampleId` (undefined: nothing selected). */
export function useStudioSession(api: StudioApi | undefined, sampleId: string | undefined): StudioSession {
  const [project, setProject] = useState<SampleProject>();
  const [compiled, setCompiled] = useState<CompileResult>();
  const [loadError, setLoadError] = useState<CodedErrorData>();
  const [run, setRun] = useState<RunStatus>();
  const [runError, setRunError] = useState<CodedErrorData>();
  const [tests, setTests] = useState<TestRunResult>();
  const [testsError, setTestsError] = useState<CodedErrorData>();
  const [testsRunning, setTestsRunning] = useState(false);
  // Bumped on every new sample or run; a response from an older generation is ignored.
  const generation = useRef(0);
  const runId = useRef<string | undefined>(undefined);

  useEffect(() => {
    const mine = ++generation.current;
    runId.current = undefined;
    setProject(undefined);
    setCompiled(undefined);
    setLoadError(undefined);
    setRun(undefined);
    setRunError(undefined);
    setTests(undefined);
    setTestsError(undefined);
    setTestsRunning(false);
    if (!api || !sampleId) return;
    void (async () => {
      const loaded = await api.loadSampleProject(sampleId);
      if (generation.current !== mine) return;
      if (!loaded.ok) return setLoadError(loaded.error);
      setProject(loaded.value);
      const result = await api.compileDocument({ text: loaded.value.text, projectPath: loaded.value.projectPath });
      if (generation.current !== mine) return;
      if (result.ok) setCompiled(result.value);
      else setLoadError(result.error);
    })();
  }, [api, sampleId]);

  const runNow = useCallback(() => {
    if (!api || !project) return;
    const mine = ++generation.current;
    const stale = (): boolean => generation.current !== mine;
    setRun(undefined);
    setRunError(undefined);
    setTestsError(undefined);
    setTestsRunning(true);
    const input = previewRunInput(project.text) ?? { sampleIndex: 0 };
    void (async () => {
      const started = await api.startRun({ projectPath: project.projectPath, text: project.text, ...input });
      if (stale()) return;
      if (!started.ok) return setRunError(started.error);
      runId.current = started.value.runId;
      setRun({ runId: started.value.runId, state: 'running', progress: { phase: 'starting', fraction: 0 } });
      const last = await followRun(api, started.value.runId, { onStatus: (status) => !stale() && setRun(status), abandoned: stale });
      if (last && !last.ok && !stale()) setRunError(last.error);
    })();
    void (async () => {
      const result = await api.runTests({ projectPath: project.projectPath, text: project.text });
      if (stale()) return;
      setTestsRunning(false);
      if (result.ok) setTests(result.value);
      else setTestsError(result.error);
    })();
  }, [api, project]);

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
    project,
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
