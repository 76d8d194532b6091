/**
 * XML 1.0 (fifth edition) names and characters, shared by the reader (to
 * check well-formedness) and the writer (to refuse keys that cannot become
 * element or attribute names).
 */

// Kept as character-class bodies so the scanner can build a sticky matcher
// from the same ranges the validators use. NC = "no colon" (Namespaces in XML).
const NC_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
// Combining marks first: after another character eslint would read them as one combined character.
const NC_CHAR = `\\u0300-\\u036F${NC_START}\\-.0-9\\u00B7\\u203F-\\u2040`;
const NAME_START = `:${NC_START}`;
const NAME_CHAR = `${NC_CHAR}:`;

const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
const NC_NAME = new RegExp(`^[${NC_START}][${NC_CHAR}]*$`, 'u');

/** Characters XML 1.0 forbids anywhere in a document (controls, lone surrogates, U+FFFE/U+FFFF). */
export const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** A fresh sticky matcher for a Name at `lastIndex` (one per scan: sticky regexes carry state). */
export function nameMatcher(): RegExp {
  return new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
}

/** True when `name` is an XML Name (colons allowed). */
export function isXmlName(name: string): boolean {
  return NAME.test(name);
}

/** True when `name` is an NCName: a Name without colons, as namespaces require for local names and prefixes. */
export function isNcName(name: string): boolean {
  return NC_NAME.test(name);
}

/** True for the four XML white-space characters. */
export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Describes a character for an error message: `"x"` or `U+0001`. */
export function describeChar(ch: string | undefined): string {
  if (ch === undefined || ch === '') return 'the end of the document';
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0xfeff) return 'a byte-order mark (U+FEFF)';
  if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code > 0xfffd) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `"${String.fromCodePoint(code)}"`;
}
