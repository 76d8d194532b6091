/**
 * Turns schema files (JSON Schema, OpenAPI in JSON or YAML) into plain
 * values, with coded errors that carry a line and column.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import { MapwrightError, isMapwrightError, isStackOverflow, lineColumnAt } from '../../errors';

import { decodeText } from '../../payload/decode';
import { parseJsonText as parsePayloadJson } from '../../payload/json-read';

/**
 * Most alias expansions a YAML file may make (the `yaml` package's `maxAliasCount`):
 * real OpenAPI files reuse anchors a few dozen times; a "billion laughs" file needs far more.
 */
export const YAML_MAX_ALIAS_COUNT = 1000;

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
 * @throws MapwrightError `YAML_PARSE` at the line and column of the first error (or of the first alias when aliases expand too much), `LIMIT_EXCEEDED` when nested past the parser stack.
 */
export function parseYamlText(text: string, file: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    // The library's own `uniqueKeys` compares each key with every earlier one (minutes for 50k schemas); see firstDuplicateKey.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (cause) {
    throw yamlFailure(cause, file);
  }
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? lineColumnAt(text, error.pos[0]);
    const line = 'line' in pos ? pos.line : 1;
    const column = 'col' in pos ? pos.col : pos.column;
    const message = error.message.split('\n')[0] ?? 'invalid YAML';
    // The parser catches its own stack overflow and reports it as a syntax error at the deepest point.
    if (/call stack/i.test(message)) throw new MapwrightError('LIMIT_EXCEEDED', 'YAML nests too deeply to read', { file, line, column, expected: 'fewer nested levels' });
    if (/multiple documents/i.test(message)) throw new MapwrightError('YAML_PARSE', 'a second YAML document starts here; a schema file holds one', { file, line, column, expected: 'one YAML document' });
    throw new MapwrightError('YAML_PARSE', message, {
      file,
      line,
      column,
      expected: 'well-formed YAML',
      cause: error,
    });
  }
  let duplicate: { key: string; offset: number } | undefined;
  try {
    duplicate = firstDuplicateKey(doc);
  } catch (cause) {
    throw yamlFailure(cause, file, text);
  }
  if (duplicate) {
    throw new MapwrightError('YAML_PARSE', `Map keys must be unique: "${duplicate.key.slice(0, 100)}" appears twice`, { file, ...lineColumnAt(text, duplicate.offset), expected: 'each key once per mapping' });
  }
  try {
    return doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT }) as unknown;
  } catch (cause) {
    throw yamlFailure(cause, file, text);
  }
}

/** The first key that repeats within one mapping (scalar keys, merge keys `<<` included), in one pass over each map. */
function firstDuplicateKey(doc: ReturnType<typeof parseDocument>): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key: unknown = pair.key.value;
        if (seen.has(key)) {
          found = { key: String(key), offset: pair.key.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** Where `*name` (an alias the library could not resolve) first appears in `text`. */
function aliasPosition(text: string, message: string): { line?: number; column?: number } {
  const name = /alias\b.*?:\s*(\S+)\s*$/i.exec(message)?.[1];
  const offset = name ? text.indexOf(`*${name}`) : -1;
  return offset < 0 ? {} : lineColumnAt(text, offset);
}

/** The coded error for something the YAML library threw: too deep (its parser recurses), or a bad document. */
function yamlFailure(cause: unknown, file: string, text?: string): MapwrightError {
  if (isMapwrightError(cause)) return cause;
  if (isStackOverflow(cause)) return new MapwrightError('LIMIT_EXCEEDED', 'YAML nests too deeply to read', { file, cause, expected: 'fewer nested levels' });
  if (cause instanceof Error && /alias count/i.test(cause.message)) {
    // Placed at the first alias: the library does not say which expansion went over the bound.
    const first = text === undefined ? -1 : text.search(/(?:^|[\s,[{:])\*[^\s,\]}]/);
    const at = first < 0 || text === undefined ? {} : lineColumnAt(text, first + (text[first] === '*' ? 0 : 1));
    return new MapwrightError('YAML_PARSE', `YAML aliases expand too much (more than ${YAML_MAX_ALIAS_COUNT} expansions)`, { file, cause, ...at, expected: 'fewer anchor reuses' });
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return new MapwrightError('YAML_PARSE', message, { file, cause, ...(text === undefined ? {} : aliasPosition(text, message)) });
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
