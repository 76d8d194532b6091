/**
 * One entry point for serialising a value in any supported format, reusing
 * the format details (`meta`) a reader recorded so that a payload read and
 * written back keeps its delimiter, line endings and namespaces.
 */
import type { SchemaField } from '../schema/model';
import type { CsvMeta } from './csv-read';
import { writeCsv } from './csv-write';
import { writeJson, writeJsonLines } from './json-write';
import type { JsonValue, PayloadFormat } from './types';
import type { XmlMeta } from './xml-read';
import { writeXml } from './xml-write';

/** Options for {@link writePayload}. */
export interface PayloadWriteOptions {
  /** Format details from the reader of the same format (ignored when formats differ). */
  meta?: unknown;
  /** Format the meta came from. */
  metaFormat?: PayloadFormat;
  /** Target schema: XML namespaces and element order. */
  schema?: SchemaField;
}

/** Serialises `value` as `format`. */
export function writePayload(value: JsonValue, format: PayloadFormat, options: PayloadWriteOptions = {}): string {
  const sameFormat = options.metaFormat === format;
  switch (format) {
    case 'json':
      return writeJson(value);
    case 'jsonl':
      return writeJsonLines(value);
    case 'xml':
      return writeXml(value, { meta: sameFormat ? (options.meta as XmlMeta) : undefined, schema: options.schema });
    case 'csv':
      return writeCsv(value, { meta: sameFormat ? (options.meta as CsvMeta) : undefined });
  }
}
