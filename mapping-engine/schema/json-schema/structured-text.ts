/**
 * Turns schema files (JSON Schema, OpenAPI in JSON or YAML) into plain
 * values, with coded errors that carry a line and column.
 */
import { parseDocument } from 'yaml';
import { MapwrightError, isMapwrightError, lineColumnAt } from '../../errors';
import { decodeText } from '../../payload/decode';
import { parseJsonText as parsePayloadJson } from '../../payload/json-read';

/** Decoded text of a schema file (BOM removed, UTF-16 sniffed). */
export function schemaText(input: Uint8Array | string, file: string): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return decodeText(input, { file }).text;
}

/**
 * Parses JSON text.
 * @throws MapwrightError `JSON_PARSE` at the line and column of the first syntax error.
 */
export function parseJsonText(text: string, file: string): unknown {
  return parsePayloadJson(text, file); // the payload reader's error positions do not depend on the Node version
}

/**
 * Parses YAML text (aliases are limited so a "billion laughs" file cannot exhaust memory).
 * @throws MapwrightError `YAML_PARSE` at the line and column of the first error.
 */
export function parseYamlText(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? lineColumnAt(text, error.pos[0]);
    const line = 'line' in pos ? pos.line : 1;
    const column = 'col' in pos ? pos.col : pos.column;
    throw new MapwrightError('YAML_PARSE', error.message.split('\n')[0] ?? 'invalid YAML', {
      file,
      line,
      column,
      expected: 'well-formed YAML',
      cause: error,
    });
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch (cause) {
    if (isMapwrightError(cause)) throw cause;
    throw new MapwrightError('YAML_PARSE', cause instanceof Error ? cause.message : String(cause), { file, cause });
  }
}

/** True when `file` names a YAML file by its extension. */
export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/**
 * Parses a schema file as JSON or YAML: YAML when the extension says so or
 * when the text does not start like JSON (`{` or `[`).
 */
export function parseSchemaText(text: string, file: string): unknown {
  const first = /\S/.exec(text)?.[0];
  if (!isYamlFile(file) && (first === '{' || first === '[' || first === undefined || /\.json$/i.test(file))) {
    return parseJsonText(text, file);
  }
  return parseYamlText(text, file);
}
