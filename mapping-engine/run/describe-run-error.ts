/** One readable line for a failed run, naming the target field instead of a place in generated code. */
import type { CompiledMapping } from '../compiler/compile-document';
import { fieldAtErrorPosition } from '../compiler/source-map-lookup';
import { formatErrorLine } from '../errors';
import type { RunErrorData } from './run-types';

/**
 * One line for a failed run of a compiled mapping on `inputFile`. The line and
 * column jsonata reports are in the generated expression, which the user never
 * edits, so they are replaced by the target field the source map places there.
 */
export function describeRunError(error: RunErrorData, compiled: CompiledMapping, inputFile: string): string {
  const { line: _line, column: _column, ...rest } = error;
  const field = fieldAtErrorPosition(compiled.sourceMap, error.position);
  const where = field !== undefined && !error.message.includes(field) ? ` (target field ${field})` : '';
  return `${formatErrorLine({ ...rest, file: inputFile })}${where}`;
}
