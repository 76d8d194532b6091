/**
 * The markup around elements that the reader checks but does not keep: the
 * XML declaration, comments, processing instructions and the DOCTYPE. Each
 * function checks one construct at `lt` (its `<`) and returns the offset
 * just after it.
 */
import { isXmlSpace } from './xml-names';
import type { XmlFail } from './xml-parse-error';

/** Pseudo-attributes of `<?xml ...?>`. */
export interface XmlDeclaration {
  version: string;
  encoding?: string;
  standalone?: string;
}

const DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])(1\.[0-9]+)\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\3)?(?:\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;

/** Reads the declaration at the very start of `text`. */
export function readDeclaration(text: string, fail: XmlFail): { declaration: XmlDeclaration; end: number } {
  const match = DECLARATION.exec(text.slice(0, 512));
  if (!match) fail(0, 'the XML declaration is malformed', '<?xml version="1.0" encoding="..." standalone="yes|no"?>');
  const [whole, , version, , encoding, , standalone] = match;
  const declaration: XmlDeclaration = { version: version ?? '1.0' };
  if (encoding) declaration.encoding = encoding;
  if (standalone) declaration.standalone = standalone;
  return { declaration, end: whole.length };
}

/** Checks a comment: closed, and no `--` inside (XML forbids it). */
export function skipComment(text: string, lt: number, fail: XmlFail): number {
  const end = text.indexOf('-->', lt + 4);
  if (end < 0) fail(lt, 'the comment is never closed', '"-->"');
  const body = text.slice(lt + 4, end);
  const dashes = body.indexOf('--');
  if (dashes >= 0) fail(lt + 4 + dashes, '"--" inside a comment', '"-->" or text without "--"');
  if (body.endsWith('-')) fail(end - 1, 'a comment must not end with "--->"', '"-->"');
  return end + 3;
}

/** Checks a processing instruction whose target (already read) is `target`. */
export function skipProcessingInstruction(text: string, lt: number, target: string, fail: XmlFail): number {
  if (target.toLowerCase() === 'xml') {
    fail(lt, 'the XML declaration is only allowed at the very start of the document', 'nothing (not even white space or a second byte-order mark) before <?xml ...?>');
  }
  const after = lt + 2 + target.length;
  const end = text.indexOf('?>', after);
  if (end < 0) fail(lt, `the processing instruction <?${target} is never closed`, '"?>"');
  if (end !== after && !isXmlSpace(text.charCodeAt(after))) fail(after, `unexpected text after <?${target}`, 'white space or "?>"');
  return end + 2;
}

/**
 * Skips a DOCTYPE, internal subset included, without interpreting it:
 * declared entities are never expanded, external ones never fetched.
 */
export function skipDoctype(text: string, lt: number, fail: XmlFail): number {
  let quote = 0;
  let subset = false;
  for (let i = lt + 9; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (subset && code === 0x3c && text.startsWith('<!--', i)) {
      // Comments in the subset may hold quotes or brackets that mean nothing.
      const end = text.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 2;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x5b) subset = true;
    else if (code === 0x5d) subset = false;
    else if (code === 0x3e && !subset) return i + 1;
  }
  return fail(lt, 'the DOCTYPE declaration is never closed', '">" ending <!DOCTYPE ...>');
}
