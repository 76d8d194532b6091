/**
 * Whether the JSONata a document compiles to parses. The compiler checks the
 * user's own text (custom expressions, regexes) per field, but the whole
 * expression is what runs; `mapwright validate` parses it too, so a document
 * whose generated text is broken fails there, naming the target field where
 * the parser stopped, rather than only at run time.
 */
import jsonata from 'jsonata';
import { MapwrightError } from '../errors';
import type { CompiledMapping } from './compile-document';
import { fieldAtErrorPosition } from './source-map-lookup';

/**
 * Parses `compiled.expression`.
 * @throws MapwrightError `COMPILE_PARSE` naming the target field at the parser's position (or the top block), with jsonata's code and message
 */
export function assertParses(compiled: CompiledMapping): void {
  try {
    jsonata(compiled.expression);
  } catch (error) {
    const e = error as { code?: string; message?: string; position?: number };
    const field = fieldAtErrorPosition(compiled.sourceMap, e.position);
    const where = field === undefined ? 'the generated JSONata (outside every field)' : `target field ${field}`;
    throw new MapwrightError('COMPILE_PARSE', `${where}: the generated JSONata does not parse (${e.code ?? 'parse error'}): ${e.message ?? String(error)}`, {
      cause: error,
      expected: 'a document whose rules compile to valid JSONata',
    });
  }
}
