/**
 * Header names -> object keys. Every column must get a distinct key or
 * values would overwrite each other (nothing may be dropped silently), so
 * duplicates get `_2`, `_3`... and empty names become `column_<position>`.
 */

/**
 * Makes header names unique keys: the first `name` stays, later ones become
 * `name_2`, `name_3` (skipping suffixes another header already uses); an
 * empty or all-blank name becomes `column_<1-based position>`.
 */
export function uniqueHeaders(original: readonly string[]): string[] {
  const bases = original.map((name, index) => (name.trim() === '' ? `column_${index + 1}` : name));
  const taken = new Set<string>();
  const reserved = new Set(bases);
  const next = new Map<string, number>();
  return bases.map((base) => {
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    let n = next.get(base) ?? 2;
    while (taken.has(`${base}_${n}`) || reserved.has(`${base}_${n}`)) n++;
    next.set(base, n + 1);
    const key = `${base}_${n}`;
    taken.add(key);
    return key;
  });
}

/** Keys for a file read without a header row: `column_1`, `column_2`... */
export function positionalHeaders(count: number, from = 0): string[] {
  const keys: string[] = [];
  for (let i = from; i < count; i++) keys.push(`column_${i + 1}`);
  return keys;
}
