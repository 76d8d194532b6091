/**
 * Incremental CSV tokenizer: text pieces in, records out, with the physical
 * line (embedded newlines counted) and column of every problem.
 *
 * Why not papaparse's parser: it splits records on ONE line-ending kind per
 * parse (a file mixing CRLF, LF and CR loses rows), reports problems by data
 * row rather than file line/column, silently drops spaces after a closing
 * quote, and its chunked mode is tied to Node streams and File objects. This
 * state machine keeps its state between pieces, so chunk boundaries may fall
 * anywhere: inside a quoted field, between `\r` and `\n`, or in a comment
 * prefix.
 */
import { MapwrightError } from '../errors';

/** Dialect and limits of one tokenizer run. */
export interface CsvTokenizerOptions {
  /** One character. */
  delimiter: string;
  /** One character. */
  quoteChar: string;
  /** Lines starting with this prefix (at the start of a record) are skipped. */
  comments?: string;
  /** A quote inside an unquoted field is an error rather than a literal character. */
  strictQuotes?: boolean;
  /**
   * Detection mode: never throw; malformed quotes are read as text and an
   * unterminated quoted field at the end is dropped.
   */
  lenient?: boolean;
  file?: string;
}

/** A record as it came out of the text. */
export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

/** What the tokenizer reports. */
export interface CsvTokenizerEvents {
  /** Called per record (blank lines excluded); return `false` to stop tokenizing. */
  record(record: CsvRecord): boolean | void;
  /** A quote inside an unquoted field, kept as a literal character. */
  bareQuote?(line: number, column: number): void;
  /** A comment line was skipped. */
  comment?(line: number): void;
}

const enum State {
  /** At the start of a record (comment lines are recognised here). */
  RecordStart,
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a quote inside a quoted field: a doubled quote or the end of the field follows. */
  QuoteInQuoted,
  Comment,
}

/** A resumable CSV state machine; see the file comment. */
export class CsvTokenizer {
  /** First record terminator seen outside quotes; undefined while none was seen. */
  lineEnding: '\n' | '\r\n' | '\r' | undefined;
  /** A record with more fields than this is an error (set once the header is known). */
  maxFields = Number.POSITIVE_INFINITY;
  /** Characters consumed so far (for progress estimates). */
  consumed = 0;
  /** Set by {@link end}: a comment prefix cut by the end of input is ordinary text. */
  private commentsOff = false;
  private state = State.RecordStart;
  private fields: string[] = [];
  private field = '';
  private quotedRecord = false;
  private line = 1;
  private column = 1;
  private recordLine = 1;
  /** Where the open quoted field started (for "never closed"). */
  private openLine = 1;
  private openColumn = 1;
  /** Where the last quote inside a quoted field was (for "must be doubled"). */
  private quoteLine = 1;
  private quoteColumn = 1;
  /** A `\r` just ended a line: a `\n` right after it belongs to the same line break. */
  private pendingCr = false;
  /** The last character read inside a quoted field was `\r` (for line counting across pieces). */
  private quotedCr = false;
  /** Start of a possible comment prefix cut by the end of a piece. */
  private carry = '';
  private stopped = false;

  constructor(
    private readonly options: CsvTokenizerOptions,
    private readonly events: CsvTokenizerEvents,
  ) {}

  /** True once a `record` callback asked to stop. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Feeds the next piece of text. */
  push(piece: string): void {
    if (this.stopped) return;
    const text = this.carry + piece;
    this.carry = '';
    const start = this.consumed;
    const i = this.run(text);
    this.consumed = start + i;
  }

