/** Helpers the hostile generators share: seeded words and bytes, encodings, truncation. */

/** A seeded source of numbers in [0, 1). */
export type Rng = () => number;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A lowercase word of `length` letters. */
export function randomWord(rng: Rng, length: number): string {
  let word = '';
  for (let i = 0; i < length; i++) word += LETTERS[Math.floor(rng() * LETTERS.length)];
  return word;
}

/** `count` random bytes. */
export function randomBytes(rng: Rng, count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) bytes[i] = Math.floor(rng() * 256);
  return bytes;
}

/** `text` cut at `count` seeded offsets (never empty, never whole). */
export function truncations(rng: Rng, text: string, count: number): string[] {
  return Array.from({ length: count }, () => text.slice(0, 1 + Math.floor(rng() * (text.length - 2))));
}

/** `text` with a byte-order mark, encoded as UTF-8 or UTF-16. */
export function bom(encoding: 'utf8' | 'utf16le' | 'utf16be', text: string): Uint8Array {
  if (encoding === 'utf8') return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (encoding === 'utf16le') return new Uint8Array(le);
  return new Uint8Array(le.swap16());
}

/** `text` (code points up to U+00FF) as Latin-1 bytes, which are not valid UTF-8 above U+007F. */
export function latin1Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** `text` as UTF-16LE without a byte-order mark. */
export function utf16NoBom(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}
