/**
 * One target field's expression inside the compiled mapping: its text (the
 * span the source map gives), the whole expression with that text replaced
 * (what the reverse compiler reads back, so editing one field goes through
 * the same path as editing the whole), and an error position in the whole
 * expression moved into the field's own text. Pure string work on a
 * compiled mapping; the field must be a rule's target (objects and arrays
 * are built from their fields and are edited through them).
 */
import type { MappingDocument } from '../document/document-schema';
import { lineColumnAt, MapwrightError } from '../errors';
import type { CompiledMapping } from './compile-document';

/** The text computing `target`, or undefined when no rule maps it or the source map lacks it. */
export function fieldExpressionText(doc: Pick<MappingDocument, 'rules'>, compiled: CompiledMapping, target: string): string | undefined {
  if (!doc.rules.some((r) => r.target === target)) return undefined;
  const span = compiled.sourceMap[target];
  return span ? compiled.expression.slice(span.start, span.end) : undefined;
}

/**
 * The whole expression with `target`'s text replaced by `text`.
 * @throws MapwrightError `EDIT_INVALID` when the compiled mapping has no span for `target`
 */
export function withFieldExpression(compiled: CompiledMapping, target: string, text: string): string {
  const span = compiled.sourceMap[target];
  if (!span) throw new MapwrightError('EDIT_INVALID', `the compiled mapping has no expression for ${target}`, { expected: 'a target field that a rule maps' });
  return compiled.expression.slice(0, span.start) + text + compiled.expression.slice(span.end);
}

/** 0-based offset of a 1-based line and column in `text` (clamped to the text). */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}

/**
 * Moves a line and column in `whole` (the expression with the field's text
 * spliced in at `start`) into the field's own text of `length` characters;
 * a position outside the field lands on its first character.
 */
export function positionInField(whole: string, start: number, length: number, line: number, column: number): { line: number; column: number } {
  const offset = offsetOf(whole, line, column) - start;
  if (offset < 0 || offset > length) return { line: 1, column: 1 };
  return lineColumnAt(whole.slice(start, start + length), offset);
}
