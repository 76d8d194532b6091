/**
 * One CSV read, whole-file or streamed: detects the dialect from a sample,
 * then runs tokenizer -> row builder over the text pieces it is given and
 * collects rows until they are taken. Shared by `readCsv` and `streamCsv` so
 * both give identical rows, errors and warnings.
 */
import { MapwrightError } from '../errors';
import { DIALECT_SAMPLE_CHARS, detectCsvDialect, type CsvDialect } from './csv-dialect';
import { CsvRowBuilder } from './csv-rows';
import { CsvTokenizer, printable } from './csv-tokenizer';
import { WarningSink } from './csv-warnings';
import type { CsvReadOptions } from './csv-read';
import type { JsonValue, ParseWarning } from './types';
import { RowLinesRecorder } from './row-lines';

/** Cuts `text` to a detection sample that ends at a line break. */
export function dialectSample(text: string): string {
  if (text.length <= DIALECT_SAMPLE_CHARS) return text;
  const cut = text.slice(0, DIALECT_SAMPLE_CHARS);
  const lastBreak = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('\r'));
  return lastBreak > 0 ? cut.slice(0, lastBreak + 1) : cut;
}

function checkChar(value: string, what: string, file: string | undefined): void {
  if (value.length !== 1 || value === '\n' || value === '\r') {
    throw new MapwrightError('USAGE', `the CSV ${what} must be a single character other than a line break (got ${JSON.stringify(value)})`, {
      file,
      expected: `one character such as , ; TAB or |`,
    });
  }
}

/** See the file comment. */
export class CsvSession {
  readonly dialect: CsvDialect;
  readonly quoteChar: string;
  readonly warnings = new WarningSink();
  /** True when a row beyond `previewLimit` was seen (more rows exist). */
  more = false;
  private readonly tokenizer: CsvTokenizer;
  private readonly builder: CsvRowBuilder;
  private rows: Array<Record<string, JsonValue>> = [];
  private total = 0;
  /** Where each row starts, for errors naming a record by its line. */
  readonly rowLines = new RowLinesRecorder();
  private commentLines = 0;

  constructor(sample: string, options: CsvReadOptions) {
    const { file } = options;
    const tab = file?.toLowerCase().endsWith('.tab') ?? false;
    this.quoteChar = options.quoteChar ?? '"';
    checkChar(this.quoteChar, 'quote character', file);
    if (options.delimiter !== undefined) {
      checkChar(options.delimiter, 'delimiter', file);
      if (options.delimiter === this.quoteChar) throw new MapwrightError('USAGE', 'the CSV delimiter and quote character must differ', { file });
    }
    // IANA-style .tab files keep their column names in '#' comments and have no header row.
    const comments = options.comments ?? (tab ? '#' : undefined);
    this.dialect = detectCsvDialect(sample, { delimiter: options.delimiter, quoteChar: this.quoteChar, comments });
    const limit = options.previewLimit ?? Number.POSITIVE_INFINITY;
    this.builder = new CsvRowBuilder({
      header: options.header ?? !tab,
      schema: options.schema,
      warnings: this.warnings,
      onHeader: (count) => {
        this.tokenizer.maxFields = count;
      },
    });
    this.tokenizer = new CsvTokenizer(
      { delimiter: this.dialect.delimiter, quoteChar: this.quoteChar, comments: this.dialect.comments, strictQuotes: options.strictQuotes, file },
      {
        record: (record) => {
          const row = this.builder.accept(record);
          if (!row) return true;
          if (this.total >= limit) {
            this.more = true;
            return false;
          }
          this.rows.push(row);
          this.rowLines.note(this.total, record.line);
          this.total++;
          return true;
        },
        bareQuote: (line, column) =>
          this.warnings.add({ code: 'CSV_BARE_QUOTE', message: `a ${this.quoteChar} inside an unquoted field was read as a literal character`, line, column }),
        comment: () => {
          this.commentLines++;
        },
      },
    );
    if (options.comments === undefined && this.dialect.comments) this.announceComments(tab);
  }

  /** Feeds decoded text. */
  push(text: string): void {
    this.tokenizer.push(text);
  }

  /** Ends the input (flushes the last row, reports an unclosed quote). */
  end(): void {
    this.tokenizer.end();
  }

  /** True once the preview limit stopped the read. */
  get stopped(): boolean {
    return this.tokenizer.isStopped;
  }

  /** Characters read so far. */
  get consumed(): number {
    return this.tokenizer.consumed;
  }

  /** Up to `max` of the rows buffered since the last call, oldest first. */
  takeRows(max = Number.POSITIVE_INFINITY): Array<Record<string, JsonValue>> {
    const rows = this.rows;
    if (rows.length <= max) {
      this.rows = [];
      return rows;
    }
    this.rows = rows.slice(max);
    return rows.slice(0, max);
  }

  /** Rows produced so far (taken or not). */
  get rowCount(): number {
    return this.total;
  }

  /** Buffered rows not yet taken. */
  get pending(): number {
    return this.rows.length;
  }

  /** First line ending seen, `\n` when the text had none. */
  get lineEnding(): '\n' | '\r\n' | '\r' {
    return this.tokenizer.lineEnding ?? '\n';
  }

  get headers(): string[] {
    return this.builder.headers;
  }

  get originalHeaders(): string[] {
    return this.builder.originalHeaders;
  }

  /** Warnings, including how many comment lines were skipped. */
  finishWarnings(): ParseWarning[] {
    if (this.commentLines > 0 && this.dialect.comments) {
      this.warnings.add({ code: 'CSV_COMMENT_LINES', message: `${this.commentLines} comment line(s) starting with '${this.dialect.comments}' were skipped` });
    }
    return this.warnings.finish();
  }

  private announceComments(tab: boolean): void {
    const why = tab ? 'the file is a .tab file' : 'the first line starts with it and the table is regular without such lines';
    this.warnings.add({
      code: 'CSV_COMMENTS_DETECTED',
      message: `lines starting with '${printable(this.dialect.comments ?? '')}' are read as comments (${why}); pass comments: false to read them as data`,
    });
  }
}
