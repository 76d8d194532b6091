/**
 * Small builders for JSONata source text: literals, names and field paths.
 * The compiler and the transforms share them so quoting rules live in one place.
 */

/** JSONata words that cannot be used as bare names. */
const RESERVED = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** A JSONata literal for a JSON scalar (JSON string escapes are valid JSONata). */
export function literal(value: string | number | boolean | null): string {
  return JSON.stringify(value);
}

/** A name usable in a path: bare when it is a plain identifier, else in backticks (`cbc:ID`, `Order Date`). */
export function quoteName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name)) return name;
  // A backtick inside a name cannot be escaped in JSONata; callers validate names first.
  return `\`${name}\``;
}

/**
 * Splits a stored path (`billing.street`, `` `cbc:Order`.`cbc:ID` ``) into its
 * names. A segment in backticks may contain dots.
 */
export function splitPath(path: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '`') {
      const end = path.indexOf('`', i + 1);
      if (end < 0) throw new Error(`unclosed backtick in path "${path}"`);
      names.push(path.slice(i + 1, end));
      i = end + 1;
      if (i < path.length && path[i] !== '.') throw new Error(`expected "." after backtick name in "${path}"`);
      i++;
    } else {
      const end = path.indexOf('.', i);
      const name = path.slice(i, end < 0 ? path.length : end);
      if (name === '') throw new Error(`empty name in path "${path}"`);
      names.push(name);
      i = end < 0 ? path.length : end + 1;
    }
  }
  if (names.length === 0) throw new Error('empty path');
  return names;
}

/** JSONata text of a stored path, each name quoted as needed. */
export function pathExpression(path: string): string {
  return splitPath(path).map(quoteName).join('.');
}

/**
 * A JSONata regex literal that ends where intended and means what `new RegExp(pattern)` means.
 *
 * jsonata's scanner ends a regex at a `/` preceded by an even number of backslashes, but only
 * when its bracket depth is 0; it counts `( [ {` and `) ] }` unless the character before is a
 * backslash. So every unescaped `/` is escaped, an escaped backslash is written `\x5c` (else the
 * bracket after it would not be counted), and brackets inside a character class are escaped
 * (`[(]` would leave the depth at 1). Each rewrite has the same meaning in a non-unicode RegExp.
 */
export function regexLiteral(pattern: string, flags = ''): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      out += next === '\\' ? '\\x5c' : c + next;
      i++;
    } else if (c === '/') {
      out += '\\/';
    } else if (inClass && c !== ']' && '([{)}'.includes(c)) {
      out += `\\${c}`;
    } else {
      if (c === '[' && !inClass) inClass = true;
      else if (c === ']' && inClass) inClass = false;
      out += c;
    }
  }
  return `/${out}/${flags}`;
}

/** Wraps `text` in parentheses unless it is already a simple operand. */
export function operand(text: string): string {
  return /^[$A-Za-z0-9_.`"[\]]+$/.test(text) ? text : `(${text})`;
}
