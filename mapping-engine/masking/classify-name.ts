/**
 * Detection by field name: matches a name in any style and language against
 * the dictionary, and decides whether a bare `name` belongs to a person.
 */
import { nameTokens } from './field-name-tokens';
import { CONTEXTUAL_NAME_WORDS, NAME_DICTIONARY, NEGATIVE_NAME_WORDS, PERSON_CONTEXT_WORDS } from './name-dictionary';
import type { MaskCategory } from './types';

const TRAILING_NOISE = new Set(['details', 'detail', 'info', 'information', 'data', 'record']);
const QUALIFIERS = new Set(['full', 'display', 'legal', 'complete', 'real', 'contact', 'given']);

/** What a field name says about its value. */
export type NameVerdict = { kind: 'category'; category: MaskCategory; word: string } | { kind: 'contextualName'; word: string };

/** Finds the longest dictionary run in the tokens; undefined when none or when a negative word follows it. */
function longestRun(tokens: string[]): { word: string; start: number; end: number; category?: MaskCategory; contextual: boolean } | undefined {
  for (let length = tokens.length; length >= 1; length--) {
    for (let start = 0; start + length <= tokens.length; start++) {
      const word = tokens.slice(start, start + length).join('');
      const category = NAME_DICTIONARY.get(word);
      if (category) return { word, start, end: start + length, category, contextual: false };
      if (CONTEXTUAL_NAME_WORDS.has(word)) return { word, start, end: start + length, contextual: true };
    }
  }
  return undefined;
}

/**
 * Classifies a field name. A negative word after the match (`email_id`,
 * `phone_country_code`, `name_hash`) means the field describes the data
 * rather than holding it.
 */
export function classifyName(name: string): NameVerdict | undefined {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return undefined;
  const run = longestRun(tokens);
  if (!run) return undefined;
  if (tokens.slice(run.end).some((t) => NEGATIVE_NAME_WORDS.has(t))) return undefined;
  if (run.contextual) {
    // `customer_name` and `full_name` name a person; `country_name`, `product_name` and `source_name` do not.
    const qualifiers = tokens.filter((_, i) => i < run.start || i >= run.end);
    if (!qualifiers.every((t) => QUALIFIERS.has(t) || PERSON_CONTEXT_WORDS.has(t))) return undefined;
    return { kind: 'contextualName', word: run.word };
  }
  return { kind: 'category', category: run.category!, word: run.word };
}

/**
 * True when a parent's name makes its `name` child a person's name
 * (`customer`, `Dbtr`, `billing_address`, `customer_details`). Only the head
 * word counts: `billing.meter` is a meter, not a person.
 */
export function isPersonContext(parentName: string | undefined): boolean {
  if (parentName === undefined) return false;
  const tokens = nameTokens(parentName);
  while (tokens.length > 1 && TRAILING_NOISE.has(tokens[tokens.length - 1]!)) tokens.pop();
  // Runs ending at the head word; arrays are named in the plural (`customers`), their items are the singular.
  for (let start = 0; start < tokens.length; start++) {
    const run = tokens.slice(start).join('');
    if (PERSON_CONTEXT_WORDS.has(run) || PERSON_CONTEXT_WORDS.has(run.replace(/s$/, ''))) return true;
  }
  return false;
}
