/**
 * A small, strict, single-pass XML 1.0 tokenizer. It checks well-formedness
 * as it goes and reports the FIRST problem in document order with its
 * position, then hands elements, attributes and text to a handler. It never
 * expands DOCTYPE entities and never builds intermediate strings per
 * character, so its cost is linear in the size of the document.
 *
 * Why not fast-xml-parser's `XMLParser`: it throws on element names such as
 * `constructor`, keeps no positions for text or attributes, and (like its
 * `XMLValidator`) lets through a second root element, content after the root
 * and `<` in attribute values. See docs/formats-xml.md.
 */
import { lineColumnAt } from '../errors';
import { decodeReferences, type ReferenceContext } from './xml-entities';
import { INVALID_XML_CHAR, describeChar, isXmlSpace, nameMatcher } from './xml-names';
import type { XmlFail } from './xml-parse-error';
import { readDeclaration, skipComment, skipDoctype, skipProcessingInstruction, type XmlDeclaration } from './xml-scan-markup';

export type { XmlDeclaration } from './xml-scan-markup';

/** An attribute as written (qualified name), its decoded value and where its name starts. */
export interface RawAttribute {
  name: string;
  value: string;
  offset: number;
}

/** Receives what the scanner finds, in document order. */
export interface XmlScanHandler {
  declaration(declaration: XmlDeclaration): void;
  /** `offset` is that of the `<` opening the start tag. */
  startElement(name: string, attributes: RawAttribute[], offset: number): void;
  endElement(): void;
  /** Character data or CDATA inside the root element, references decoded, line ends normalised. */
  text(value: string): void;
  /** A `&name;` reference kept as literal text because only a DOCTYPE could declare it. */
  unexpandedEntity(name: string, offset: number): void;
}

/**
 * Scans `text` (decoded, one BOM removed, line ends already normalised by
 * {@link normalizeLineEnds}) and calls `handler`.
 * @throws MapwrightError `XML_PARSE` (through `fail`) at the first problem.
 */
export function scanXml(text: string, handler: XmlScanHandler, fail: XmlFail): void {
  new Scanner(text, handler, fail).run();
}

/**
 * XML end-of-line handling (CRLF and CR -> LF), done before scanning so no
 * later slice holds a CR. Lines and columns stay the same, so positions
 * computed on the result are the user's positions.
 */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

class Scanner {
  private pos = 0;
  private readonly open: Array<{ name: string; offset: number }> = [];
  private rootClosed = false;
  private hasDoctype = false;
  private readonly names = nameMatcher();
  private readonly badCharAt: number;
  private readonly fail: XmlFail;
  private readonly refs: ReferenceContext;

  constructor(
    private readonly text: string,
    private readonly handler: XmlScanHandler,
    private readonly failOuter: XmlFail,
  ) {
    // One search for forbidden characters; errors found later in the
    // document than that character are reported as that character instead.
    this.badCharAt = text.search(INVALID_XML_CHAR);
    this.fail = (offset, message, expected) => {
      if (this.badCharAt >= 0 && this.badCharAt < offset) this.failBadChar();
      return failOuter(offset, message, expected);
    };
    this.refs = { fail: this.fail, keepUnknown: false, onUnexpanded: (name, offset) => handler.unexpandedEntity(name, offset) };
  }

