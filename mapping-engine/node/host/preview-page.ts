/**
 * A page of a payload's records for the UI, with counts: the renderer gets a
 * slice, never the whole payload. Records are what a user would scroll
 * through: the items of a top-level array (JSON, JSON Lines, CSV rows), the
 * longest repeated element list of an XML document, or the whole value as
 * one record. Each record crosses as pretty JSON text cut at a size limit, so
 * one giant record cannot flood the UI either.
 *
 * It lives beside the engine host because the host builds pages where the
 * file is read; the studio backend re-exports it for its own callers.
 */
import type { JsonValue, ParsedPayload, PayloadFormat } from '../../payload/types';

/** Records per page when the caller names no size. */
export const DEFAULT_PAGE_SIZE = 20;
/** Characters of one record's text in a preview. */
export const RECORD_TEXT_LIMIT = 16_384;
/** Wrapper elements looked through to find an XML document's records (as the XML preview limit does). */
const MAX_WRAPPER_DEPTH = 4;

/** One record of a preview page, as bounded pretty JSON text. */
export interface PreviewRecord {
  /** 0-based index of the record in the payload. */
  index: number;
  text: string;
  /** True when `text` was cut at {@link RECORD_TEXT_LIMIT}. */
  truncated: boolean;
}

/** A page of records and the payload's counts (the studio contract's `PayloadPreview`). */
export interface PreviewPage {
  format: PayloadFormat;
  page: number;
  pageSize: number;
  records: PreviewRecord[];
  total: number;
  totalExact: boolean;
  truncated: boolean;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The longest list of repeated elements under an XML root, looking through single wrappers. */
function xmlRecords(value: JsonValue): JsonValue[] | undefined {
  let container: JsonValue | undefined = isObject(value) ? Object.values(value)[0] : undefined;
  for (let depth = 0; depth <= MAX_WRAPPER_DEPTH && isObject(container); depth++) {
    const lists = Object.values(container).filter((member): member is JsonValue[] => Array.isArray(member));
    if (lists.length > 0) return lists.reduce((a, b) => (b.length > a.length ? b : a));
    const elements = Object.keys(container).filter((key) => !key.startsWith('@') && key !== '#text');
    if (elements.length !== 1) return undefined;
    container = container[elements[0] ?? ''];
  }
  return undefined;
}

/** The records of a parsed payload (see the module comment). */
export function recordsOf(value: JsonValue, format: PayloadFormat): JsonValue[] {
  if (Array.isArray(value)) return value;
  if (format === 'xml') return xmlRecords(value) ?? [value];
  return [value];
}

/** Cuts text at `limit` characters without splitting a surrogate pair. */
export function cutText(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const code = text.charCodeAt(limit - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  return { text: text.slice(0, end), truncated: true };
}

/**
 * Page `page` of `parsed`'s records. `parsed` may already be cut by the
 * reader's preview limit; its `truncated` then carries the full count.
 */
export function previewPage(parsed: Pick<ParsedPayload, 'format' | 'value' | 'truncated'>, page: number, pageSize: number): PreviewPage {
  const records = recordsOf(parsed.value, parsed.format);
  const start = page * pageSize;
  const shown = records.slice(start, start + pageSize).map((record, i) => {
    const cut = cutText(JSON.stringify(record, null, 2) ?? 'null', RECORD_TEXT_LIMIT);
    return { index: start + i, text: cut.text, truncated: cut.truncated };
  });
  const total = parsed.truncated ? Math.max(parsed.truncated.approxTotal, records.length) : records.length;
  const totalExact = parsed.truncated ? parsed.truncated.exact : true;
  const more = start + shown.length < total || parsed.truncated !== undefined;
  return {
    format: parsed.format,
    page,
    pageSize,
    records: shown,
    total,
    totalExact,
    truncated: more || shown.some((r) => r.truncated),
  };
}
