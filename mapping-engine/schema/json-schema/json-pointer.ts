/**
 * JSON Pointers (RFC 6901) as they appear in `$ref` fragments: `~1` is `/`,
 * `~0` is `~`, and a fragment is URI-encoded first (`%25` -> `%`).
 */

/**
 * Splits a pointer (`/definitions/a~1b`, with or without a leading `#`) into
 * unescaped segments. Returns undefined when the text is not a pointer
 * (an anchor name, or broken %-escapes).
 */
export function parsePointer(pointer: string): string[] | undefined {
  let text = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  try {
    text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  if (text === '') return [];
  if (!text.startsWith('/')) return undefined;
  return text
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Formats segments as a URI fragment pointer: `['definitions', 'a/b']` -> `#/definitions/a~1b`. */
export function formatPointer(segments: readonly string[]): string {
  if (segments.length === 0) return '#';
  return `#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** Walks `segments` down from `root`; undefined when a segment does not exist. */
export function evaluatePointer(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = current[segment];
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
