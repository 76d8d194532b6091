/**
 * Records -> row objects: takes the header record, makes its names unique,
 * and turns every later record into an object keyed by header. A row with
 * fewer fields than the header simply lacks the trailing keys (missing, not
 * empty); the tokenizer rejects rows with more.
 */
import type { SchemaField } from '../schema/model';
import { positionalHeaders, uniqueHeaders } from './csv-headers';
import type { CsvRecord } from './csv-tokenizer';
import { CONVERTER_TYPES, columnConverters, type CellConverter } from './csv-typing';
import type { WarningSink } from './csv-warnings';
import type { JsonValue } from './types';

/** Options for {@link CsvRowBuilder}. */
export interface CsvRowBuilderOptions {
  /** The first record names the columns (default true). */
  header: boolean;
  schema?: SchemaField;
  warnings: WarningSink;
  /** Called once the header is known, with its field count (to reject longer rows). */
  onHeader?(fieldCount: number): void;
}

/** Sets `key` on `row`, safely even for `__proto__`. */
function setKey(row: Record<string, JsonValue>, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
  else row[key] = value;
}

/** Builds row objects from records; see the file comment. */
export class CsvRowBuilder {
  /** Unique keys, in column order. */
  headers: string[] = [];
  /** Header names as written in the file (empty without a header row). */
  originalHeaders: string[] = [];
  private converters: Array<CellConverter | undefined> = [];
  private headerSeen: boolean;

  constructor(private readonly options: CsvRowBuilderOptions) {
    this.headerSeen = !options.header;
  }

  /** The row for `record`, or undefined when it was the header. */
  accept(record: CsvRecord): Record<string, JsonValue> | undefined {
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.setHeader(record.fields, record.line);
      return undefined;
    }
    const { fields } = record;
    if (!this.options.header && fields.length > this.headers.length) this.growColumns(fields.length);
    const row: Record<string, JsonValue> = {};
    for (let i = 0; i < fields.length; i++) {
      const key = this.headers[i] as string;
      const text = fields[i] as string;
      const convert = this.converters[i];
      let value: JsonValue = text;
      if (convert && text !== '') {
        const converted = convert(text);
        if (converted === undefined) {
          this.options.warnings.add({
            code: 'CSV_TYPE_MISMATCH',
            message: `column "${key}": "${text}" is not a valid ${CONVERTER_TYPES.get(convert) ?? 'value'}; kept as text`,
            line: record.line,
          });
        } else value = converted;
      }
      setKey(row, key, value);
    }
    return row;
  }

  private setHeader(fields: string[], line: number): void {
    this.originalHeaders = fields;
    this.headers = uniqueHeaders(fields);
    const renamed = this.headers.filter((key, i) => key !== fields[i]);
    if (renamed.length > 0) {
      this.options.warnings.add({
        code: 'CSV_DUPLICATE_HEADER',
        message: `header names made unique: ${this.headers.map((key, i) => (key === fields[i] ? undefined : `"${fields[i]}" -> "${key}"`)).filter(Boolean).join(', ')}`,
        line,
      });
    }
    this.converters = columnConverters(this.options.schema, this.headers, fields);
    this.options.onHeader?.(fields.length);
  }

  private growColumns(count: number): void {
    const added = positionalHeaders(count, this.headers.length);
    this.headers = [...this.headers, ...added];
    this.converters = columnConverters(this.options.schema, this.headers, this.headers);
  }
}
