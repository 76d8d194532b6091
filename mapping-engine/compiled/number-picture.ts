/**
 * `$formatNumber(value, picture, options)` of jsonata 2.2.2 for the compiled
 * engine: the picture is read once when the program is compiled
 * ({@link numberPicture}: prefix and suffix text, percent, per-mille,
 * exponent, optional `#` digits, grouping, a negative sub-picture after `;`),
 * and each value is written by {@link formatNumber} in the same steps and
 * with the same float arithmetic as jsonata, including where jsonata departs
 * from the XPath rules it follows (it reads a picture's positions with the
 * quirks noted below, and those pictures must give what jsonata gives).
 * A picture jsonata rejects (D3080-D3093) gives undefined, so the document
 * runs through jsonata and raises jsonata's error. Options are only the two
 * separators the transform sets; every other property keeps jsonata's default.
 */
import { Bail, round } from './runtime';

function bail(reason: string): never {
  throw new Bail(reason);
}

/** One sub-picture as jsonata's analysis leaves it (F&O 4.7.4 variables). */
export interface PictureHalf {
  prefix: string;
  suffix: string;
  /** Grouping positions counted from the decimal point, and their common interval (0 when uneven). */
  intGroups: number[];
  regular: number;
  /** Grouping positions in the fraction, from the decimal point. */
  fracGroups: number[];
  minInt: number;
  /** Integer digits of the mantissa when written with an exponent. */
  scaling: number;
  minFrac: number;
  maxFrac: number;
  /** Digits of the exponent; 0 without one. */
  minExp: number;
  /** The value is multiplied by 100 (`%` in the sub-picture) or 1000 (`‰`). */
  multiplier: number;
  /** The sub-picture has the decimal separator (else the written separator is cut again). */
  decimal: boolean;
}

/** A picture read for {@link formatNumber}: the positive and the negative sub-picture, and the separators. */
export interface NumberPicture {
  decimal: string;
  grouping: string;
  positive: PictureHalf;
  negative: PictureHalf;
}

const DIGITS = '0123456789';
const OPTIONAL = '#';
const EXPONENT = 'e';
const PERCENT = '%';
const PER_MILLE = '\u2030';
const SUB_PICTURES = ';';
/** Longest fraction `toFixed` writes. */
const MAX_FRACTION = 100;

const isDigit = (ch: string): boolean => ch.length === 1 && DIGITS.includes(ch);
const count = (text: string, test: (ch: string) => boolean): number => [...text].filter(test).length;

/** The parts of one sub-picture (jsonata's `splitParts`). */
interface Parts {
  text: string;
  prefix: string;
  suffix: string;
  active: string;
  mantissa: string;
  exponent: string | undefined;
  integer: string;
  fraction: string;
}

function splitParts(text: string, isActive: (ch: string) => boolean, decimal: string): Parts {
  // Prefix and suffix end at the first and last active character other than the exponent's `e`, so words around the number keep their e's.
  const marks = [...text].map((ch) => isActive(ch) && ch !== EXPONENT);
  const first = marks.indexOf(true);
  const last = marks.lastIndexOf(true);
  const prefix = first === -1 ? '' : text.slice(0, first);
  const suffix = last === -1 ? '' : text.slice(last + 1);
  const active = text.substring(prefix.length, text.length - suffix.length);
  // Quirk: the exponent is found in the whole sub-picture but cut from the active part at that same index.
  const at = text.indexOf(EXPONENT, prefix.length);
  const hasExponent = at !== -1 && at <= text.length - suffix.length;
  const mantissa = hasExponent ? active.substring(0, at) : active;
  const exponent = hasExponent ? active.substring(at + 1) : undefined;
  const point = mantissa.indexOf(decimal);
  // Quirk: without a decimal separator the fraction is read from the suffix.
  const integer = point === -1 ? mantissa : mantissa.substring(0, point);
  const fraction = point === -1 ? suffix : mantissa.substring(point + 1);
  return { text, prefix, suffix, active, mantissa, exponent, integer, fraction };
}

