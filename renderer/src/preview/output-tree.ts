/**
 * The preview's output as a tree of nodes the view folds, for JSON and XML
 * outputs, and as rows for CSV. Every leaf carries its path (JSONata style:
 * `lines[2].total`, the same spelling as the tests' differences) so a click
 * can ask where it came from, and whether its value changed since the last
 * run (compared by path).
 */

/** One node of the output tree. */
export interface OutputNode {
  /** Path from the root, `contacts[0].value`; `''` for the root. */
  path: string;
  /** The label shown: a field name, `[2]` for an array element, `<tag>` for XML. */
  label: string;
  kind: 'object' | 'array' | 'value';
  /** The value as shown (leaves only). */
  text?: string;
  children?: OutputNode[];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `parent.name` (backticks around a name that is not an identifier, as in JSONata). */
export function childPath(parent: string, name: string): string {
  const part = IDENTIFIER.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
  return parent === '' ? part : `${parent}.${part}`;
}

/** The tree of a JSON value. */
export function jsonTree(value: unknown, path = '', label = '(root)'): OutputNode {
  if (Array.isArray(value)) {
    return { path, label, kind: 'array', children: value.map((item, i) => jsonTree(item, `${path}[${i}]`, `[${i}]`)) };
  }
  if (typeof value === 'object' && value !== null) {
    return { path, label, kind: 'object', children: Object.entries(value).map(([key, item]) => jsonTree(item, childPath(path, key), key)) };
  }
  return { path, label, kind: 'value', text: JSON.stringify(value) ?? 'undefined' };
}

/** Every leaf's path and shown value. */
export function leafValues(node: OutputNode, out: Map<string, string> = new Map()): Map<string, string> {
  if (node.kind === 'value') out.set(node.path, node.text ?? '');
  for (const child of node.children ?? []) leafValues(child, out);
  return out;
}

/** Paths whose value differs from `previous` (new paths count as changed; nothing changed on the first run). */
export function changedPaths(current: ReadonlyMap<string, string>, previous: ReadonlyMap<string, string> | undefined): Set<string> {
  const changed = new Set<string>();
  if (!previous) return changed;
  for (const [path, text] of current) if (previous.get(path) !== text) changed.add(path);
  return changed;
}

/** Paths of the containers above each changed leaf, so a folded branch shows that something inside changed. */
export function changedBranches(root: OutputNode, changed: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const visit = (node: OutputNode): boolean => {
    let inside = false;
    for (const child of node.children ?? []) if (visit(child)) inside = true;
    if (inside) out.add(node.path);
    return inside || changed.has(node.path);
  };
  visit(root);
  return out;
}

/** A CSV output split into a header and rows (RFC 4180 quoting); undefined when it is not a table. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === ';' || ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * The tree of CSV rows as the mapping produced them: `[i].column` paths
 * (the output value is an array of records), so lineage and change marks
 * work the same as for JSON.
 */
export function csvTree(rows: string[][]): OutputNode {
  const [header = [], ...body] = rows;
  return {
    path: '',
    label: '(rows)',
    kind: 'array',
    children: body.map((cells, i) => ({
      path: `[${i}]`,
      label: `[${i}]`,
      kind: 'object' as const,
      children: header.map((name, c) => ({ path: childPath(`[${i}]`, name), label: name, kind: 'value' as const, text: cells[c] ?? '' })),
    })),
  };
}
