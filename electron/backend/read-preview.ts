/**
 * The first few kilobytes of a payload as text, for previews. Reads only the
 * head of the file (samples may be large) and cuts at a character boundary so
 * a preview never ends in a broken multi-byte character.
 */
import { open } from 'node:fs/promises';
import { MapwrightError } from '../../mapping-engine/errors';
import { decodeText } from '../../mapping-engine/payload/decode';

/** Preview size: 4 KB, enough to recognise a payload without loading it. */
export const PREVIEW_BYTES = 4096;

/** Text of a preview and whether the file had more. */
export interface TextPreview {
  text: string;
  truncated: boolean;
}

function isUtf16(bytes: Uint8Array): boolean {
  const [a, b] = [bytes[0], bytes[1]];
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}

/**
 * Drops the incomplete character a byte limit may have cut in half: a
 * trailing partial UTF-8 sequence, or the odd byte of UTF-16 text.
 */
export function cutAtCharBoundary(bytes: Uint8Array): Uint8Array {
  if (isUtf16(bytes)) return bytes.subarray(0, bytes.length - (bytes.length % 2));
  // Walk back over at most 3 continuation bytes to the lead byte of the last sequence.
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead <= 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes;
  const b = bytes[lead] ?? 0;
  const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return lead + size > bytes.length ? bytes.subarray(0, lead) : bytes;
}

/**
 * Reads the first `limit` bytes of `file` and decodes them (BOM, XML prolog
 * encoding, UTF-16; non-UTF-8 bytes fall back to windows-1252 because a
 * preview should show a Latin-1 CSV rather than refuse it).
 * @param shownAs the file name used in errors
 * @throws MapwrightError `FILE_READ` or `ENCODING`
 */
export async function readTextPreview(file: string, shownAs: string, limit = PREVIEW_BYTES): Promise<TextPreview> {
  let bytes: Uint8Array;
  let size: number;
  try {
    const handle = await open(file, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = new Uint8Array(Math.min(limit, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new MapwrightError('FILE_READ', `cannot read ${shownAs}: ${String(error)}`, { file: shownAs, cause: error });
  }
  const truncated = size > bytes.length;
  const head = truncated ? cutAtCharBoundary(bytes) : bytes;
  const { text } = decodeText(head, { file: shownAs, sniffXmlDeclaration: /\.(xml|xsd)$/i.test(file), nonUtf8: 'windows-1252' });
  return { text, truncated };
}
