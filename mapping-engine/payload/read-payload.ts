/**
 * One entry point for reading any payload the studio accepts; dispatches to
 * the format readers with the same options and conventions.
 */
import { codeStackOverflow } from '../errors';
import { readCsv, type CsvReadOptions } from './csv-read';
import { detectFormat } from './detect-format';
import { readJson } from './json-read';
import { readJsonLines } from './jsonl-read';
import type { ParsedPayload, PayloadFormat } from './types';
import { readXml } from './xml-read';

/** Options for {@link readPayload}: every reader's options plus an explicit format. */
export interface PayloadReadOptions extends CsvReadOptions {
  format?: PayloadFormat;
}

/**
 * Reads a payload of any supported format into a plain value.
 * @throws MapwrightError with a format-specific code (`JSON_PARSE`, `XML_PARSE`, `CSV_PARSE`, `ENCODING`...), `LIMIT_EXCEEDED` past the stack.
 */
export function readPayload(input: Uint8Array | string, options: PayloadReadOptions = {}): ParsedPayload {
  const format = detectFormat(options.file, input, options.format);
  try {
    switch (format) {
      case 'json':
        return readJson(input, options);
      case 'jsonl':
        return readJsonLines(input, options);
      case 'xml':
        return readXml(input, options);
      case 'csv':
        return readCsv(input, options);
    }
  } catch (error) {
    throw codeStackOverflow(error, options.file, 'the payload');
  }
}
