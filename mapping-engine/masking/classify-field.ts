/**
 * Decides whether one leaf value is personal data, from its field name, its
 * parent and siblings, and its value, and says why. Negatives (IDs, SKUs,
 * amounts, currency and country codes, event timestamps, API URLs) are
 * filtered here so the rest of the pipeline can trust a detection.
 */
import { classifyName, isPersonContext } from './classify-name';
import { nameTokens } from './field-name-tokens';
import { scanFreeText } from './free-text-scan';
import { soleTraderParts } from './sole-trader';
import { isFrenchNir, isSpanishId, isUsSsn } from './national-ids';
import type { Detection, MaskCategory } from './types';
import { isCardNumber, isDateOnly, isEmail, isIban, isInternationalPhone, isIpv4, isIpv6, isTimestamp, isUrl, looksLikeAmount, looksLikeCode } from './value-formats';

/** Where a leaf sits: its field name, its parent's name and the other fields of its object. */
export interface FieldContext {
  /** Field name; for XML text (`#text`) the element's name. */
  name: string | undefined;
  /** Name of the object holding the field (the element for XML attributes and text). */
  parentName: string | undefined;
  /** Field names of the sibling fields (only the person-like ones matter; a walker may pass just those). */
  siblingNames: readonly string[];
  /** Names of the siblings that hold records (objects or lists of objects), e.g. a `user` object beside an issue's `body` (only person-like ones matter). */
  recordSiblingNames?: readonly string[];
}

