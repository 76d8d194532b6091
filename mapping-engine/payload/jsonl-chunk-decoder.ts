/**
 * Incremental bytes -> text for the streaming readers (JSON Lines and CSV).
 * Chunks may end in the middle of a multi-byte character; the decoder carries
 * the incomplete bytes over. It mirrors {@link decodeText}: a BOM wins, then
 * the caller's encoding, then UTF-16 sniffing, then UTF-8, and (for CSV) a
 * switch to windows-1252 when bytes are not UTF-8 and nothing was declared.
 */
import { MapwrightError } from '../errors';

/** Options for {@link ChunkDecoder}. */
export interface ChunkDecoderOptions {
  file?: string;
  encoding?: string;
  /** `windows-1252`: fall back to it on the first non-UTF-8 byte (CSV); `error`: report it (JSON). */
  nonUtf8?: 'error' | 'windows-1252';
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Bytes at the end of `bytes` that start a UTF-8 sequence not yet complete. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decodes a stream of byte (or string) chunks into text pieces. */
export class ChunkDecoder {
  /** WHATWG name of the encoding in use (known after the first bytes). */
  encoding = 'utf-8';
  /** True when the input started with a byte-order mark. */
  bom = false;
  private head: Uint8Array = new Uint8Array(0);
  private started = false;
  private declared: boolean;
  private utf8Carry: Uint8Array = new Uint8Array(0);
  private other: TextDecoder | undefined;
  /** Lines of text emitted so far, for the line number of an encoding error. */
  private line = 1;

  constructor(private readonly options: ChunkDecoderOptions = {}) {
    this.declared = options.encoding !== undefined;
  }

  /** Text decoded from `chunk` (may be empty while the first bytes are sniffed). */
  push(chunk: Uint8Array | string): string {
    if (typeof chunk === 'string') {
      const text = this.started ? chunk : this.startWithText(chunk);
      return this.count(text);
    }
    if (!this.started) {
      this.head = concat(this.head, chunk);
      if (this.head.length < 4) return '';
      return this.count(this.start(false));
    }
    return this.count(this.decode(chunk, false));
  }

  /** Flushes what is left; throws if the input ended inside a character. */
  end(): string {
    if (!this.started) return this.count(this.start(true));
    return this.count(this.decode(new Uint8Array(0), true));
  }

  private startWithText(text: string): string {
    this.started = true;
    this.bom = text.charCodeAt(0) === 0xfeff;
    this.encoding = 'utf-16';
    return this.bom ? text.slice(1) : text;
  }

  private start(final: boolean): string {
    this.started = true;
    const bytes = this.head;
    this.head = new Uint8Array(0);
    const bom = BOMS.find((candidate) => candidate.bytes.every((b, i) => bytes[i] === b));
    let label = bom?.encoding ?? this.options.encoding;
    if (!label && bytes.length >= 4) {
      if (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) label = 'utf-16le';
      else if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) label = 'utf-16be';
    }
    this.declared = label !== undefined;
    this.bom = bom !== undefined;
    try {
      this.encoding = new TextDecoder((label ?? 'utf-8').trim().toLowerCase()).encoding;
    } catch {
      throw new MapwrightError('ENCODING', `unsupported text encoding "${label}"`, { file: this.options.file, expected: 'a WHATWG encoding label such as utf-8, utf-16le or windows-1252' });
    }
    if (this.encoding !== 'utf-8') this.other = new TextDecoder(this.encoding, { fatal: true, ignoreBOM: true });
    return this.decode(bytes.subarray(bom ? bom.bytes.length : 0), final);
  }

  private decode(chunk: Uint8Array, final: boolean): string {
    if (this.other) {
      try {
        return this.other.decode(chunk, { stream: !final });
      } catch (error) {
        throw this.error(error);
      }
    }
    const bytes = concat(this.utf8Carry, chunk);
    const keep = final ? 0 : incompleteUtf8Tail(bytes);
    this.utf8Carry = bytes.slice(bytes.length - keep);
    const complete = bytes.subarray(0, bytes.length - keep);
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(complete);
    } catch (error) {
      if (this.declared || this.options.nonUtf8 !== 'windows-1252') throw this.error(error);
      // Spreadsheet exports are often Latin-1: switch for the rest of the stream, as decodeText does for a whole file.
      this.encoding = 'windows-1252';
      this.other = new TextDecoder('windows-1252');
      this.utf8Carry = new Uint8Array(0);
      return this.other.decode(bytes);
    }
  }

  private error(cause: unknown): MapwrightError {
    return new MapwrightError('ENCODING', `the bytes after line ${this.line} are not valid ${this.encoding}`, {
      file: this.options.file,
      line: this.line,
      expected: `${this.encoding} text (declare the file's encoding, or choose it when importing)`,
      cause,
    });
  }

  private count(text: string): string {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
    return text;
  }
}
