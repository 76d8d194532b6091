/**
 * Finds personal data inside longer text ("Call +49 30 1234567 or mail
 * jane@corp.de"), so free text can be redacted in place while the words
 * around it stay readable.
 */
import { scanNames } from './name-in-text';
import { isCardNumber, isEmail, isIban, isInternationalPhone, isIpv4 } from './value-formats';
import type { MaskCategory } from './types';

/** A personal value found inside text: `text.slice(start, end)` is the value. */
export interface TextSpan {
  start: number;
  end: number;
  category: MaskCategory;
}

/**
 * Candidate patterns; every one is bounded (fixed repetition counts) except
 * e-mail, which is found around each `@` by {@link emailMatches} instead: a
 * regex with an unbounded local part rescans the rest of the text from every
 * position, quadratic on a long word without an `@`.
 */
const CANDIDATES: ReadonlyArray<{ category: MaskCategory; find: (text: string) => Iterable<{ start: number; value: string }>; valid: (s: string) => boolean }> = [
  { category: 'email', find: emailMatches, valid: isEmail },
  { category: 'iban', find: regexMatches(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g), valid: isIban },
  { category: 'card', find: regexMatches(/\b\d(?:[ -]?\d){12,18}\b/g), valid: isCardNumber },
  { category: 'phone', find: regexMatches(/(?:\+|\b00)\d[\d ()/.-]{5,18}\d/g), valid: isInternationalPhone },
  { category: 'ipAddress', find: regexMatches(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g), valid: isIpv4 },
];

function regexMatches(pattern: RegExp): (text: string) => Iterable<{ start: number; value: string }> {
  return function* (text) {
    for (const match of text.matchAll(pattern)) yield { start: match.index, value: match[0] };
  };
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;

/**
 * What `/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g` matches, in
 * linear time: for each `@`, the run of local-part characters before it (never
 * reaching back past the previous match) and the domain after it.
 */
function* emailMatches(text: string): Iterable<{ start: number; value: string }> {
  let floor = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && LOCAL_CHAR.test(text[start - 1]!)) start--;
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (!domain) continue;
    const end = at + 1 + domain[0].length;
    yield { start, value: text.slice(start, end) };
    floor = end;
    at = end - 1;
  }
}

/** Spans sorted by start and not overlapping each other, with a logarithmic overlap test. */
class SpanSet {
  private sorted: TextSpan[] = [];

  get spans(): TextSpan[] {
    return this.sorted;
  }

  /** Whether [start, end) overlaps a span of the set. */
  overlaps(start: number, end: number): boolean {
    // The last span starting before `end` is the only one that can overlap (spans do not overlap each other).
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.sorted[lo - 1]!.end > start;
  }

  /** Merges `more` (sorted, not overlapping the set nor each other) into the set. */
  addAll(more: TextSpan[]): void {
    if (more.length === 0) return;
    const merged: TextSpan[] = [];
    let i = 0;
    for (const span of more) {
      while (i < this.sorted.length && this.sorted[i]!.start < span.start) merged.push(this.sorted[i++]!);
      merged.push(span);
    }
    while (i < this.sorted.length) merged.push(this.sorted[i++]!);
    this.sorted = merged;
  }
}

/** Whether the text before `start` ends in a URL (`https://user@host/`): the `://` lies after the last white space. */
class UrlTracker {
  private cursor = 0;
  private lastSpace = -1;
  private lastScheme = -1;

  constructor(private readonly text: string) {}

  /** Call with increasing `start`s; linear over the text in all. */
  inUrlBefore(start: number): boolean {
    for (; this.cursor < start; this.cursor++) {
      const ch = this.text[this.cursor]!;
      if (/\s/.test(ch)) this.lastSpace = this.cursor;
      else if (ch === ':' && this.text.startsWith('//', this.cursor + 1)) this.lastScheme = this.cursor;
    }
    // A `://` ending after `start` cannot be: `start` is an e-mail's first character, never `/`.
    return this.lastScheme > this.lastSpace;
  }
}

/** Options of {@link scanFreeText}. */
export interface FreeTextScanOptions {
  /** Also find people's names (only next to a person's fields, where a capitalised given name is likely a person). */
  names?: boolean;
}

/**
 * Non-overlapping spans of personal data in `text`, in order; earlier kinds win overlaps, names come last.
 * Linear in the length of `text` (values may be many megabytes).
 */
export function scanFreeText(text: string, options: FreeTextScanOptions = {}): TextSpan[] {
  const found = new SpanSet();
  for (const { category, find, valid } of CANDIDATES) {
    const urls = category === 'email' ? new UrlTracker(text) : undefined;
    const accepted: TextSpan[] = [];
    for (const match of find(text)) {
      const start = match.start;
      const end = start + match.value.length;
      if (!valid(match.value)) continue;
      // `git@github.com:owner/repo` and `https://user@host/` are addresses of services, not mailboxes.
      if (urls && (text[end] === ':' || text[end] === '/' || urls.inUrlBefore(start))) continue;
      if (found.overlaps(start, end)) continue;
      accepted.push({ start, end, category });
    }
    found.addAll(accepted);
  }
  if (options.names) found.addAll(scanNames(text).filter((span) => !found.overlaps(span.start, span.end)));
  return found.spans;
}