const PERSON_NAME = /^\p{L}[\p{L}\p{M} .'’-]{0,79}$/u;
const PERSON_SIBLING: ReadonlySet<MaskCategory> = new Set(['email', 'phone', 'firstName', 'lastName', 'username']);
const EVENT_WORDS = new Set(['created', 'updated', 'modified', 'deleted', 'order', 'invoice', 'issue', 'due', 'delivery', 'payment', 'start', 'end', 'expiry', 'expires', 'valid', 'booking', 'reqd', 'exctn', 'cre', 'closed', 'cancelled', 'processed']);

/** Name words of a latitude or longitude; personal only where the record is a person's (see {@link classifyCoordinate}). */
const COORDINATE_WORDS: ReadonlySet<string> = new Set(['lat', 'latitude', 'lng', 'lon', 'longitude', 'coordinates', 'coords', 'geolocation', 'latlng', 'latlon', 'breitengrad', 'laengengrad']);
/** Parents that hold a position: a person's `address.geo` or `customer.location`. */
const POSITION_PARENTS: ReadonlySet<string> = new Set(['geo', 'location', 'coordinates', 'coords', 'geolocation', 'position', 'gps', 'point']);
/** One coordinate or a pair: `52.52`, `-13.4050`, `52.52,13.40`. */
const COORDINATE_VALUE = /^-?\d{1,3}(\.\d+)?(\s*[,;]\s*-?\d{1,3}(\.\d+)?)?$/;

/** Name words that denote a person's name wherever they stand (unlike `name`, which a product or company has too). */
const SELF_PERSONAL_NAME_WORDS: ReadonlySet<string> = new Set(['fullname', 'nomcomplet', 'accountholdername', 'holdername', 'cardholdername']);

function byName(category: MaskCategory, word: string, confidence = 0.9): Detection {
  return { category, confidence, source: 'name', reason: `field name matches "${word}"` };
}

function byValue(category: MaskCategory, what: string, confidence: number): Detection {
  return { category, confidence, source: 'value', reason: what };
}

/** Whether the value fits the category a name suggested; a `vat` field holding `19.00` is an amount, not a VAT number. */
function valueFitsNameCategory(category: MaskCategory, text: string): boolean {
  if (/^(true|false|null|n\/a|-)$/i.test(text)) return false;
  switch (category) {
    case 'ipAddress':
      return isIpv4(text) || isIpv6(text);
    case 'birthDate':
      return isDateOnly(text) || isTimestamp(text);
    case 'card':
      return (text.match(/\d/g)?.length ?? 0) >= 12;
    case 'cvv':
      return /^\d{3,4}$/.test(text);
    case 'email':
    case 'phone':
    case 'iban':
    case 'bic':
      return !isUrl(text);
    default:
      return !looksLikeAmount(text) && !isUrl(text) && !(category !== 'city' && category !== 'street' && looksLikeCode(text));
  }
}

/** Whether a dictionary word names a person wherever it stands (`fullName`, `cardholderName`), as the masker takes it. */
export function isSelfPersonalNameWord(word: string): boolean {
  return SELF_PERSONAL_NAME_WORDS.has(word);
}

/** Whether a field named `name` holds free text written by people (a note, a comment): the personal data inside it is masked. */
export function isFreeTextName(name: string): boolean {
  return nameTokens(name).some((t) => FREE_TEXT_WORDS.has(t));
}

/** Whether a field named `name` holds a latitude or longitude (personal in a person's record or address). */
export function isCoordinateName(name: string): boolean {
  const tokens = nameTokens(name);
  return tokens.some((t) => COORDINATE_WORDS.has(t)) || COORDINATE_WORDS.has(tokens.join(''));
}

/** Whether a field named `name` beside another field makes that field's record a person's (an email, phone or name field). */
export function isPersonSiblingName(name: string): boolean {
  const verdict = classifyName(name);
  return verdict?.kind === 'category' && PERSON_SIBLING.has(verdict.category);
}

function hasPersonSibling(context: FieldContext): boolean {
  return context.siblingNames.some(isPersonSiblingName);
}

/** Tokens of field names that hold free text written by people (notes, comments, messages). */
const FREE_TEXT_WORDS = new Set([
  'note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'message', 'body', 'description', 'memo', 'text', 'instructions',
  'notiz', 'notizen', 'bemerkung', 'bemerkungen', 'kommentar', 'nachricht', 'hinweis', 'beschreibung',
  'commentaire', 'commentaires', 'remarque', 'remarques', 'nota', 'notas', 'comentario', 'comentarios', 'mensaje', 'observaciones',
  'opmerking', 'opmerkingen', 'bericht', 'omschrijving',
]);

/**
 * Whether the record holding the field concerns a person: contact fields
 * beside it, a person-like parent, or a person object beside it (an issue's
 * `user`, a commit's `author`, an order's `customer`). A plain `author` text
 * beside a book's description does not count: the book is a product.
 */
function inPersonRecord(context: FieldContext): boolean {
  return hasPersonSibling(context) || isPersonContext(context.parentName) || (context.recordSiblingNames ?? []).some((sibling) => isPersonContext(sibling));
}

/**
 * Whether people's names inside this text should be looked for: free text
 * (a note-like field, or a sentence of four words or more) in a person's
 * record. Short values elsewhere (company names, titles, cities) are left
 * alone: a given-name dictionary alone would flag "Jackson & Sons".
 */
function mayNamePeople(text: string, context: FieldContext): boolean {
  if (!/\s/.test(text)) return false;
  const noteLike = nameTokens(context.name ?? '').some((t) => FREE_TEXT_WORDS.has(t));
  return (noteLike || text.split(/\s+/).length >= 4) && inPersonRecord(context);
}

function looksLikeBirthDate(text: string, context: FieldContext): boolean {
  if (!isDateOnly(text) || !hasPersonSibling(context)) return false;
  const tokens = nameTokens(context.name ?? '');
  if (tokens.some((t) => EVENT_WORDS.has(t)) || !tokens.some((t) => /date|dt|datum|fecha|datum|born/.test(t))) return false;
  const year = Number(text.match(/\d{4}/)?.[0]);
  return year >= 1900 && year <= 2020;
}

/** Detection by the value's shape alone (emails, IBANs, cards, IPs, phones, embedded data). */
function classifyValue(text: string, context: FieldContext): Detection | undefined {
  const tokens = nameTokens(context.name ?? '');
  if (isEmail(text)) return byValue('email', 'value is an email address', 0.95);
  if (isIban(text)) return byValue('iban', 'value is an IBAN with a valid checksum', 0.99);
  // Sole traders and practices trade under a person's name (`Anna Weber e.K.`); company names are left alone.
  if (soleTraderParts(text)) return byValue('fullName', 'value is a person trading under their own name', 0.8);
  const idLike = tokens.some((t) => t === 'id' || t === 'sku' || t === 'number' || t === 'version');
  // IDs, SKUs and version strings are not personal whatever their digits look like.
  if (idLike) return undefined;
  if (isCardNumber(text)) return byValue('card', 'value is a Luhn-valid card number', 0.9);
  if (isIpv4(text) || isIpv6(text)) return byValue('ipAddress', 'value is an IP address', 0.9);
  if (isInternationalPhone(text)) return byValue('phone', 'value is an international phone number', 0.85);
  if (isSpanishId(text) || isFrenchNir(text) || isUsSsn(text)) return byValue('nationalId', 'value is a national ID with a valid check', 0.85);
  if (looksLikeBirthDate(text, context)) return byValue('birthDate', 'date next to a person\u2019s fields', 0.6);
  if (isUrl(text) && !text.includes('@')) return undefined;
  const names = mayNamePeople(text, context);
  const spans = scanFreeText(text, { names });
  if (spans.length > 0) {
    const kinds = [...new Set(spans.map((s) => s.category))].join(', ');
    const detection = byValue('freeText', `text contains personal data (${kinds})`, 0.8);
    return names ? { ...detection, names: true } : detection;
  }
  return undefined;
}

/**
 * A latitude or longitude is personal data where it places a person: in a
 * person's record or address (`shipping_address.latitude`,
 * `customer.lat`), or in a position object (`address.geo.lat`, whose own
 * record the walker does not see: flagged with less confidence). A
 * warehouse's or a shop's coordinates, with no person beside them, are not.
 */
function classifyCoordinate(text: string, context: FieldContext): Detection | undefined {
  const tokens = nameTokens(context.name ?? '');
  const word = tokens.find((t) => COORDINATE_WORDS.has(t)) ?? (COORDINATE_WORDS.has(tokens.join('')) ? tokens.join('') : undefined);
  if (word === undefined || !COORDINATE_VALUE.test(text) || text.split(/[,;]/).some((n) => Math.abs(Number(n)) > 180)) return undefined;
  if (inPersonRecord(context)) return { category: 'geoCoordinate', confidence: 0.85, source: 'name', reason: `"${word}" of a person's record or address` };
  const parent = nameTokens(context.parentName ?? '').join('');
  if (POSITION_PARENTS.has(parent)) return { category: 'geoCoordinate', confidence: 0.6, source: 'name', reason: `"${word}" of a position that may be a person's` };
  return undefined;
}

/**
 * Classifies one leaf. Returns undefined for values that are not personal
 * data. Numbers are only judged by name: a JSON number is far more often an
 * ID or amount than a phone number.
 */
export function classifyField(value: string | number, context: FieldContext): Detection | undefined {
  const text = String(value).trim();
  // Empty values and placeholders that repeat the field's own name (`"name": "name"`) hold no one's data.
  if (text === '' || text.toLowerCase() === context.name?.toLowerCase()) return undefined;
  const coordinate = classifyCoordinate(text, context);
  if (coordinate) return coordinate;
  const verdict = context.name === undefined ? undefined : classifyName(context.name);
  if (verdict?.kind === 'category' && valueFitsNameCategory(verdict.category, text)) return byName(verdict.category, verdict.word);
  if (verdict?.kind === 'contextualName' && typeof value === 'string' && PERSON_NAME.test(text)) {
    if (isPersonContext(context.name) || isPersonContext(context.parentName)) {
      return { category: 'fullName', confidence: 0.8, source: 'name', reason: `"${verdict.word}" of a person-like record` };
    }
    if (hasPersonSibling(context)) {
      return { category: 'fullName', confidence: 0.7, source: 'name', reason: `"${verdict.word}" next to contact fields` };
    }
    // `fullName`, `cardholderName`: the name itself speaks of a person, even on a record with no contact fields.
    if (SELF_PERSONAL_NAME_WORDS.has(verdict.word)) {
      return { category: 'fullName', confidence: 0.75, source: 'name', reason: `"${verdict.word}" names a person` };
    }
  }
  return typeof value === 'string' ? classifyValue(text, context) : undefined;
}