/** Whether jsonata rejects the sub-picture (F&O 4.7.3, errors D3081-D3093). */
function rejected(p: Parts, isActive: (ch: string) => boolean, decimal: string, grouping: string): boolean {
  const t = p.text;
  const once = (ch: string): boolean => t.indexOf(ch) === t.lastIndexOf(ch);
  const point = t.indexOf(decimal);
  if (!once(decimal) || !once(PERCENT) || !once(PER_MILLE) || (t.includes(PERCENT) && t.includes(PER_MILLE))) return true;
  if (![...p.mantissa].some((ch) => isDigit(ch) || ch === OPTIONAL)) return true;
  if (![...p.active].every(isActive)) return true;
  if (point !== -1 ? t.charAt(point - 1) === grouping || t.charAt(point + 1) === grouping : p.integer.endsWith(grouping)) return true;
  if (t.includes(grouping + grouping)) return true;
  const optional = p.integer.indexOf(OPTIONAL);
  if (optional !== -1 && count(p.integer.substring(0, optional), isDigit) > 0) return true;
  const lastOptional = p.fraction.lastIndexOf(OPTIONAL);
  if (lastOptional !== -1 && count(p.fraction.substring(lastOptional), isDigit) > 0) return true;
  if (p.exponent !== undefined) {
    if (p.exponent.length > 0 && (t.includes(PERCENT) || t.includes(PER_MILLE))) return true;
    if (p.exponent.length === 0 || count(p.exponent, (ch) => !isDigit(ch)) > 0) return true;
  }
  return false;
}

/** Positions of the grouping separators in `part`: digits to their right, or (`toLeft`) to their left. */
function groupingPositions(p: Parts, part: string, toLeft: boolean, grouping: string): number[] {
  const positions: number[] = [];
  let at = part.indexOf(grouping);
  while (at !== -1) {
    positions.push(count(toLeft ? part.substring(0, at) : part.substring(at), (ch) => isDigit(ch) || ch === OPTIONAL));
    // Quirk: the next separator is looked for in the integer part, whichever part is read.
    at = p.integer.indexOf(grouping, at + 1);
  }
  return positions;
}

/** The common interval of grouping positions when every multiple of it up to their count is one of them; else 0. */
function regularInterval(positions: number[]): number {
  if (positions.length === 0) return 0;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const factor = positions.reduce(gcd);
  for (let i = 1; i <= positions.length; i++) if (!positions.includes(i * factor)) return 0;
  return factor;
}

function analyse(p: Parts, grouping: string): PictureHalf {
  const intGroups = groupingPositions(p, p.integer, false, grouping);
  let minInt = count(p.integer, isDigit);
  const scaling = minInt;
  let minFrac = count(p.fraction, isDigit);
  let maxFrac = count(p.fraction, (ch) => isDigit(ch) || ch === OPTIONAL);
  const hasExponent = p.exponent !== undefined;
  if (minInt === 0 && maxFrac === 0) {
    if (hasExponent) {
      minFrac = 1;
      maxFrac = 1;
    } else minInt = 1;
  }
  if (hasExponent && minInt === 0 && p.integer.includes(OPTIONAL)) minInt = 1;
  if (minInt === 0 && minFrac === 0) minFrac = 1;
  return {
    prefix: p.prefix,
    suffix: p.suffix,
    intGroups,
    regular: regularInterval(intGroups),
    fracGroups: groupingPositions(p, p.fraction, true, grouping),
    minInt,
    scaling,
    minFrac,
    maxFrac,
    minExp: hasExponent ? count(p.exponent!, isDigit) : 0,
    multiplier: p.text.includes(PERCENT) ? 100 : p.text.includes(PER_MILLE) ? 1000 : 1,
    decimal: false,
  };
}

/**
 * `picture` with the options `decimal` and `grouping` read as jsonata reads
 * it, or undefined when jsonata rejects it or the separators are ones this
 * engine does not take (the same character twice, or a character with a
 * meaning of its own in a picture).
 */
