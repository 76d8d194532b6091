/**
 * The one way the spec writes a field path, in every table of every format:
 * as the mapping document writes a rule's target or source, names joined by
 * `.`, a name JSONata cannot read bare in backticks (`` `Zahlungs-Nr` ``,
 * `` Amt.InstdAmt.`#text` ``), and no array marks or indexes. Paths from
 * elsewhere are brought into it: the masker's report (`[].Lieferant`,
 * `order.line_items[].title`), a test case's expected error field
 * (`PmtInf[].CdtTrfTxInf[].Amt.InstdAmt.#text`) and the differences of a
 * failed case (`lines[2].total`). Markdown and HTML show a path as code, CSV
 * and XLSX as the plain cell text; the text is the same.
 */
import { quoteName } from '../transforms/jsonata-text';

/**
 * The names of a path written with or without array marks: a name in
 * backticks is taken as it is, `[]` and `[2]` after a name (or a leading
 * `[]`, the rows of a CSV) are dropped; undefined when a backtick is left open.
 */
export function looseNames(path: string): string[] | undefined {
  const names: string[] = [];
  let i = 0;
  while (i < path.length) {
    let name: string;
    if (path[i] === '`') {
      const end = path.indexOf('`', i + 1);
      if (end < 0) return undefined;
      name = path.slice(i + 1, end);
      i = end + 1;
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      name = path.slice(i, end);
      i = end;
    }
    // Array marks and indexes after the name.
    while (path[i] === '[') {
      const close = path.indexOf(']', i);
      if (close < 0 || !/^\d*$/.test(path.slice(i + 1, close))) return undefined;
      i = close + 1;
    }
    if (name !== '' || path[i - 1] === '`') names.push(name);
    if (i < path.length && path[i] !== '.') return undefined;
    i++;
  }
  return names;
}

/** A field path as the spec writes it (see the module comment); a path it cannot read is kept as it is. */
export function specPath(path: string): string {
  const names = looseNames(path);
  return names && names.length > 0 ? specPathOf(names) : path;
}

/** The spec's path of a field given by its names. */
export function specPathOf(names: readonly string[]): string {
  return names.map(quoteName).join('.');
}
