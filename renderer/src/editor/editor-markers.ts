/**
 * Where to draw the editor's markers. Pure: offsets, lines and columns in,
 * Monaco-shaped ranges out, so the mapping from coded errors and the
 * compiler's source map to the text is tested without a browser.
 */
import { lineColumnAt, type CodedErrorData } from '../../../mapping-engine/errors';

/** A marker as Monaco's `IMarkerData` takes it (1-based lines and columns, end exclusive). */
export interface EditorMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  /** Which kind of problem: the error code. */
  code: string;
}

/** 1-based line and column of `offset` in `text` (CRLF and lone CR count as one break): the engine's own rule. */
export const positionAt = lineColumnAt;

/** The text of 1-based `line` (without its break), or '' past the end. */
function lineText(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line - 1] ?? '';
}

/**
 * A marker for an error about the expression itself (COMPILE_PARSE,
 * COMPILE_UNSUPPORTED): from its line and column to the end of the token
 * there (at least one character, so the squiggle is visible), or undefined
 * when the error has no position.
 */
export function markerForError(text: string, error: CodedErrorData): EditorMarker | undefined {
  if (error.line === undefined) return undefined;
  const lines = text.split(/\r\n|\r|\n/).length;
  const line = Math.min(Math.max(error.line, 1), lines);
  const content = lineText(text, line);
  const column = Math.min(Math.max(error.column ?? 1, 1), content.length + 1);
  const token = /^[\w$]+/.exec(content.slice(column - 1))?.[0].length ?? 1;
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + Math.max(token, 1), message: error.message, code: error.code };
}

/** A run's error on one target field, as the run result reports it. */
export interface FieldProblem {
  field?: string | undefined;
  code: string;
  message: string;
}

/**
 * Markers for run errors on target fields, placed on each field's span in
 * the expression through the source map. Errors on fields the map does not
 * know (or on no field) are left to the output panel.
 */
export function markersForFields(text: string, sourceMap: Readonly<Record<string, { start: number; end: number }>>, problems: readonly FieldProblem[]): EditorMarker[] {
  const markers: EditorMarker[] = [];
  for (const problem of problems) {
    const span = problem.field === undefined ? undefined : sourceMap[problem.field];
    if (!span || span.start < 0 || span.end > text.length || span.end < span.start) continue;
    const start = positionAt(text, span.start);
    const end = positionAt(text, Math.max(span.end, span.start + 1));
    markers.push({ startLineNumber: start.line, startColumn: start.column, endLineNumber: end.line, endColumn: end.column, message: `${problem.field}: ${problem.message}`, code: problem.code });
  }
  return markers;
}
