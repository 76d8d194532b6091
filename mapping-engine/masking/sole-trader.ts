/**
 * People who trade under their own name: a German sole trader (`Anna Weber
 * e.K.`) or a professional practice (`Dr. Thomas Brandt Rechtsanwalt`). In a
 * supplier or customer column such a value is a person's name, although
 * company names (`Nordlicht Druck GmbH`) beside it are not personal data.
 * Recognised by a given name followed by a family name and a sole-trader
 * marker or a liberal profession, or by an academic title before the name;
 * masked as a plausible name with the title and marker kept, so the masked
 * value still reads like the supplier it stands for.
 */
import { GIVEN_NAMES } from './given-names';

/** Markers of a registered sole trader and liberal professions that practise under the person's name. */
const MARKERS = [
  'e\\.\\s?K\\.', 'e\\.\\s?Kfm\\.', 'e\\.\\s?Kfr\\.', 'Inh\\.',
  'Rechtsanwalt', 'Rechtsanwältin', 'Steuerberater', 'Steuerberaterin', 'Notar', 'Notarin', 'Architekt', 'Architektin',
  'Arzt', 'Ärztin', 'Zahnarzt', 'Zahnärztin', 'Tierarzt', 'Tierärztin', 'Wirtschaftsprüfer', 'Wirtschaftsprüferin', 'Dipl\\.-Ing\\.',
].join('|');

const NAME_WORD = "\\p{Lu}[\\p{Ll}'-]+";
const PATTERN = new RegExp(`^(?<title>(?:(?:Dr|Prof)\\.\\s*(?:med\\.\\s*|jur\\.\\s*|rer\\.\\s*nat\\.\\s*)?)*)(?<name>${NAME_WORD}(?:\\s+${NAME_WORD}){1,3}?)(?<marker>(?:,?\\s+(?:${MARKERS}))(?:\\s.*)?)?$`, 'u');

/** The parts of a sole trader's name, or undefined when `text` is not one. */
export function soleTraderParts(text: string): { title: string; name: string; marker: string } | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match?.groups) return undefined;
  const { title = '', name = '', marker = '' } = match.groups;
  // A title or a marker says it is a person; a given name first says the words are a name, not a trade.
  if ((title === '' && marker === '') || !GIVEN_NAMES.has(name.split(/\s+/)[0]!)) return undefined;
  return { title, name, marker };
}

/** `text` with its name part replaced by `masked(name)`, title and marker kept; undefined when it is no sole trader's name. */
export function maskSoleTrader(text: string, masked: (name: string) => string): string | undefined {
  const parts = soleTraderParts(text);
  return parts && `${parts.title}${masked(parts.name)}${parts.marker}`;
}
