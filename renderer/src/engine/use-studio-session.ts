/**
 * The studio's working state for the open project: the compiled JSONata and
 * the latest test results. It follows the project session's text: the
 * document is compiled in the renderer when the caller passes `compiled`
 * (every edit shows at once), else by the backend after a short pause; the
 * test cases rerun after a pause in the edits, so an edit shows its effect
 * on the tests without a click. The output preview is the live preview's
 * (preview/use-live-preview.ts), which only maps inputs that may be shown.
 * Everything goes through the {@link StudioApi}; answers that arrive after
 * the user moved on (another project, newer text) are dropped, so a slow
 * backend can never show a stale result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult, TestRunResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi, StudioResult } from '../../../electron/contract/studio-api';

/** Quiet time after an edit before it is recompiled and the tests rerun (typing must not start a run per key). */
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
  tests?: TestRunResult;
  testsError?: CodedErrorData;
  testsRunning: boolean;
  /** Runs the test cases of the latest text now. */
  runTests: () => void;
}

/** Holds the session of `doc` (undefined: no project open). */
export function useStudioSession(api: StudioApi | undefined, doc: StudioDocument | undefined): StudioSession {
  const [compiled, setCompiled] = useState<CompileResult>();
  const [loadError, setLoadError] = useState<CodedErrorData>();
  const [tests, setTests] = useState<TestRunResult>();
  const [testsError, setTestsError] = useState<CodedErrorData>();
  const [testsRunning, setTestsRunning] = useState(false);
  const compileGeneration = useRef(0);
  const testsGeneration = useRef(0);
  // The project whose first compile happened: later texts of it wait for a pause in the edits.
  const compiledKey = useRef<string | undefined>(undefined);
  const latest = useRef(doc);
  latest.current = doc;
  const { key, path, text, compiled: local } = doc ?? {};

  useEffect(() => {
    ++compileGeneration.current;
    ++testsGeneration.current;
    compiledKey.current = undefined;
    setCompiled(undefined);
    setLoadError(undefined);
    setTests(undefined);
    setTestsError(undefined);
    setTestsRunning(false);
  }, [api, key]);

  const runTests = useCallback(() => {
    const current = latest.current;
    if (!api || !current) return;
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
  }, [api]);

  useEffect(() => {
    if (!api || key === undefined || text === undefined) return;
    const mine = ++compileGeneration.current;
    const first = compiledKey.current !== key;
    compiledKey.current = key;
    const compiledNow = (value: CompileResult): void => {
      setCompiled(value);
      setLoadError(undefined);
    };
    if (local) {
      if (!local.ok) return setLoadError(local.error);
      compiledNow(local.value);
      // The expression shows at once; the tests wait for a pause in the edits.
      const rerun = setTimeout(() => compileGeneration.current === mine && runTests(), first ? 0 : RECOMPILE_DELAY_MS);
      return () => clearTimeout(rerun);
    }
    const timer = setTimeout(
      () =>
        void (async () => {
          const result = await api.compileDocument({ text, ...(path ? { projectPath: path } : {}) });
          if (compileGeneration.current !== mine) return;
          if (!result.ok) return setLoadError(result.error);
          compiledNow(result.value);
          runTests();
        })(),
      first ? 0 : RECOMPILE_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [api, key, path, text, local, runTests]);

  return { compiled, loadError, tests, testsError, testsRunning, runTests };
}
