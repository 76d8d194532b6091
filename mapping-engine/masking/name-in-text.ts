/**
 * Finds people's names inside free text ("Call Anna Schmidt about the
 * invoice", "Rückruf Frau Weiß"): a given name from the dictionary, or a
 * capitalised word after a form of address, followed by up to two
 * capitalised family-name words. Each word becomes its own span (given names
 * as `firstName`, the rest as `lastName`), so a name masks the same way in
 * text as in a record's first-name and last-name fields.
 */
import type { TextSpan } from './free-text-scan';
import { ADDRESS_FORMS, AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES, NAME_PARTICLES, NOT_FAMILY_NAMES } from './given-names';

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Family names follow the given name after white space only; particles may sit between. */
const MAX_FAMILY_WORDS = 2;

function isCapitalised(word: string): boolean {
  // `Anna`, `O'Brien`, `Müller-Lüdenscheidt`; not `ANNA` (acronyms) nor `anna`.
  return /^\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}]/u.test(word) && !/\p{Lu}{2}/u.test(word.replace(/[-'’]\p{Lu}/gu, ''));
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Only spaces between two words, or a dot and a space after an abbreviated form of address (`Dr. Weiß`). */
function adjacent(text: string, a: Word, b: Word): boolean {
  const between = text.slice(a.end, b.start);
  return /^ {1,2}$/.test(between) || (ADDRESS_FORMS.has(a.text) && /^\. {1,2}$/.test(between));
}

/** Indices of the family-name words after `words[from - 1]`, skipping particles. */
function familyWords(text: string, words: Word[], from: number): number[] {
  const found: number[] = [];
  let previous = from - 1;
  for (let i = from; i < words.length && found.length < MAX_FAMILY_WORDS; i++) {
    const word = words[i]!;
    if (!adjacent(text, words[previous]!, word)) break;
    previous = i;
    if (NAME_PARTICLES.has(word.text)) continue;
    if (!isCapitalised(word.text) || NOT_FAMILY_NAMES.has(word.text) || ADDRESS_FORMS.has(word.text)) break;
    found.push(i);
  }
  return found;
}

/** Name spans in `text`, in order and without overlaps. */
export function scanNames(text: string): TextSpan[] {
  const words = wordsOf(text);
  const spans: TextSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!isCapitalised(word.text)) continue;
    const addressed = i > 0 && ADDRESS_FORMS.has(words[i - 1]!.text) && adjacent(text, words[i - 1]!, word);
    const given = GIVEN_NAMES.has(word.text);
    if (!given && !addressed) continue;
    if (NOT_FAMILY_NAMES.has(word.text) && !addressed) continue;
    const family = familyWords(text, words, i + 1);
    if (given && AMBIGUOUS_GIVEN_NAMES.has(word.text) && family.length === 0 && !addressed) continue;
    spans.push({ start: word.start, end: word.end, category: given ? 'firstName' : 'lastName' });
    for (const index of family) spans.push({ start: words[index]!.start, end: words[index]!.end, category: 'lastName' });
    i = family.length > 0 ? family[family.length - 1]! : i;
  }
  return spans;
}
