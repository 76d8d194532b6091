/**
 * How auto-map compares two field names: tokens in any naming style
 * (`postal_code`, `PostalCode`, `cbc:PostalCode`), abbreviations expanded,
 * plurals folded, then whole-name synonyms and token overlap. Each outcome
 * carries the words a reviewer reads as the reason.
 */
import { nameTokens } from '../masking/field-name-tokens';
import { ABBREVIATIONS, NAME_GROUPS, NAME_SYNONYMS, TOKEN_GROUPS } from './vocabulary';

/** A name taken apart for comparison. */
export interface NormalName {
  /** The name as written (`first_name`). */
  raw: string;
  /** Lower-case tokens, abbreviations expanded, plurals folded (`['first', 'name']`). */
  tokens: string[];
  /** Tokens joined (`firstname`). */
  joined: string;
}

/** The singular of a token, for the plurals field names use (`lines`, `addresses`, `categories`). */
export function singular(token: string): string {
  if (token.length <= 3 || token.endsWith('ss') || token.endsWith('us') || token.endsWith('is')) return token;
  if (token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s')) return token.slice(0, -1);
  return token;
}

/** Normalises a field name (XML prefixes, `@` and `#text` ignored). */
export function normaliseName(raw: string): NormalName {
  const tokens = nameTokens(raw === '#text' ? '' : raw).map((t) => singular(ABBREVIATIONS[t] ?? t));
  return { raw, tokens, joined: tokens.join('') };
}

/** How two names compare, with the words of the reason. */
export interface NameMatch {
  /** 0..1: 1 the same name, 0.9 synonyms, less for overlapping words. */
  score: number;
  reason: string;
}

function shareGroup(a: ReadonlySet<number> | undefined, b: ReadonlySet<number> | undefined): number | undefined {
  if (!a || !b) return undefined;
  for (const g of a) if (b.has(g)) return g;
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  return a === b || shareGroup(TOKEN_GROUPS.get(a), TOKEN_GROUPS.get(b)) !== undefined || shareGroup(NAME_GROUPS.get(a), NAME_GROUPS.get(b)) !== undefined;
}

const GENERIC = new Set(['number', 'id', 'identifier', 'code', 'key', 'type', 'value', 'text', 'date', 'name']);

function meaningful(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !GENERIC.has(t));
}

/** True when some word of `a` matches some word of `b` (synonyms included). */
export function sharesWord(a: NormalName, b: NormalName): boolean {
  return a.tokens.some((t) => b.tokens.some((u) => sameToken(t, u)));
}

/** Tokens of `a` that have a match in `b`. */
function matched(a: readonly string[], b: readonly string[]): number {
  return a.filter((t) => b.some((u) => sameToken(t, u))).length;
}

/**
 * Compares two names. Whole-name equality after normalising beats a synonym
 * group, which beats word overlap (Dice coefficient of matching tokens).
 */
export function compareNames(a: NormalName, b: NormalName): NameMatch {
  if (a.joined === '' || b.joined === '') return { score: 0, reason: '' };
  if (a.joined === b.joined) return { score: 1, reason: a.raw === b.raw ? 'same name' : `same name after normalising (${b.raw} ≈ ${a.raw})` };
  const group = shareGroup(NAME_GROUPS.get(a.joined), NAME_GROUPS.get(b.joined));
  if (group !== undefined) return { score: 0.9, reason: `synonyms: ${b.raw} ≈ ${a.raw} (${NAME_SYNONYMS[group]![0]})` };
  const overlap = (matched(a.tokens, b.tokens) + matched(b.tokens, a.tokens)) / (a.tokens.length + b.tokens.length);
  // Words such as id, number or code say what kind of value a field holds, not which one: alone they prove nothing.
  if (overlap === 0 || matched(meaningful(a.tokens), b.tokens) === 0) return { score: 0, reason: '' };
  return { score: 0.8 * overlap, reason: overlap === 1 ? `same words: ${b.raw} ≈ ${a.raw}` : `similar names: ${b.raw} ~ ${a.raw}` };
}
