/**
 * Bytes -> text. Honours byte-order marks, an XML prolog's `encoding`, and an
 * explicit encoding from the caller; reports undecodable bytes as a coded
 * `ENCODING` error with line and column. Uses the WHATWG `TextDecoder`, which
 * Node (full ICU) and browsers both provide, so the engine stays pure.
 */
import { MapwrightError, lineColumnAt } from '../errors';

/** Options for {@link decodeText}. */
export interface DecodeOptions {
  /** File name for error messages. */
  file?: string;
  /** An encoding the user chose; wins over everything but a BOM. */
  encoding?: string;
  /** Look for `<?xml ... encoding="..."?>` in the first bytes. */
  sniffXmlDeclaration?: boolean;
  /**
   * What to do with bytes that are not UTF-8 when no encoding was declared:
   * `error` (XML: the spec says UTF-8) or decode as windows-1252 (CSV exported
   * by spreadsheet programs is often Latin-1).
   */
  nonUtf8?: 'error' | 'windows-1252';
}

/** Decoded text and what was used to decode it. */
export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `utf-16le`, `iso-8859-2`. */
  encoding: string;
  /** True when a byte-order mark was present (and removed). */
  bom: boolean;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Guesses UTF-16 without a BOM from the zero bytes of ASCII characters (`<?` or a CSV header). */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return undefined;
}

/** Reads the `encoding` pseudo-attribute of an XML declaration, if any. */
export function sniffXmlEncoding(bytes: Uint8Array): string | undefined {
  let head = '';
  const limit = Math.min(bytes.length, 512);
  for (let i = 0; i < limit; i++) head += String.fromCharCode(bytes[i] ?? 0);
  const match = /^\s*<\?xml[^?]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1];
}

/**
 * windows-1252 code points of bytes 0x80-0x9F. Some Node builds (20.18.3+,
 * nodejs/node#60888) decode these bytes as C1 control characters, losing the
 * euro sign and typographic quotes of every Latin-1 CSV from a spreadsheet.
 * Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to themselves.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Repairs C1 controls left by a faulty windows-1252 decoder (see {@link CP1252_HIGH}). */
function fixWindows1252(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (ch) => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0)))
    : text;
}

function makeDecoder(label: string, file: string | undefined): TextDecoder {
  try {
    return new TextDecoder(label.trim().toLowerCase(), { fatal: true, ignoreBOM: true });
  } catch {
    throw new MapwrightError('ENCODING', `unsupported text encoding "${label}"`, {
      file,
      expected: 'UTF-8, UTF-16, ISO-8859-x, windows-125x or another WHATWG encoding label',
    });
  }
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function encodingError(bytes: Uint8Array, start: number, encoding: string, file: string | undefined): MapwrightError {
  const bad = encoding === 'utf-8' ? firstInvalidUtf8(bytes.subarray(start)) : -1;
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(start, start + bad));
    const { line, column } = lineColumnAt(before, before.length);
    const byte = (bytes[start + bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return new MapwrightError('ENCODING', `byte 0x${byte} is not valid ${encoding}`, {
      file,
      line,
      column,
      expected: `${encoding} text (declare the file's encoding, or choose it when importing)`,
    });
  }
  return new MapwrightError('ENCODING', `the bytes are not valid ${encoding}`, { file, expected: `${encoding} text` });
}

/**
 * Decodes `input` to a string. Strings pass through (minus one leading BOM).
 * @throws MapwrightError `ENCODING` for an unknown label or undecodable bytes.
 */
export function decodeText(input: Uint8Array | string, options: DecodeOptions = {}): DecodedText {
  const { file } = options;
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff;
    return { text: bom ? input.slice(1) : input, encoding: 'utf-16', bom };
  }
  const bomMatch = BOMS.find((b) => startsWith(input, b.bytes));
  const start = bomMatch ? bomMatch.bytes.length : 0;
  let encoding = bomMatch?.encoding ?? options.encoding ?? sniffUtf16(input);
  if (!encoding && options.sniffXmlDeclaration) encoding = sniffXmlEncoding(input);
  const declared = encoding !== undefined;
  encoding = makeDecoder(encoding ?? 'utf-8', file).encoding;
  try {
    const text = makeDecoder(encoding, file).decode(input.subarray(start));
    return { text: encoding === 'windows-1252' ? fixWindows1252(text) : text, encoding, bom: bomMatch !== undefined };
  } catch {
    if (!declared && encoding === 'utf-8' && options.nonUtf8 === 'windows-1252') {
      const text = new TextDecoder('windows-1252').decode(input.subarray(start));
      return { text: fixWindows1252(text), encoding: 'windows-1252', bom: false };
    }
    throw encodingError(input, start, encoding, file);
  }
}
