/** One readable line for a failed run, naming the target field instead of a place in generated code. */
import type { CompiledMapping } from '../compiler/compile-document';
import { fieldAtOffset } from '../compiler/source-map-lookup';
import { formatErrorLine } from '../errors';
import type { RunErrorData } from './run-types';

/**
 * One line for a failed run of a compiled mapping on `inputFile`. The line and
 * column jsonata reports are in the generated expression, which the user never
 * edits, so they are replaced by the target field the source map places there.
 */
export function describeRunError(error: RunErrorData, compiled: CompiledMapping, inputFile: string): string {
  const { line: _line, column: _column, ...rest } = error;
  // jsonata's position is 1-based and points just past the token it stopped at.
  const field = error.position === undefined ? undefined : fieldAtOffset(compiled.sourceMap, Math.max(0, error.position - 1));
  const where = field !== undefined && !error.message.includes(field) ? ` (target field ${field})` : '';
  return `${formatErrorLine({ ...rest, file: inputFile })}${where}`;
}