export function numberPicture(picture: string, decimal = '.', grouping = ','): NumberPicture | undefined {
  if (decimal.length !== 1 || grouping.length !== 1 || decimal === grouping) return undefined;
  if ([decimal, grouping].some((ch) => isDigit(ch) || [OPTIONAL, EXPONENT, PERCENT, PER_MILLE, SUB_PICTURES, '-'].includes(ch))) return undefined;
  const texts = picture.split(SUB_PICTURES);
  if (texts.length > 2) return undefined;
  const isActive = (ch: string): boolean => isDigit(ch) || ch === decimal || ch === EXPONENT || ch === grouping || ch === OPTIONAL || ch === SUB_PICTURES;
  const parts = texts.map((text) => splitParts(text, isActive, decimal));
  if (parts.some((p) => rejected(p, isActive, decimal, grouping))) return undefined;
  const halves = parts.map((p) => ({ ...analyse(p, grouping), decimal: p.text.includes(decimal) }));
  if (halves.some((h) => h.maxFrac > MAX_FRACTION || h.minExp > MAX_FRACTION)) return undefined;
  const positive = halves[0]!;
  // Without a negative sub-picture, a negative number is the positive one after a minus sign.
  const negative = halves[1] ?? { ...positive, prefix: `-${positive.prefix}` };
  return { decimal, grouping, positive, negative };
}

/** Inserts `text` into `s` before index `at` (negative counts from the end, as `slice` does). */
function insert(s: string, at: number, text: string): string {
  return s.slice(0, at) + text + s.slice(at);
}

/** `$formatNumber(value, picture, options)` for a picture {@link numberPicture} read. */
export function formatNumber(value: unknown, np: NumberPicture): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return bail('number text of a non-number');
  const pic = value >= 0 ? np.positive : np.negative;
  const adjusted = pic.multiplier === 1 ? value : value * pic.multiplier;
  let mantissa = adjusted;
  let exponent: number | undefined;
  if (pic.minExp !== 0) {
    // mantissa * 10^exponent = adjusted, with `scaling` integer digits in the mantissa (zero stays zero).
    const most = Math.pow(10, pic.scaling);
    const least = Math.pow(10, pic.scaling - 1);
    exponent = 0;
    if (mantissa !== 0) {
      while (Math.abs(mantissa) < least) {
        mantissa *= 10;
        exponent -= 1;
      }
      while (Math.abs(mantissa) > most) {
        mantissa /= 10;
        exponent += 1;
      }
    }
  }
  const rounded = round(mantissa, pic.maxFrac)!;
  // toFixed writes 1e21 and more with an exponent of its own.
  if (Math.abs(rounded) >= 1e21) return bail('number text of a very large number');
  let s = Math.abs(rounded).toFixed(pic.maxFrac);
  s = s.includes('.') ? s.replace('.', () => np.decimal) : s + np.decimal;
  s = s.replace(/^0+/, '').replace(/0+$/, '');
  let point = s.indexOf(np.decimal);
  const padLeft = pic.minInt - point;
  const padRight = pic.minFrac - (s.length - point - 1);
  if (padLeft > 0) s = '0'.repeat(padLeft) + s;
  if (padRight > 0) s += '0'.repeat(padRight);
  point = s.indexOf(np.decimal);
  if (pic.regular > 0) {
    const groups = Math.floor((point - 1) / pic.regular);
    for (let g = 1; g <= groups; g++) s = insert(s, point - g * pic.regular, np.grouping);
  } else {
    for (const pos of pic.intGroups) {
      s = insert(s, point - pos, np.grouping);
      point++;
    }
  }
  point = s.indexOf(np.decimal);
  for (const pos of pic.fracGroups) s = insert(s, pos + point + 1, np.grouping);
  point = s.indexOf(np.decimal);
  // Quirk: without a decimal separator in the sub-picture the last character is cut, whatever it is.
  if (!pic.decimal || point === s.length - 1) s = s.substring(0, s.length - 1);
  if (exponent !== undefined) {
    let digits = Math.abs(exponent).toFixed(0);
    if (digits.length < pic.minExp) digits = '0'.repeat(pic.minExp - digits.length) + digits;
    s += `${EXPONENT}${exponent < 0 ? '-' : ''}${digits}`;
  }
  return pic.prefix + s + pic.suffix;
}
