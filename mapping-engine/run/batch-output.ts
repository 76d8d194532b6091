/**
 * Incremental output of a batch run: the text before the first item, the
 * text of each chunk's items, and the text after the last, so the output is
 * written as chunks finish and never held whole. Concatenated, the pieces
 * are what `writePayload` gives for the merged output (for CSV, with the
 * columns in document order).
 */
import { MapwrightError } from '../errors';
import type { CsvMeta } from '../payload/csv-read';
import { writeCsv } from '../payload/csv-write';
import { writeJsonLines } from '../payload/json-write';
import type { JsonValue, PayloadFormat } from '../payload/types';
import { writeXml } from '../payload/xml-write';
import type { SchemaField } from '../schema/model';
import type { PerRecordPlan } from './batch-plan';

/** Pieces of a streamed output. */
export interface BatchOutputWriter {
  /** Text before the first item (a CSV header, a JSON opening). */
  start(): string;
  /** Text of the next items. */
  items(items: readonly JsonValue[]): string;
  /**
   * The text to write for `count` items that a writer made with the same
   * options wrote as its first (a batch worker writes each slice's items):
   * what joins them to the items before, then `text`.
   */
  joined(text: string, count: number): string;
  /** Text after the last item. */
  end(): string;
}

/** Options of {@link createBatchOutputWriter}. */
export interface BatchOutputOptions {
  /** The input's CSV details, kept when the target is CSV too (delimiter, line ending, BOM). */
  csvMeta?: CsvMeta;
  /** Target schema: XML namespaces and element order. */
  schema?: SchemaField;
}

const MARK = '\u0000mapwright-items\u0000';

/** JSON as `writeJson` writes it (two-space indentation), opened around the item array and closed after it. */
function jsonWriter(plan: PerRecordPlan): BatchOutputWriter {
  const skeleton = JSON.stringify(wrap(plan, [MARK]), null, 2);
  const markAt = skeleton.indexOf(JSON.stringify(MARK));
  const lineStart = skeleton.lastIndexOf('\n', markAt) + 1;
  const indent = skeleton.slice(lineStart, markAt);
  const open = skeleton.slice(0, lineStart - 1); // up to and with the "["
  const close = skeleton.slice(skeleton.indexOf('\n', markAt)); // the newline, then "]" and what closes around it
  let count = 0;
  return {
    start: () => open,
    items(items) {
      let out = '';
      for (const item of items) {
        const text = JSON.stringify(item, null, 2).replace(/\n/g, `\n${indent}`);
        out += `${count === 0 ? '\n' : ',\n'}${indent}${text}`;
        count++;
      }
      return out;
    },
    joined(text, added) {
      // A separate writer began its items with "\n" where a later item needs ",\n".
      const out = count > 0 && text !== '' ? `,${text}` : text;
      count += added;
      return out;
    },
    // An empty array is written `[]`, as JSON.stringify does.
    end: () => (count === 0 ? `${close.replace(/^\n\s*/, '')}\n` : `${close}\n`),
  };
}

/** Nests `items` at the plan's path. */
function wrap(plan: PerRecordPlan, items: JsonValue[]): JsonValue {
  let wrapped: JsonValue = items;
  for (const name of [...plan.arrayPath].reverse()) wrapped = { [name]: wrapped };
  return wrapped;
}

/**
 * XML as `writeXml` writes it: the declaration and the elements around the
 * items once, then each chunk's item elements. Each chunk is written as a
 * whole document and its items cut out, so the writer's rules (order,
 * escaping, attributes) apply unchanged; a chunk whose surroundings differ
 * from the first (a namespace declared only because an item uses it) cannot
 * be joined and fails with `USAGE` rather than giving a wrong document.
 */
function xmlWriter(plan: PerRecordPlan, schema: SchemaField | undefined): BatchOutputWriter {
  const MARKER = 'mapwright-batch-item';
  const skeleton = writeXml(wrap(plan, [MARKER]), { schema });
  const markAt = skeleton.indexOf(`>${MARKER}<`);
  const open = skeleton.slice(0, skeleton.lastIndexOf('\n', markAt) + 1);
  const close = skeleton.slice(skeleton.indexOf('\n', markAt) + 1);
  return {
    start: () => open,
    items(items) {
      if (items.length === 0) return '';
      const text = writeXml(wrap(plan, [...items]), { schema });
      if (!text.startsWith(open) || !text.endsWith(close)) {
        throw new MapwrightError('USAGE', 'this XML target cannot be written in batch mode: its root element changes with the items (namespace declarations)', {
          expected: 'run without --batch on a smaller input, or a CSV, JSON Lines or JSON target',
        });
      }
      return text.slice(open.length, text.length - close.length);
    },
    joined: (text) => text,
    end: () => close,
  };
}

function csvWriter(plan: PerRecordPlan, meta: CsvMeta | undefined): BatchOutputWriter {
  const options = { columns: plan.columns, ...(meta ? { meta } : {}) };
  const header = writeCsv([], options);
  return {
    start: () => header,
    // Each chunk is written with the same columns; its header (and BOM) is the one already written.
    items: (items) => (items.length === 0 ? '' : writeCsv(items as JsonValue, options).slice(header.length)),
    joined: (text) => text,
    end: () => '',
  };
}

/** A writer of `format` for a per-record plan (XML only with the items at least two levels down, see batch-plan.ts). */
export function createBatchOutputWriter(plan: PerRecordPlan, format: PayloadFormat, options: BatchOutputOptions = {}): BatchOutputWriter {
  switch (format) {
    case 'xml':
      return xmlWriter(plan, options.schema);
    case 'json':
      return jsonWriter(plan);
    case 'csv':
      return csvWriter(plan, options.csvMeta);
    case 'jsonl':
      return { start: () => '', items: (items) => writeJsonLines(items as JsonValue), joined: (text) => text, end: () => '' };
  }
}
