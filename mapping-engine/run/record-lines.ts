/**
 * Names the records of a CSV input by their line in the file. The compiled
 * expression names an input record by its place among the rows (`record 3`,
 * `Invoice.InvoiceLine item 3`, see compiler/record-label.ts), which is all
 * plain jsonata can know; a host that read the file knows where each row
 * starts (payload/row-lines.ts), so it writes the line a user finds it on
 * in an editor instead (`line 4`), a quoted field spanning lines, blank and
 * comment lines included.
 */
import { positionLabel } from '../compiler/record-label';
import type { MappingDocument } from '../document/document-schema';
import { isRowLines, lineOfRow, type RowLines } from '../payload/row-lines';
import type { ParsedPayload } from '../payload/types';
import type { RunErrorData } from './run-types';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words before the number in the labels of the input's records (`record `, `Invoice.InvoiceLine item `). */
function inputRecordWords(doc: Pick<MappingDocument, 'arrays'>): string[] {
  const words = new Set<string>();
  for (const ctx of doc.arrays) {
    if (ctx.source !== '.') continue;
    // A group's members are named as records of the input (`record 3`); other arrays over the rows by their target.
    words.add(positionLabel(ctx.groupBy !== undefined ? '.' : ctx.target, 0).slice(0, -1));
  }
  return [...words];
}

/** `message` with each label of an input record replaced by its line (`record 3` -> `line 4`). */
export function withLines(message: string, doc: Pick<MappingDocument, 'arrays'>, lines: RowLines): string {
  let out = message;
  for (const words of inputRecordWords(doc)) {
    const pattern = new RegExp(`(\\(|, )${escapeRegExp(words)}(\\d+)(?=[),:])`, 'g');
    out = out.replace(pattern, (_match, start: string, position: string) => `${start}line ${lineOfRow(lines, Number(position) - 1)}`);
  }
  return out;
}

/** `error` with its input records named by their line when `input` is a CSV file whose row lines are known; else `error`. */
export function withRecordLines(error: RunErrorData, doc: Pick<MappingDocument, 'arrays'>, input: Pick<ParsedPayload, 'format' | 'meta'>): RunErrorData {
  const lines = input.format === 'csv' ? (input.meta as { rowLines?: unknown } | undefined)?.rowLines : undefined;
  if (!isRowLines(lines)) return error;
  const message = withLines(error.message, doc, lines);
  return message === error.message ? error : { ...error, message };
}
