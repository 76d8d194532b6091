/**
 * Names the records in a run error where the input has them. The compiled
 * expression names an element by its place in its source array
 * (`record 3`, `lines item 3`, see compiler/record-label.ts), which is all
 * plain jsonata can know; a host that read the input knows its format, so
 * it writes the place a user looks for: the line a CSV row starts on
 * (`line 4`; payload/row-lines.ts, a quoted field spanning lines, blank and
 * comment lines counted) or a JSON Lines record is on (blank lines
 * counted), the JSON array index (`order.line_items[2]`,
 * `[2]` for a list input) or the XML element path (`Items/Item[3]`,
 * 1-based as XPath counts). Nested arrays keep their chain, each relative
 * to the element around it (`orders[1]: number "PO-2", lines[0]`).
 */
import { positionLabel } from '../compiler/record-label';
import type { ArrayContext, MappingDocument } from '../document/document-schema';
import { isRowLines, lineOfRow, type RowLines } from '../payload/row-lines';
import type { ParsedPayload, PayloadFormat } from '../payload/types';
import type { RunErrorData } from './run-types';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How one array's elements are named in the input: the words before the number in the expression's label, and the place for a 1-based position. */
interface Naming {
  words: string;
  place: (position: number) => string;
}

/** A source path as a user reads it: no backticks (`Zahlungs-Nr`). */
function plainName(path: string): string {
  return path.replace(/`/g, '');
}

function namingOf(ctx: ArrayContext, format: PayloadFormat, lines: RowLines | undefined): Naming | undefined {
  // A group's members are named as records of the input (`record 3`).
  const words = positionLabel(ctx.groupBy !== undefined ? '.' : ctx.target, 0).slice(0, -1);
  if (ctx.source === '.') {
    // A CSV row and a JSON Lines record are named by the line they are on.
    if (format === 'csv' || format === 'jsonl') return lines ? { words, place: (n) => `line ${lineOfRow(lines, n - 1)}` } : undefined;
    return format === 'json' ? { words, place: (n) => `[${n - 1}]` } : undefined;
  }
  // Members of a group are named by the group's source; variables and paths out of the element are not places in the input.
  if (ctx.groupBy !== undefined || ctx.source.startsWith('$') || ctx.source.startsWith('../') || ctx.source.startsWith('/')) return undefined;
  const path = plainName(ctx.source);
  if (format === 'json' || format === 'jsonl') return { words, place: (n) => `${path}[${n - 1}]` };
  if (format === 'xml') return { words, place: (n) => `${path.replace(/\./g, '/')}[${n}]` };
  return undefined;
}

/** `message` with each element label of `doc`'s arrays replaced by its place in an input of `format`. */
export function withInputPlaces(message: string, doc: Pick<MappingDocument, 'arrays'>, format: PayloadFormat, lines?: RowLines): string {
  let out = message;
  for (const ctx of doc.arrays) {
    const naming = namingOf(ctx, format, lines);
    if (!naming) continue;
    const pattern = new RegExp(`(\\(|, )${escapeRegExp(naming.words)}(\\d+)(?=[),:])`, 'g');
    out = out.replace(pattern, (_match, start: string, position: string) => `${start}${naming.place(Number(position))}`);
  }
  return out;
}

/** `error` with its records named where `input` has them (see the module comment); else `error`. */
export function withRecordPlaces(error: RunErrorData, doc: Pick<MappingDocument, 'arrays'>, input: Pick<ParsedPayload, 'format' | 'meta'>): RunErrorData {
  const rowLines = input.format === 'csv' || input.format === 'jsonl' ? (input.meta as { rowLines?: unknown } | undefined)?.rowLines : undefined;
  const message = withInputPlaces(error.message, doc, input.format, isRowLines(rowLines) ? rowLines : undefined);
  return message === error.message ? error : { ...error, message };
}
