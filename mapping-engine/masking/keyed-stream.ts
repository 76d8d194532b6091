/**
 * Deterministic pseudo-random streams derived from the project's secret key
 * and the value being masked. The same key and value always give the same
 * stream, so a value masks the same way in every sample and every run, which
 * keeps joins across samples working; another key gives another stream.
 */
import { hmacSha256 } from './hmac-sha256';

const encoder = new TextEncoder();

/** Seeds longer than this are condensed to a digest before use (see the constructor). */
const LONG_SEED_BYTES = 1024;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** An endless, reproducible byte stream: HMAC(key, label ‖ 0 ‖ value ‖ counter) blocks. */
export class KeyedStream {
  private readonly seed: Uint8Array;
  private block: Uint8Array = new Uint8Array(0);
  private position = 0;
  private counter = 0;

  /**
   * @param key - the secret masking key
   * @param label - what is being masked (a category), so the same text masked as
   *   an email and as a name draws unrelated numbers
   * @param value - the original value
   * @param attempt - 0 normally; a collision (another value already masked to
   *   the same result) re-derives with 1, 2... so the fix is as deterministic as the mask
   */
  constructor(
    private readonly key: Uint8Array,
    label: string,
    value: string,
    attempt = 0,
  ) {
    // Attempt 0 keeps the original seed so masks made before collision checks existed stay the same.
    const seed = encoder.encode(attempt === 0 ? `${label}\u0000${value}` : `${label}\u0000${value}\u0000${attempt}`);
    // Every block hashes the seed again: a long value would make the stream quadratic in its
    // length, so its seed is first condensed to a keyed digest (short values keep their masks).
    this.seed = seed.length <= LONG_SEED_BYTES ? seed : concat(encoder.encode(`${label}\u0000#`), hmacSha256(key, seed));
  }

  /** The next byte of the stream. */
  byte(): number {
    if (this.position >= this.block.length) {
      const message = new Uint8Array(this.seed.length + 4);
      message.set(this.seed);
      new DataView(message.buffer).setUint32(this.seed.length, this.counter++);
      this.block = hmacSha256(this.key, message);
      this.position = 0;
    }
    return this.block[this.position++]!;
  }

  /** An unsigned 32-bit number. */
  uint32(): number {
    return ((this.byte() << 24) | (this.byte() << 16) | (this.byte() << 8) | this.byte()) >>> 0;
  }

  /** A whole number in [0, n); rejection sampling avoids a bias towards small numbers. */
  below(n: number): number {
    if (n <= 1) return 0;
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const x = this.uint32();
      if (x < limit) return x % n;
    }
  }

  /** A decimal digit character; `from` excludes smaller digits (e.g. 1 for no leading zero). */
  digit(from = 0): string {
    return String(from + this.below(10 - from));
  }

  /** An ASCII letter of the given case. */
  letter(upper: boolean): string {
    return String.fromCharCode((upper ? 65 : 97) + this.below(26));
  }
}
