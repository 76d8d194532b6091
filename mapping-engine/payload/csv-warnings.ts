/**
 * Collects reader warnings with a cap per code: a million-row file with a
 * quirk on every row must not produce a million warnings, but the user must
 * still learn how many there were.
 */
import type { ParseWarning } from './types';

/** Warnings kept per code before they are only counted. */
export const WARNINGS_PER_CODE = 20;

/** Codes of the non-fatal observations the CSV reader makes. */
export type CsvWarningCode = 'CSV_BARE_QUOTE' | 'CSV_TYPE_MISMATCH' | 'CSV_COMMENTS_DETECTED' | 'CSV_DUPLICATE_HEADER' | 'CSV_COMMENT_LINES';

/** A capped list of warnings. */
export class WarningSink {
  private readonly counts = new Map<string, number>();
  private readonly list: ParseWarning[] = [];

  /** Records a warning (kept only while under the cap for its code). */
  add(warning: ParseWarning & { code: CsvWarningCode }): void {
    const count = (this.counts.get(warning.code) ?? 0) + 1;
    this.counts.set(warning.code, count);
    if (count <= WARNINGS_PER_CODE) this.list.push(warning);
  }

  /** The kept warnings plus one summary per code that went over the cap. */
  finish(): ParseWarning[] {
    const out = [...this.list];
    for (const [code, count] of this.counts) {
      if (count > WARNINGS_PER_CODE) out.push({ code, message: `${count - WARNINGS_PER_CODE} more ${code} warnings not listed (${count} in all)` });
    }
    return out;
  }
}
