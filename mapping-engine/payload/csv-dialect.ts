/**
 * Guesses a CSV file's delimiter and comment prefix from its first lines.
 *
 * Each candidate delimiter (`,` `;` TAB `|`) is tried with the real tokenizer
 * in lenient mode, so quoted delimiters and newlines do not count. A good
 * delimiter splits the header and the rows into the same number (> 1) of
 * fields; rows with fewer fields (ragged tails) count half, rows with more
 * count nothing. papaparse's own guess only counts delimiters per line, which
 * picks `,` for semicolon files with decimal commas.
 */
import { CsvTokenizer } from './csv-tokenizer';

/** Delimiters tried, in order of preference when scores tie. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Prefixes recognised as comment lines when they lead the file (see {@link detectCsvDialect}). */
const COMMENT_PREFIXES = ['#', '~', '%', '//'];

/** Records examined per candidate. */
const SAMPLE_RECORDS = 60;

/** Characters of text examined (whole records within it). */
export const DIALECT_SAMPLE_CHARS = 64 * 1024;

/** What {@link detectCsvDialect} found. */
export interface CsvDialect {
  delimiter: string;
  /** Comment prefix in force (given, implied by the file name, or detected); undefined for none. */
  comments: string | undefined;
  /** True when the comment prefix was detected from the text rather than given. */
  commentsDetected: boolean;
}

/** Options for {@link detectCsvDialect}. */
export interface CsvDialectOptions {
  /** Fixed delimiter (skips detection). */
  delimiter?: string;
  quoteChar: string;
  /** A prefix, `false` for none, undefined to detect. */
  comments?: string | false;
}

/**
 * Field counts of the first records of `sample` split by `delimiter`; a
 * record where a quote sat inside an unquoted field counts as -1, because a
 * wrong delimiter is what usually puts quotes mid-field.
 */
function fieldCounts(sample: string, delimiter: string, quoteChar: string, comments: string | undefined): number[] {
  const counts: number[] = [];
  let quoteTrouble = false;
  const tokenizer = new CsvTokenizer(
    { delimiter, quoteChar, comments, lenient: true },
    {
      record: (record) => {
        counts.push(quoteTrouble ? -1 : record.fields.length);
        quoteTrouble = false;
        return counts.length < SAMPLE_RECORDS;
      },
      bareQuote: () => {
        quoteTrouble = true;
      },
    },
  );
  tokenizer.push(sample);
  tokenizer.end();
  return counts;
}

/** Share of records agreeing with `reference` fields (see the file comment). */
function agreement(counts: number[], reference: number): number {
  if (reference < 2) return 0;
  let score = 0;
  for (const count of counts) {
    if (count === reference) score += 1;
    else if (count > 1 && count < reference) score += 0.5;
  }
  return score / counts.length;
}

/** The most frequent count, larger on ties. */
function mode(counts: number[]): number {
  const tally = new Map<number, number>();
  let best = 0;
  let bestTally = 0;
  for (const count of counts) {
    const n = (tally.get(count) ?? 0) + 1;
    tally.set(count, n);
    if (n > bestTally || (n === bestTally && count > best)) {
      best = count;
      bestTally = n;
    }
  }
  return best;
}

/** How well `delimiter` explains the sample: 0 (absent) to 1 (every record alike). */
export function delimiterScore(sample: string, delimiter: string, quoteChar: string, comments?: string): number {
  const counts = fieldCounts(sample, delimiter, quoteChar, comments);
  if (counts.length === 0) return 0;
  // The header decides first; a preamble line (title, notes) is tolerated at a discount.
  return Math.max(agreement(counts, counts[0] ?? 0), 0.9 * agreement(counts, mode(counts)));
}

/**
 * The character that follows closing quotes, when it is always the same one:
 * a closing quote must be followed by the delimiter, so this finds unusual
 * delimiters such as `þ` (0xFE) in quoted exports.
 */
function delimiterAfterQuotes(sample: string, quoteChar: string): string | undefined {
  const seen = new Set<string>();
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample[i] as string;
    if (inQuotes) {
      if (ch !== quoteChar) continue;
      if (sample[i + 1] === quoteChar) {
        i++;
        continue;
      }
      inQuotes = false;
      const next = sample[i + 1];
      if (next !== undefined && next !== '\n' && next !== '\r') seen.add(next);
      continue;
    }
    if (ch === quoteChar && fieldStart) inQuotes = true;
    fieldStart = ch === '\n' || ch === '\r' || seen.has(ch);
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

function bestDelimiter(sample: string, quoteChar: string, comments: string | undefined): { delimiter: string; score: number } {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const score = delimiterScore(sample, delimiter, quoteChar, comments);
    if (score > best.score + 1e-9) best = { delimiter, score };
  }
  if (best.score > 0) return best;
  const unusual = delimiterAfterQuotes(sample, quoteChar);
  // Letters, digits and spaces after a quote mean a malformed field, not a delimiter.
  if (unusual && !/[\sA-Za-z0-9]/.test(unusual.replace('\t', ''))) {
    return { delimiter: unusual, score: delimiterScore(sample, unusual, quoteChar, comments) };
  }
  return best;
}

/** A comment prefix the first non-blank line starts with, if any. */
function leadingCommentPrefix(sample: string): string | undefined {
  const first = sample.split(/\r\n|\n|\r/).find((line) => line.trim() !== '');
  return first === undefined ? undefined : COMMENT_PREFIXES.find((prefix) => first.startsWith(prefix));
}

/**
 * Detects delimiter and comment prefix from the start of a file.
 *
 * Comment lines are not assumed (a header may start with `#`). When
 * `comments` is undefined and the first line starts with `#`, `~`, `%` or
 * `//`, the sample is scored with and without that prefix; the prefix is
 * used only when treating such lines as comments makes the table strictly
 * more regular (e.g. `~ Version 1.0` above six-column rows).
 */
export function detectCsvDialect(sample: string, options: CsvDialectOptions): CsvDialect {
  const given = options.comments === false || options.comments === '' ? undefined : options.comments;
  const detect = options.comments === undefined;
  const prefix = detect ? leadingCommentPrefix(sample) : undefined;
  if (options.delimiter !== undefined) {
    if (!prefix) return { delimiter: options.delimiter, comments: given, commentsDetected: false };
    const plain = delimiterScore(sample, options.delimiter, options.quoteChar);
    const commented = delimiterScore(sample, options.delimiter, options.quoteChar, prefix);
    const use = commented > plain + 1e-9;
    return { delimiter: options.delimiter, comments: use ? prefix : undefined, commentsDetected: use };
  }
  const plain = bestDelimiter(sample, options.quoteChar, given);
  if (!prefix) return { delimiter: plain.delimiter, comments: given, commentsDetected: false };
  const commented = bestDelimiter(sample, options.quoteChar, prefix);
  if (commented.score > plain.score + 1e-9) return { delimiter: commented.delimiter, comments: prefix, commentsDetected: true };
  return { delimiter: plain.delimiter, comments: undefined, commentsDetected: false };
}
