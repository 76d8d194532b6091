/**
 * The editing state of the JSONata panel: the text in the editor, the
 * compiled text it started from, and applying an edit through the backend.
 * A recompile (the document changed elsewhere) replaces the text only while
 * the user has not edited it, so typing is never thrown away. With `field`
 * it edits that one target field's text instead: applying splices it into
 * the whole expression and reads that back the same way (one undo step),
 * and an error's position is moved into the field's text.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { positionInField, withFieldExpression } from '../../../mapping-engine/compiler/field-expression';
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
  /** A rule's target: edit only its text (see the module comment). */
  field?: string | undefined;
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
export function useExpressionEdit({ api, compiled, documentText, projectPath, onDocumentText, field }: ExpressionEditInput): ExpressionEdit {
  const span = field === undefined ? undefined : compiled?.sourceMap[field];
  const compiledText = span && compiled ? compiled.expression.slice(span.start, span.end) : field === undefined ? (compiled?.expression ?? '') : '';
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

  // Another project (or field): edits of the previous one's expression mean nothing here.
  const shownProject = useRef(`${projectPath ?? ''}\n${field ?? ''}`);
  useEffect(() => {
    const shown = `${projectPath ?? ''}\n${field ?? ''}`;
    if (shownProject.current === shown) return;
    shownProject.current = shown;
    generation.current++;
    setBase(compiledText);
    setText(compiledText);
    setApplying(false);
    setError(undefined);
    setCustom(undefined);
  }, [projectPath, field, compiledText, setBase]);

  const change = useCallback((next: string) => {
    setText((current) => {
      if (current !== next) setError(undefined);
      return next;
    });
  }, []);

  const latest = useRef({ api, documentText, projectPath, onDocumentText, text, compiled, field });
  latest.current = { api, documentText, projectPath, onDocumentText, text, compiled, field };

  const apply = useCallback(() => {
    const { api: client, documentText: docText, projectPath: path, onDocumentText: emit, text: typed, compiled: base, field: one } = latest.current;
    if (!client || docText === undefined) return;
    let expression = typed;
    let place: ((e: CodedErrorData) => CodedErrorData) | undefined;
    if (one !== undefined) {
      const at = base?.sourceMap[one];
      if (!base || !at) return;
      expression = withFieldExpression(base, one, typed);
      // The backend reports positions in the whole expression; the editor shows the field's text.
      place = (e) => (e.line === undefined ? e : { ...e, ...positionInField(expression, at.start, typed.length, e.line, e.column ?? 1) });
    }
    const mine = ++generation.current;
    setApplying(true);
    void client
      .applyExpression({ text: docText, expression, ...(path ? { projectPath: path } : {}) })
      .then((result) => {
        if (mine !== generation.current) return;
        if (!result.ok) {
          setError(place ? place(result.error) : result.error);
          setCustom(undefined);
          return;
        }
        setError(undefined);
        setCustom(result.value.custom);
        // The recompiled text is what the new document produces; the recompile that follows finds it unchanged.
        const span = one === undefined ? undefined : result.value.sourceMap[one];
        const next = one === undefined ? result.value.expression : span ? result.value.expression.slice(span.start, span.end) : typed;
        setBase(next);
        setText(next);
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
