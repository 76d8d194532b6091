/**
 * Finds where a JSON path (`['rules', 3, 'target']`) sits in a document's
 * text, so a DOC_INVALID error can name a line and column like every other
 * coded error. The text has already parsed as JSON, so this scanner only
 * has to skip values, never to report syntax.
 */

const WS = /\s/;

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.test(text[i]!)) i++;
  return i;
}

/** End offset of the string starting at `i` (on its opening quote). */
function stringEnd(text: string, i: number): number {
  i++;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** End offset of the value starting at `i`. */
function valueEnd(text: string, i: number): number {
  const ch = text[i];
  if (ch === '"') return stringEnd(text, i);
  if (ch !== '{' && ch !== '[') {
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    if (c === '}' || c === ']') depth--;
    i++;
    if (depth === 0) return i;
  }
  return i;
}

/** Offset of the member value named `key` in the object at `i`, or -1. */
function memberOffset(text: string, i: number, key: string): number {
  i = skipWs(text, i + 1);
  while (i < text.length && text[i] === '"') {
    const end = stringEnd(text, i);
    const name = JSON.parse(text.slice(i, end)) as string;
    i = skipWs(text, skipWs(text, end) + 1);
    if (name === key) return i;
    i = skipWs(text, valueEnd(text, i));
    if (text[i] === ',') i = skipWs(text, i + 1);
  }
  return -1;
}

/** Offset of item `index` of the array at `i`, or -1. */
function itemOffset(text: string, i: number, index: number): number {
  i = skipWs(text, i + 1);
  for (let n = 0; i < text.length && text[i] !== ']'; n++) {
    if (n === index) return i;
    i = skipWs(text, valueEnd(text, i));
    if (text[i] === ',') i = skipWs(text, i + 1);
  }
  return -1;
}

/**
 * Offset in `text` of the deepest part of `path` that exists: a missing
 * member points at the object that should hold it.
 */
export function locatePath(text: string, path: ReadonlyArray<PropertyKey>): number {
  let at = skipWs(text, 0);
  for (const step of path) {
    const next = text[at] === '{' ? memberOffset(text, at, String(step)) : text[at] === '[' && typeof step === 'number' ? itemOffset(text, at, step) : -1;
    if (next < 0) return at;
    at = next;
  }
  return at;
}
