/**
 * Structural diff of a test case's expected output against the actual one.
 * It reports the deepest places that differ, so a failing test case says
 * "lines[2].total: expected 12.5, got 12" rather than "objects differ".
 */

/** One difference. `expected` or `actual` is `undefined` when that side lacks the field. */
export interface ValueDifference {
  /** JSONata-style path from the root: `lines[2].total`, `` `Order Date` ``; `$` for the root itself. */
  path: string;
  expected: unknown;
  actual: unknown;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function fieldPath(parent: string, key: string): string {
  // Backticks are how JSONata quotes a name that is not an identifier, so the path can be pasted into an expression.
  const name = IDENTIFIER.test(key) ? key : `\`${key.replace(/`/g, '``')}\``;
  return parent === '' ? name : `${parent}.${name}`;
}

function kindOf(value: unknown): 'array' | 'object' | 'scalar' {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' && value !== null ? 'object' : 'scalar';
}

function sameScalar(a: unknown, b: unknown): boolean {
  // 0 and -0 serialise the same; NaN never reaches here from JSON but compares equal to itself if it does.
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function walk(expected: unknown, actual: unknown, path: string, out: ValueDifference[]): void {
  const kind = kindOf(expected);
  if (kind !== kindOf(actual)) {
    out.push({ path: path || '$', expected, actual });
    return;
  }
  if (kind === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    for (let i = 0; i < Math.max(e.length, a.length); i++) {
      const itemPath = `${path || '$'}[${i}]`;
      if (i >= e.length || i >= a.length) out.push({ path: itemPath, expected: e[i], actual: a[i] });
      else walk(e[i], a[i], itemPath, out);
    }
    return;
  }
  if (kind === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = [...Object.keys(e), ...Object.keys(a).filter((k) => !Object.hasOwn(e, k))];
    for (const key of keys) {
      const inE = Object.hasOwn(e, key) && e[key] !== undefined;
      const inA = Object.hasOwn(a, key) && a[key] !== undefined;
      if (!inE && !inA) continue;
      const keyPath = fieldPath(path, key);
      if (inE !== inA) out.push({ path: keyPath, expected: e[key], actual: a[key] });
      else walk(e[key], a[key], keyPath, out);
    }
    return;
  }
  if (!sameScalar(expected, actual)) out.push({ path: path || '$', expected, actual });
}

/**
 * Lists where `actual` differs from `expected`, deepest first-differing place
 * per branch, in the order of the expected value's keys (then keys only the
 * actual value has). Key order in objects does not matter; array order does.
 * A field holding `undefined` counts as absent, as it does in JSON.
 * An empty list means the two are structurally equal.
 */
export function diffValues(expected: unknown, actual: unknown): ValueDifference[] {
  const out: ValueDifference[] = [];
  walk(expected, actual, '', out);
  return out;
}
