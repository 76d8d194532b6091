/**
 * Character and entity references in text and attribute values. Only the
 * five predefined entities and numeric references are decoded: entities a
 * DOCTYPE declares are never expanded, which rules out "billion laughs"
 * blow-ups and external-entity reads by construction (see docs/formats-xml.md).
 */
import type { XmlFail } from './xml-parse-error';
import { INVALID_XML_CHAR, isXmlName } from './xml-names';

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

// Sticky so each reference is matched exactly where its '&' stands.
const REFERENCE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([^\s&;<>"'=/]+));/y;

/** How references that are not predefined are treated. */
export interface ReferenceContext {
  fail: XmlFail;
  /**
   * True when the document has a DOCTYPE, which may declare entities: their
   * references are kept as literal `&name;` text instead of being an error.
   */
  keepUnknown: boolean;
  /** Told about every reference kept unexpanded. */
  onUnexpanded(name: string, offset: number): void;
}

/**
 * Decodes the references in `raw`, the slice of the document starting at
 * `base`. Pieces are collected and joined once, so long text stays linear.
 */
export function decodeReferences(raw: string, base: number, context: ReferenceContext): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  const pieces: string[] = [];
  let from = 0;
  while (amp >= 0) {
    pieces.push(raw.slice(from, amp));
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(raw);
    if (!match || (match[3] !== undefined && !isXmlName(match[3]))) {
      context.fail(base + amp, 'a bare "&" is not allowed here', 'a reference such as &amp; &lt; or &#38; (write a literal & as &amp;)');
    }
    pieces.push(decodeOne(match, base + amp, context));
    from = amp + match[0].length;
    amp = raw.indexOf('&', from);
  }
  pieces.push(raw.slice(from));
  return pieces.join('');
}

function decodeOne(match: RegExpExecArray, offset: number, context: ReferenceContext): string {
  const [whole, hex, decimal, name] = match;
  if (name !== undefined) {
    const known = PREDEFINED[name];
    if (known !== undefined) return known;
    if (!context.keepUnknown) {
      context.fail(offset, `the entity &${name}; is not declared`, 'one of &lt; &gt; &amp; &quot; &apos; or a numeric reference');
    }
    context.onUnexpanded(name, offset);
    return whole;
  }
  const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal ?? '', 10);
  const char = code <= 0x10ffff ? String.fromCodePoint(code) : '';
  if (char === '' || INVALID_XML_CHAR.test(char)) {
    context.fail(offset, `${whole} refers to a character XML does not allow`, 'a reference to a character allowed in XML 1.0');
  }
  return char;
}

/** Escapes element text: `&`, `<`, `>` (so `]]>` cannot appear) and CR (which a reader would drop). */
export function escapeText(text: string): string {
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (ch) => TEXT_ESCAPES[ch] ?? ch) : text;
}

/** Escapes a double-quoted attribute value; tabs and line breaks become references so they survive normalisation. */
export function escapeAttribute(text: string): string {
  return /[&<"\t\n\r]/.test(text) ? text.replace(/[&<"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch] ?? ch) : text;
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
