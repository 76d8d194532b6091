/**
 * Writes masked JSON by editing the original text in place: only the tokens
 * of changed leaves are replaced, so white space, key order and the exact
 * spelling of every other number (`1.10`, `1e3`) survive byte for byte.
 */
import type { JsonValue } from '../payload/types';
import { mapLeaves } from './walk-leaves';

interface Token {
  start: number;
  end: number;
}

/** Offsets of value strings and numbers in document order (object keys, booleans and null skipped). */
function leafTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      const end = ++i;
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] !== ':') tokens.push({ start, end });
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const match = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const length = match ? match[0].length : 1;
      tokens.push({ start: i, end: i + length });
      i += length;
    } else i++;
  }
  return tokens;
}

/**
 * Returns `original` with the leaves that differ between `before` and `after`
 * rewritten, or undefined when the text cannot be matched to the values
 * (duplicate keys, integer-like keys that JavaScript reorders); the caller
 * then serialises `after` instead.
 */
export function rewriteJsonText(original: string, before: JsonValue, after: JsonValue): string | undefined {
  const tokens = leafTokens(original);
  const oldLeaves: Array<string | number> = [];
  mapLeaves(before, (leaf) => (oldLeaves.push(leaf), leaf));
  const newLeaves: Array<string | number> = [];
  mapLeaves(after, (leaf) => (newLeaves.push(leaf), leaf));
  if (tokens.length !== oldLeaves.length || newLeaves.length !== oldLeaves.length) return undefined;
  let out = '';
  let last = 0;
  tokens.forEach((token, index) => {
    if (newLeaves[index] === oldLeaves[index]) return;
    out += original.slice(last, token.start) + JSON.stringify(newLeaves[index]);
    last = token.end;
  });
  out += original.slice(last);
  // The edit is trusted only if it reads back to exactly the masked value.
  try {
    return JSON.stringify(JSON.parse(out)) === JSON.stringify(after) ? out : undefined;
  } catch {
    return undefined;
  }
}
