/**
 * Splits field names in any naming style into lower-case ASCII tokens:
 * `firstName`, `first_name`, `first-name`, `FirstName`, `FIRST_NAME`,
 * `cbc:FirstName`, `@firstName` and `Straße` all compare the same way.
 */

/** Lower-case tokens of a field name; diacritics dropped, `ß` as `ss`, XML prefixes and `@` ignored. */
export function nameTokens(name: string): string[] {
  const local = name.replace(/^@/, '').replace(/^[\w.-]*:/, '');
  const ascii = local.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
  // Acronym runs end before a capital that starts a word: "IBANNumber" -> IBAN Number.
  const spaced = ascii
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])/g, '$1 $2');
  return spaced
    .split(/[^A-Za-z0-9]+/)
    .filter((t) => t !== '')
    .map((t) => t.toLowerCase());
}

/**
 * Every contiguous run of tokens joined without separators, longest first, so
 * that `e_mail`, `eMail` and `email` all yield `email` and a dictionary of
 * joined words can be matched whatever the style.
 */
export function tokenRuns(tokens: readonly string[]): string[] {
  const runs: string[] = [];
  for (let length = tokens.length; length >= 1; length--) {
    for (let start = 0; start + length <= tokens.length; start++) runs.push(tokens.slice(start, start + length).join(''));
  }
  return runs;
}