  /** Tokenizes `text`; returns the index where it stopped (text length unless stopped or carrying). */
  private run(text: string): number {
    const { delimiter, quoteChar } = this.options;
    const comments = this.commentsOff ? undefined : this.options.comments;
    let i = 0;
    while (i < text.length && !this.stopped) {
      const ch = text[i] as string;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch === '\n') {
          this.lineEnding ??= '\r\n';
          i++;
          continue;
        }
        this.lineEnding ??= '\r';
      }
      switch (this.state) {
        case State.RecordStart:
          if (comments && ch === comments[0]) {
            const head = text.slice(i, i + comments.length);
            if (head.length < comments.length && comments.startsWith(head)) {
              this.carry = text.slice(i);
              return i;
            }
            if (head === comments) {
              this.events.comment?.(this.line);
              this.state = State.Comment;
              continue;
            }
          }
          this.recordLine = this.line;
          this.state = State.FieldStart;
          continue;
        case State.Comment:
          if (ch === '\n' || ch === '\r') this.lineBreak(ch);
          else this.column++;
          i++;
          continue;
        case State.FieldStart:
          if (ch === quoteChar) {
            this.openLine = this.line;
            this.openColumn = this.column;
            this.quotedRecord = true;
            this.quotedCr = false;
            this.state = State.Quoted;
            this.column++;
            i++;
            continue;
          }
          this.state = State.Unquoted;
          continue;
        case State.Unquoted: {
          let j = i;
          while (j < text.length) {
            const c = text[j];
            if (c === delimiter || c === '\n' || c === '\r' || c === quoteChar) break;
            j++;
          }
          this.field += text.slice(i, j);
          this.column += j - i;
          i = j;
          if (i >= text.length) continue;
          const stop = text[i] as string;
          if (stop === quoteChar) {
            this.bareQuote();
            this.field += stop;
            this.column++;
          } else if (stop === delimiter) this.endField();
          else this.endRecord(stop);
          i++;
          continue;
        }
        case State.Quoted: {
          let j = i;
          let cr = this.quotedCr;
          while (j < text.length) {
            const c = text[j];
            if (c === quoteChar) break;
            if (c === '\n' || c === '\r') {
              if (c === '\r' || !cr) this.line++;
              this.column = 1;
            } else this.column++;
            cr = c === '\r';
            j++;
          }
          this.quotedCr = cr;
          this.field += text.slice(i, j);
          if (j < text.length) {
            this.quoteLine = this.line;
            this.quoteColumn = this.column;
            this.state = State.QuoteInQuoted;
            this.column++;
            j++;
          }
          i = j;
          continue;
        }
        case State.QuoteInQuoted:
          if (ch === quoteChar) {
            this.field += ch;
            this.state = State.Quoted;
            this.column++;
          } else if (ch === delimiter) this.endField();
          else if (ch === '\n' || ch === '\r') this.endRecord(ch);
          else if (this.options.lenient) {
            this.field += quoteChar;
            this.state = State.Quoted;
            continue;
          } else {
            throw this.error(this.quoteLine, this.quoteColumn, 'a quote inside a quoted field must be doubled ("")', `'${quoteChar}${quoteChar}' inside a quoted field, or '${printable(delimiter)}' or the end of the line after its closing quote`);
          }
          i++;
          continue;
      }
    }
    return i;
  }

  /** Ends the input: flushes the last record or reports an unclosed quote. */
  end(): void {
    if (this.stopped) return;
    if (this.carry) {
      // A comment prefix cut short by the end of input is ordinary text.
      const rest = this.carry;
      this.carry = '';
      this.commentsOff = true;
      this.push(rest);
    }
    if (this.pendingCr) this.lineEnding ??= '\r';
    if (this.state === State.Quoted) {
      if (this.options.lenient) return;
      throw this.error(this.openLine, this.openColumn, 'quoted field is never closed', `a closing ${this.options.quoteChar} for the quote opened here`);
    }
    if (this.state !== State.RecordStart && this.state !== State.Comment) this.emit();
    this.state = State.RecordStart;
  }

  private bareQuote(): void {
    if (this.options.strictQuotes && !this.options.lenient) {
      const q = this.options.quoteChar;
      throw this.error(this.line, this.column, `quote inside an unquoted field`, `a field containing ${q} to be enclosed in ${q} with the inner ${q} doubled`);
    }
    this.events.bareQuote?.(this.line, this.column);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    this.column++;
    if (this.fields.length >= this.maxFields && !this.options.lenient) {
      throw this.error(this.line, this.column, `the record has more fields than the header (${this.maxFields})`, `at most ${this.maxFields} fields, as many as the header has`);
    }
  }

  private endRecord(ch: string): void {
    this.emit();
    this.lineBreak(ch);
  }

  /** Moves to the next line after a record or comment ended with `ch`. */
  private lineBreak(ch: string): void {
    this.state = State.RecordStart;
    this.line++;
    this.column = 1;
    this.pendingCr = ch === '\r';
    if (ch === '\n') this.lineEnding ??= '\n';
  }

  private emit(): void {
    this.fields.push(this.field);
    const fields = this.fields;
    const blank = fields.length === 1 && fields[0] === '' && !this.quotedRecord;
    this.fields = [];
    this.field = '';
    this.quotedRecord = false;
    if (!blank && this.events.record({ fields, line: this.recordLine }) === false) this.stopped = true;
  }

  private error(line: number, column: number, message: string, expected: string): MapwrightError {
    return new MapwrightError('CSV_PARSE', message, { file: this.options.file, line, column, expected });
  }
}

/** Names invisible delimiters in messages. */
export function printable(delimiter: string): string {
  return delimiter === '\t' ? 'TAB' : delimiter;
}