  run(): void {
    const { text } = this;
    if (/^<\?xml[\s?]/.test(text.slice(0, 6))) this.declaration();
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      const end = lt < 0 ? text.length : lt;
      if (end > this.pos) this.characters(this.pos, end);
      if (lt < 0) break;
      this.markup(lt);
    }
    if (this.badCharAt >= 0) this.failBadChar();
    const top = this.open.at(-1);
    if (top) this.fail(text.length, `the document ends inside <${top.name}> (opened at ${this.where(top.offset)})`, `</${top.name}>`);
    if (!this.rootClosed) this.fail(text.length, 'the document has no root element', 'a root element such as <root>...</root>');
  }

  private failBadChar(): never {
    const ch = String.fromCodePoint(this.text.codePointAt(this.badCharAt) ?? 0);
    return this.failOuter(this.badCharAt, `the character ${describeChar(ch)} is not allowed in XML`, 'text without control characters');
  }

  private where(offset: number): string {
    const { line, column } = lineColumnAt(this.text, offset);
    return `line ${line}, column ${column}`;
  }

  private declaration(): void {
    const { declaration, end } = readDeclaration(this.text, this.fail);
    this.handler.declaration(declaration);
    this.pos = end;
  }

  private characters(start: number, end: number): void {
    const { text } = this;
    if (this.open.length === 0) {
      for (let i = start; i < end; i++) {
        if (isXmlSpace(text.charCodeAt(i))) continue;
        const found = describeChar(text.slice(i, i + 2));
        if (this.rootClosed) this.fail(i, `${found} after the end of the root element`, 'only comments or white space after the root element');
        this.fail(i, `${found} before the root element`, '"<" starting the root element');
      }
      this.pos = end;
      return;
    }
    const raw = text.slice(start, end);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd >= 0) this.fail(start + cdataEnd, '"]]>" is not allowed in text', ']]&gt;');
    this.handler.text(decodeReferences(raw, start, this.refs));
    this.pos = end;
  }

  private markup(lt: number): void {
    const { text } = this;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f) this.endTag(lt);
    else if (next === 0x3f) this.processingInstruction(lt);
    else if (next !== 0x21) this.startTag(lt);
    else if (text.startsWith('<!--', lt)) this.pos = skipComment(text, lt, this.fail);
    else if (text.startsWith('<![CDATA[', lt)) this.cdata(lt);
    else if (text.startsWith('<!DOCTYPE', lt)) this.doctype(lt);
    else this.fail(lt, 'unknown markup after "<!"', 'a comment <!-- -->, a CDATA section <![CDATA[ ]]> or <!DOCTYPE ...>');
  }

  private readName(at: number, expected: string): string {
    this.names.lastIndex = at;
    const match = this.names.exec(this.text);
    if (!match) this.fail(at, `${describeChar(this.text.slice(at, at + 2))} where a name should be`, expected);
    return match[0];
  }

  private skipSpace(from: number): number {
    let i = from;
    while (isXmlSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  private startTag(lt: number): void {
    const { text } = this;
    const name = this.readName(lt + 1, 'an element name after "<"');
    const attributes: RawAttribute[] = [];
    let seen: Set<string> | undefined;
    let i = lt + 1 + name.length;
    let selfClosing = false;
    for (;;) {
      const spaced = this.skipSpace(i);
      const code = text.charCodeAt(spaced);
      if (code === 0x3e) {
        i = spaced + 1;
        break;
      }
      if (code === 0x2f && text.charCodeAt(spaced + 1) === 0x3e) {
        i = spaced + 2;
        selfClosing = true;
        break;
      }
      if (spaced >= text.length) this.fail(lt, `the start tag <${name}> is never closed`, '">" or "/>"');
      if (spaced === i) this.fail(i, `${describeChar(text.slice(i, i + 2))} in the start tag <${name}>`, 'white space, ">" or "/>"');
      const attribute = this.attribute(spaced, name);
      seen ??= new Set();
      if (seen.has(attribute.name)) this.fail(spaced, `attribute "${attribute.name}" appears twice on <${name}>`, 'each attribute once per element');
      seen.add(attribute.name);
      attributes.push(attribute);
      i = this.pos;
    }
    if (this.open.length === 0 && this.rootClosed) {
      this.fail(lt, `a second root element <${name}>`, 'one root element per document (wrap repeated records in one parent element)');
    }
    this.handler.startElement(name, attributes, lt);
    if (selfClosing) this.closed();
    else this.open.push({ name, offset: lt });
    this.pos = i;
  }

  /** Reads `name = "value"` at `at`; leaves `pos` after the closing quote. */
  private attribute(at: number, element: string): RawAttribute {
    const { text } = this;
    const name = this.readName(at, `an attribute name, ">" or "/>" in <${element}>`);
    let i = this.skipSpace(at + name.length);
    if (text.charCodeAt(i) !== 0x3d) this.fail(i, `attribute "${name}" has no value`, `="value" after ${name}`);
    i = this.skipSpace(i + 1);
    const quote = text[i];
    if (quote !== '"' && quote !== "'") this.fail(i, `the value of attribute "${name}" is not quoted`, 'a value in double or single quotes');
    const close = text.indexOf(quote, i + 1);
    if (close < 0) this.fail(i, `the value of attribute "${name}" is never closed`, `a closing ${quote}`);
    const raw = text.slice(i + 1, close);
    const lt = raw.indexOf('<');
    if (lt >= 0) this.fail(i + 1 + lt, `"<" in the value of attribute "${name}" (is a closing quote missing?)`, `&lt; or a closing ${quote}`);
    // Attribute-value normalisation: literal tabs and line breaks are spaces;
    // the same characters written as references survive.
    const value = decodeReferences(raw.replace(/[\t\n]/g, ' '), i + 1, this.refs);
    this.pos = close + 1;
    return { name, value, offset: at };
  }

  private endTag(lt: number): void {
    const name = this.readName(lt + 2, 'an element name after "</"');
    const i = this.skipSpace(lt + 2 + name.length);
    if (this.text.charCodeAt(i) !== 0x3e) this.fail(i, `${describeChar(this.text.slice(i, i + 2))} in the end tag </${name}>`, '">"');
    const top = this.open.pop();
    if (!top) this.fail(lt, `the end tag </${name}> has no start tag`, 'a matching start tag before it');
    if (top.name !== name) {
      this.fail(lt, `the end tag </${name}> does not match <${top.name}> (opened at ${this.where(top.offset)})`, `</${top.name}>`);
    }
    this.closed();
    this.pos = i + 1;
  }

  private closed(): void {
    this.handler.endElement();
    if (this.open.length === 0) this.rootClosed = true;
  }

  private cdata(lt: number): void {
    if (this.open.length === 0) this.fail(lt, 'a CDATA section outside the root element', 'CDATA only inside an element');
    const end = this.text.indexOf(']]>', lt + 9);
    if (end < 0) this.fail(lt, 'the CDATA section is never closed', '"]]>"');
    this.handler.text(this.text.slice(lt + 9, end));
    this.pos = end + 3;
  }

  private processingInstruction(lt: number): void {
    const target = this.readName(lt + 2, 'a processing-instruction target after "<?"');
    this.pos = skipProcessingInstruction(this.text, lt, target, this.fail);
  }

  /** A DOCTYPE is skipped; its presence only means unknown `&name;` references are kept as text instead of being errors. */
  private doctype(lt: number): void {
    if (this.open.length > 0 || this.rootClosed || this.hasDoctype) {
      this.fail(lt, 'a DOCTYPE declaration here', 'at most one <!DOCTYPE ...>, before the root element');
    }
    this.pos = skipDoctype(this.text, lt, this.fail);
    this.hasDoctype = true;
    this.refs.keepUnknown = true;
  }
}
