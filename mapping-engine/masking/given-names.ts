/**
 * Word lists for finding people's names inside free text: given names
 * (faker's English, German, French, Spanish and Dutch lists, the languages of
 * the field-name dictionary), given names that are also ordinary words or
 * places, forms of address, and words that never continue a name.
 */
import { de, en, es, fr, nl } from '@faker-js/faker';

type NameList = string[] | { generic?: string[]; female?: string[]; male?: string[] } | undefined;

function namesOf(list: NameList): string[] {
  if (!list) return [];
  return Array.isArray(list) ? list : [...(list.generic ?? []), ...(list.female ?? []), ...(list.male ?? [])];
}

/** Given names, as written (capitalised). */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [en, de, fr, es, nl].flatMap((locale) => namesOf(locale.person?.first_name as NameList)).filter((name) => /^\p{Lu}\p{Ll}/u.test(name)),
);

/**
 * Given names that are also common words, months, brands or places
 * ("Will", "May", "Bill", "Paris", "London", "Ruby"): they count as a name
 * only with a family name after them or a form of address before them.
 */
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = new Set(
  (
    'Al Amber Angel April Arch Art August Austin Autumn Baron Beau Bill Bo Brook Brown Can Carolina Carter Chance Charlotte Chase ' +
    'Chelsea Christian Claude Clay Constant Cooper Crystal Dale Dallas Darwin Dawn Dean Dolores Don Earl Ed Else Esta Faith Fern Fine ' +
    'Flora Floor Florence Forest General Georgia Glen Grant Green Guy Harmony Haven Holly Hope Hunter Iris Ivy Jackson Jade Job Jordan Joy ' +
    'June King Lane Len Lincoln Line Lon London Lot Luz Mac Madison Major Mark Mas Mason Max May Meta Miles Noble Ora Orlando Paris ' +
    'Parker Pascal Pearl Peer Pilar Pink Price Prince Reed Rex River Rod Rosario Rose Royal Ruby Said Sep Sky Sonny Sterling Stone ' +
    'Storm Summer Sunny Sydney Tanner Taylor Trace Una Unique Van Victoria Violet Virginia Wade Walker Will Wolf'
  ).split(' '),
);

/** Forms of address: the capitalised words after them are a name. */
export const ADDRESS_FORMS: ReadonlySet<string> = new Set(
  'Mr Mrs Ms Miss Mx Dr Prof Herr Frau Hr Fr Monsieur Madame Mme Mlle Señor Señora Sr Sra Srta Dhr Mevr Mevrouw Meneer'.split(' '),
);

/** Lower-case particles inside family names ("van der Berg", "de la Cruz", "von Weizsäcker"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set('van von der den de del della di da du la le ten ter zu dos das'.split(' '));

/** Capitalised words that do not continue a name: days, months and words that start the next clause. */
export const NOT_FAMILY_NAMES: ReadonlySet<string> = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag ' +
    'January February March April May June July August September October November December Januar Februar März Juni Juli Oktober Dezember ' +
    'I The A An And Or But If To For From About Re Thanks Please Und Oder Bitte Danke Et Ou Y Para En Het Een'
  ).split(' '),
);
