/**
 * Replaces values already masked in one field wherever they reappear inside
 * other text, as whole words, so `Codertocat` masked as a login is also gone
 * from `https://api.github.com/users/Codertocat`. Values can be added while
 * a stream is masked chunk by chunk, so lookups go through an index by the
 * first characters instead of one ever-growing regular expression.
 */

/** Values shorter than this are too likely to be ordinary words or initials ("M", "Bob"). */
const MIN_LENGTH = 4;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the code point ending just before `index` is a letter or digit. */
function wordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Whether the code point starting at `index` is a letter or digit. */
function wordCharAt(text: string, index: number): boolean {
  return index < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(index)!));
}

/** Known originals and their masks; {@link KnownValues.replace} swaps them inside text. */
export class KnownValues {
  private readonly masks = new Map<string, string>();
  /** First MIN_LENGTH characters -> originals with that prefix, longest first. */
  private readonly byPrefix = new Map<string, string[]>();
  private readonly excluded = new Set<string>();

  /** Registers a masked value; short values and excluded words (field names) are ignored. */
  add(original: string, masked: string): void {
    if (original.length < MIN_LENGTH || this.excluded.has(original) || this.masks.has(original)) return;
    this.masks.set(original, masked);
    const prefix = original.slice(0, MIN_LENGTH);
    const list = this.byPrefix.get(prefix) ?? [];
    list.push(original);
    list.sort((a, b) => b.length - a.length);
    this.byPrefix.set(prefix, list);
  }

  /** Never treats `word` as a value (a field name such as `name` or `login` is a word of the schema). */
  exclude(word: string): void {
    this.excluded.add(word);
    if (!this.masks.delete(word)) return;
    const prefix = word.slice(0, MIN_LENGTH);
    this.byPrefix.set(prefix, (this.byPrefix.get(prefix) ?? []).filter((o) => o !== word));
  }

  /** The mask of exactly `original`, if it was masked in a field. */
  get(original: string): string | undefined {
    return this.masks.get(original);
  }

  /** True when nothing is known (then {@link replace} is the identity). */
  get empty(): boolean {
    return this.masks.size === 0;
  }

  /** `text` with every known original that stands as a whole word replaced by its mask, longest match first. */
  replace(text: string): string {
    if (this.masks.size === 0 || text.length < MIN_LENGTH) return text;
    let out = '';
    let last = 0;
    let i = 0;
    while (i <= text.length - MIN_LENGTH) {
      const candidates = wordCharBefore(text, i) ? undefined : this.byPrefix.get(text.slice(i, i + MIN_LENGTH));
      const match = candidates?.find((original) => text.startsWith(original, i) && !wordCharAt(text, i + original.length));
      if (match === undefined) {
        i++;
        continue;
      }
      out += text.slice(last, i) + this.masks.get(match)!;
      i += match.length;
      last = i;
    }
    return last === 0 ? text : out + text.slice(last);
  }
}

/** A function replacing each known original by its masked value; identity when nothing is known. */
export function createSubstituter(known: ReadonlyMap<string, string>): (text: string) => string {
  const values = new KnownValues();
  for (const [original, masked] of known) values.add(original, masked);
  return (text) => values.replace(text);
}
