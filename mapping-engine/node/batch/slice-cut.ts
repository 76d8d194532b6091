/**
 * Where a block of an input file's bytes may be cut so that each piece holds
 * whole records: after a line feed, and for CSV only after one outside a
 * quoted field. Works on bytes, before decoding: in UTF-8 and windows-1252 a
 * line feed, a quote or an ASCII delimiter byte is never part of another
 * character. It hops from one line feed or quote to the next with the
 * native `indexOf`, so the main thread does not walk the file byte by byte.
 *
 * The CSV rule mirrors the reader's tokenizer (payload/csv-tokenizer.ts): a
 * quote opens a quoted field only at the start of a field (after a
 * delimiter, a line break or the start of a record); elsewhere it is a
 * literal character. A doubled quote inside a quoted field stays inside.
 * Files the tokenizer rejects may be cut wrongly after the first error, but
 * the slice holding the error is read first and stops the run.
 */

/** Where to cut a block: `cut` bytes hold `records` whole records (0 when no record ends in the block). */
export interface Cut {
  cut: number;
  records: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Cuts after at most `maxRecords` lines of `bytes[start, end)`; JSON Lines has no line feed inside a value. */
export function cutLines(bytes: Buffer, start: number, end: number, maxRecords: number): Cut {
  let records = 0;
  let cut = 0;
  for (let lf = bytes.indexOf(LF, start); lf >= 0 && lf < end && records < maxRecords; lf = bytes.indexOf(LF, lf + 1)) {
    records++;
    cut = lf + 1;
  }
  return { cut, records };
}

/** CSV bytes of one dialect: the quote and delimiter bytes (ASCII). */
export interface CsvCutDialect {
  quote: number;
  delimiter: number;
}

/**
 * Cuts after at most `maxRecords` CSV records of `bytes[start, end)`, where
 * `start` is the start of a record. A record still open at `end` (inside
 * quotes) is left for the next block.
 */
export function cutCsv(bytes: Buffer, start: number, end: number, maxRecords: number, dialect: CsvCutDialect): Cut {
  const { quote, delimiter } = dialect;
  let records = 0;
  let cut = 0;
  let pos = start;
  let nextQuote = bytes.indexOf(quote, start);
  while (records < maxRecords) {
    const lf = bytes.indexOf(LF, pos);
    if (lf < 0 || lf >= end) break;
    if (nextQuote >= 0 && nextQuote < lf) {
      const q = nextQuote;
      const before = bytes[q - 1];
      if (q === start || before === delimiter || before === LF || before === CR) {
        // A quoted field: find its closing quote, stepping over doubled ones.
        let p = q + 1;
        for (;;) {
          const close = bytes.indexOf(quote, p);
          // Not closed in this block, or the quote is its last byte (it may be doubled by the next): cut before this record.
          if (close < 0 || close + 1 >= end) return { cut, records };
          if (bytes[close + 1] === quote) {
            p = close + 2;
            continue;
          }
          pos = close + 1;
          break;
        }
      } else {
        pos = q + 1;
      }
      nextQuote = bytes.indexOf(quote, pos);
      continue;
    }
    records++;
    cut = lf + 1;
    pos = cut;
  }
  return { cut, records };
}
