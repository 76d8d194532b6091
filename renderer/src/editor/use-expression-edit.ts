/**
 * The editing state of the JSONata panel: the text in the editor, the
 * compiled text it started from, and applying an edit through the backend.
 * A recompile (the document changed elsewhere) replaces the text only while
 * the user has not edited it, so typing is never thrown away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';

/** What {@link useExpressionEdit} needs. */
export interface ExpressionEditInput {
  api: StudioApi | undefined;
  compiled: CompileResult | undefined;
  documentText: string | undefined;
  projectPath: string | undefined;
  onDocumentText: ((text: string) => void) | undefined;
}

/** The panel's editing state and actions. */
export interface ExpressionEdit {
  /** The editor's text. */
  text: string;
  /** True when the text differs from the compiled expression. */
  dirty: boolean;
  applying: boolean;
  /** The last apply's error (cleared by the next edit). */
  error: CodedErrorData | undefined;
  /** Fields kept as custom expressions by the last successful apply. */
  custom: string[] | undefined;
  change: (text: string) => void;
  apply: () => void;
  revert: () => void;
}

/** Holds the edit of `compiled.expression` and applies it to `documentText`. */
export function useExpressionEdit({ api, compiled, documentText, projectPath, onDocumentText }: ExpressionEditInput): ExpressionEdit {
  const compiledText = compiled?.expression ?? '';
  const [base, setBaseState] = useState(compiledText);
  // The base as of the last render's effects, read when a recompile arrives.
  const baseRef = useRef(compiledText);
  const setBase = useCallback((next: string) => {
    baseRef.current = next;
    setBaseState(next);
  }, []);
  const [text, setText] = useState(compiledText);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<CodedErrorData>();
  const [custom, setCustom] = useState<string[]>();
  // Each apply gets a number; an answer for an older one is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const previous = baseRef.current;
    setBase(compiledText);
    setText((current) => (current === previous ? compiledText : current));
  }, [compiledText, setBase]);

  // Another project: edits of the previous one's expression mean nothing here.
  const shownProject = useRef(projectPath);
  useEffect(() => {
    if (shownProject.current === projectPath) return;
    shownProject.current = projectPath;
    generation.current++;
    setBase(compiledText);
    setText(compiledText);
    setApplying(false);
    setError(undefined);
    setCustom(undefined);
  }, [projectPath, compiledText, setBase]);

  const change = useCallback((next: string) => {
    setText((current) => {
      if (current !== next) setError(undefined);
      return next;
    });
  }, []);

  const latest = useRef({ api, documentText, projectPath, onDocumentText, text });
  latest.current = { api, documentText, projectPath, onDocumentText, text };

  const apply = useCallback(() => {
    const { api: client, documentText: docText, projectPath: path, onDocumentText: emit, text: expression } = latest.current;
    if (!client || docText === undefined) return;
    const mine = ++generation.current;
    setApplying(true);
    void client
      .applyExpression({ text: docText, expression, ...(path ? { projectPath: path } : {}) })
      .then((result) => {
        if (mine !== generation.current) return;
        if (!result.ok) {
          setError(result.error);
          setCustom(undefined);
          return;
        }
        setError(undefined);
        setCustom(result.value.custom);
        // The recompiled text is what the new document produces; the recompile that follows finds it unchanged.
        setBase(result.value.expression);
        setText(result.value.expression);
        emit?.(result.value.text);
      })
      .catch((thrown: unknown) => {
        if (mine === generation.current) setError({ code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : String(thrown) });
      })
      .finally(() => {
        if (mine === generation.current) setApplying(false);
      });
  }, [setBase]);

  const revert = useCallback(() => {
    generation.current++;
    setApplying(false);
    setError(undefined);
    setText(compiledText);
    setBase(compiledText);
  }, [compiledText, setBase]);

  return { text, dirty: text !== base, applying, error, custom, change, apply, revert };
}
