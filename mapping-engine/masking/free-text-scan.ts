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

const CANDIDATES: ReadonlyArray<{ category: MaskCategory; pattern: RegExp; valid: (s: string) => boolean }> = [
  { category: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, valid: isEmail },
  { category: 'iban', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g, valid: isIban },
  { category: 'card', pattern: /\b\d(?:[ -]?\d){12,18}\b/g, valid: isCardNumber },
  { category: 'phone', pattern: /(?:\+|\b00)\d[\d ()/.-]{5,18}\d/g, valid: isInternationalPhone },
  { category: 'ipAddress', pattern: /\b\d{1,3}(?:\.\d{1,3}){3}\b/g, valid: isIpv4 },
];

/** Options of {@link scanFreeText}. */
export interface FreeTextScanOptions {
  /** Also find people's names (only next to a person's fields, where a capitalised given name is likely a person). */
  names?: boolean;
}

/** Non-overlapping spans of personal data in `text`, in order; earlier kinds win overlaps, names come last. */
export function scanFreeText(text: string, options: FreeTextScanOptions = {}): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const { category, pattern, valid } of CANDIDATES) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!valid(match[0])) continue;
      // `git@github.com:owner/repo` and `https://user@host/` are addresses of services, not mailboxes.
      if (category === 'email' && (/^[:/]/.test(text.slice(end)) || /:\/\/\S*$/.test(text.slice(0, start)))) continue;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      spans.push({ start, end, category });
    }
  }
  if (options.names) {
    for (const span of scanNames(text)) if (!spans.some((s) => span.start < s.end && span.end > s.start)) spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}
