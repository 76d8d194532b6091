/**
 * Replaces values already masked in one field wherever they reappear inside
 * other text, as whole words, so `Codertocat` masked as a login is also gone
 * from `https://api.github.com/users/Codertocat`.
 */

/** Values shorter than this are too likely to be ordinary words or initials ("M", "Bob"). */
const MIN_LENGTH = 4;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A function replacing each known original by its masked value; identity when nothing is known. */
export function createSubstituter(known: ReadonlyMap<string, string>): (text: string) => string {
  const originals = [...known.keys()].filter((k) => k.length >= MIN_LENGTH).sort((a, b) => b.length - a.length);
  if (originals.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${originals.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(pattern, (match) => known.get(match) ?? match);
}
