/**
 * DOCTYPE handling for schema files. Some published schemas (the W3C
 * xmldsig schema that UBL imports) still carry a DTD internal subset with
 * parameter entities, which fast-xml-parser rejects. A schema processor needs
 * none of it except general entities, so the DOCTYPE is blanked out (same
 * length, newlines kept, so offsets and line numbers do not move) and its
 * simple general entities are returned for the parser.
 */

/** Result of {@link stripDoctype}. */
export interface StrippedDoctype {
  text: string;
  /** General entities declared with a literal value (`<!ENTITY dsig 'http://...'>`). */
  entities: Record<string, string>;
}

/** Index just past the DOCTYPE starting at `start`, honouring quotes, comments and the `[...]` subset; -1 if unterminated. */
function doctypeEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start + 2; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 2;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '>' && depth <= 0) return i + 1;
  }
  return -1;
}

const ENTITY = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;

/** Blanks the DOCTYPE of `text` (if any) and collects its literal general entities. */
export function stripDoctype(text: string): StrippedDoctype {
  const start = text.search(/<!DOCTYPE\b/);
  if (start < 0) return { text, entities: {} };
  // Only a DOCTYPE before the root element counts; anything later is left for the parser to reject.
  const firstElement = text.search(/<[A-Za-z_]/);
  if (firstElement >= 0 && firstElement < start) return { text, entities: {} };
  const end = doctypeEnd(text, start);
  if (end < 0) return { text, entities: {} };
  const declaration = text.slice(start, end);
  const entities: Record<string, string> = {};
  for (const match of declaration.matchAll(ENTITY)) {
    const name = match[1];
    if (name !== undefined) entities[name] = match[2] ?? match[3] ?? '';
  }
  const blank = declaration.replace(/[^\r\n]/g, ' ');
  return { text: text.slice(0, start) + blank + text.slice(end), entities };
}
