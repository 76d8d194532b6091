/** One readable line for a failed run, naming the target field instead of a place in generated code. */
import type { CompiledMapping } from '../compiler/compile-document';
import { fieldAtErrorPosition } from '../compiler/source-map-lookup';
import type { MappingDocument } from '../document/document-schema';
import { formatErrorLine } from '../errors';
import { observeRunError } from './test-expectations';
import type { RunErrorData } from './run-types';

/**
 * One line for a failed run of a compiled mapping on `inputFile`. The line and
 * column jsonata reports are in the generated expression, which the user never
 * edits, so they are replaced by the target field the source map places there.
 * Given the document, an error the mapping's helpers raised shows the code a
 * test case expects (`MAP_INVALID_VALUE`, `MAP_REQUIRED_MISSING`), so what a
 * run prints is what a test can expect; other errors keep the runner's code.
 */
export function describeRunError(error: RunErrorData, compiled: CompiledMapping, inputFile: string, document?: MappingDocument): string {
  const { line: _line, column: _column, ...rest } = error;
  const field = fieldAtErrorPosition(compiled.sourceMap, error.position);
  const where = field !== undefined && !error.message.includes(field) ? ` (target field ${field})` : '';
  const code = document && error.jsonataCode === 'D3137' ? observeRunError(error, { compiled, document }).code : error.code;
  return `${formatErrorLine({ ...rest, code: code as RunErrorData['code'], file: inputFile })}${where}`;
}
