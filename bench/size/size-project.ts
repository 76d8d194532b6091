/**
 * Projects at the size real ERP and e-invoicing mappings reach: a JSON Schema
 * source and target of about 2,500 fields each (twelve groups at the top, one
 * of them a single wide object, and four arrays of items with nested parts)
 * and 250 to 2,000 rules, half at the top and an eighth in each of the four
 * array contexts. Source values arrive as text where the target wants a
 * number, boolean or ISO date, so the rules coerce types and the run on the
 * generated sample is clean (no error, no schema violation).
 *
 * Deterministic: the same `rules` gives the same files, and each size's rules
 * include the smaller size's, so the sizes differ only in how much is mapped.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The kinds of field, in the order they repeat along a group. */
const KINDS = ['text', 'amount', 'flag', 'date', 'count'] as const;
type Kind = (typeof KINDS)[number];

/** The four array contexts: source array, target array, and the nested parts of an item. */
export const SIZE_ARRAYS = [
  { source: 'lineItems', target: 'lines' },
  { source: 'parties', target: 'partners' },
  { source: 'charges', target: 'allowances' },
  { source: 'taxBreakdown', target: 'taxes' },
] as const;

/** Field counts: top-level groups of the source and the target, and of one array item (flat part, then two nested parts). */
const SOURCE_GROUPS = Array.from({ length: 12 }, () => 100);
const TARGET_GROUPS = [600, 150, 150, 100, 100, 100];
const ITEM_FLAT = 125;
const ITEM_PART = 100;
/** Fields one array item holds. */
const ITEM_FIELDS = ITEM_FLAT + 2 * ITEM_PART;
/** Items of each array in the generated sample. */
const SAMPLE_ITEMS = 3;

/** The source payload the project runs on, relative to its folder (`sample.json` is the studio's sample manifest). */
export const SIZE_SAMPLE = 'source/document.json';

/** Rule counts the size benchmark measures. */
export const SIZE_RULE_COUNTS = [250, 500, 1_000, 2_000] as const;

/** One leaf field: its path below its root (the document or an array item) and its kind. */
interface Leaf {
  path: string[];
  kind: Kind;
}

/** The leaves of groups of the given sizes, named `<prefix><group>.<kind><n>`; kind by position so source and target agree. */
function groupLeaves(prefix: string, sizes: number[]): Leaf[] {
  const leaves: Leaf[] = [];
  let n = 0;
  sizes.forEach((size, group) => {
    for (let i = 0; i < size; i += 1, n += 1) leaves.push({ path: [`${prefix}${String(group).padStart(2, '0')}`, `${KINDS[n % KINDS.length]!}${n}`], kind: KINDS[n % KINDS.length]! });
  });
  return leaves;
}

/** The leaves of one array item: flat fields, then the two nested parts. */
function itemLeaves(side: 'source' | 'target'): Leaf[] {
  const parts = side === 'source' ? ['detail', 'extra'] : ['info', 'more'];
  const leaves: Leaf[] = [];
  for (let n = 0; n < ITEM_FIELDS; n += 1) {
    const kind = KINDS[n % KINDS.length]!;
    const name = `${kind}${n}`;
    leaves.push({ path: n < ITEM_FLAT ? [name] : [parts[Math.floor((n - ITEM_FLAT) / ITEM_PART)]!, name], kind });
  }
  return leaves;
}

const SOURCE_TYPE: Record<Kind, Record<string, unknown>> = {
  text: { type: 'string', maxLength: 60 },
  amount: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' },
  flag: { type: 'string', enum: ['Y', 'N'] },
  date: { type: 'string', pattern: '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$' },
  count: { type: 'integer' },
};
const TARGET_TYPE: Record<Kind, Record<string, unknown>> = {
  text: { type: 'string', maxLength: 60 },
  amount: { type: 'number' },
  flag: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  count: { type: 'integer', minimum: 0 },
};

/** The rule's transforms that turn a source value of `kind` into the target's type. */
function coercion(kind: Kind): Array<Record<string, unknown>> {
  switch (kind) {
    case 'text':
      return [{ kind: 'trim' }];
    case 'amount':
      return [{ kind: 'parseNumber' }];
    case 'flag':
      return [{ kind: 'parseBoolean', trueValues: ['Y'], falseValues: ['N'] }];
    case 'date':
      return [{ kind: 'date', from: 'dd.MM.yyyy', to: 'yyyy-MM-dd' }];
    case 'count':
      return [];
  }
}

/** A JSON Schema object of `leaves` (nested by their paths). */
function schemaOf(leaves: Leaf[], types: Record<Kind, Record<string, unknown>>): Record<string, unknown> {
  const root: Record<string, unknown> = { type: 'object', properties: {} };
  for (const leaf of leaves) {
    let node = root;
    leaf.path.slice(0, -1).forEach((name) => {
      const properties = node.properties as Record<string, Record<string, unknown>>;
      node = properties[name] ??= { type: 'object', properties: {} };
    });
    (node.properties as Record<string, unknown>)[leaf.path[leaf.path.length - 1]!] = types[leaf.kind];
  }
  return root;
}

/** A sample value of `kind` for position `n` (fits the source schema and coerces cleanly). */
function sampleValue(kind: Kind, n: number): unknown {
  const two = (v: number) => String(v).padStart(2, '0');
  switch (kind) {
    case 'text':
      return ` Text ${n} `;
    case 'amount':
      return `${n}.${two(n % 100)}`;
    case 'flag':
      return n % 2 === 0 ? 'Y' : 'N';
    case 'date':
      return `${two(1 + (n % 28))}.${two(1 + (n % 12))}.${2000 + (n % 30)}`;
    case 'count':
      return n;
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const name of path.slice(0, -1)) node = (node[name] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/** The first `count` indices of 0..length-1 in a fixed scattered order (a seeded shuffle), so sizes nest. */
function chosen(length: number, count: number, seed: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  let state = seed;
  for (let i = length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, Math.min(count, length)).sort((a, b) => a - b);
}

/** A generated project's files, by path relative to its folder. */
export interface SizeProject {
  /** The project file's name within the folder. */
  projectFile: string;
  files: Record<string, string>;
  /** Fields of the source and of the target schema (leaves, arrays' item fields counted once). */
  sourceFields: number;
  targetFields: number;
}

/**
 * The project with `rules` rules (250 to 2,000; the top holds at most 1,200
 * and each array 325). A tenth of the rules are required (`error`), as real
 * mappings mark their key fields.
 */
export function generateSizeProject(rules: number): SizeProject {
  const sourceTop = groupLeaves('section', SOURCE_GROUPS);
  const targetTop = groupLeaves('block', TARGET_GROUPS);
  const sourceItem = itemLeaves('source');
  const targetItem = itemLeaves('target');
  const docRules: Array<Record<string, unknown>> = [];
  const rule = (target: string, source: string, kind: Kind, n: number) =>
    docRules.push({ target, sources: [source], transforms: coercion(kind), ...(n % 10 === 0 ? { required: 'error' } : {}) });
  // Top-level leaves pair by position: the n-th source and target leaves share a kind.
  const perArray = Math.floor(rules / 8);
  for (const n of chosen(targetTop.length, rules - SIZE_ARRAYS.length * perArray, 7)) rule(targetTop[n]!.path.join('.'), sourceTop[n]!.path.join('.'), targetTop[n]!.kind, n);
  SIZE_ARRAYS.forEach((array, a) => {
    for (const n of chosen(ITEM_FIELDS, perArray, 11 + a)) rule(`${array.target}.${targetItem[n]!.path.join('.')}`, sourceItem[n]!.path.join('.'), targetItem[n]!.kind, n);
  });

  const withArrays = (top: Leaf[], item: Leaf[], side: 'source' | 'target') => {
    const schema = schemaOf(top, side === 'source' ? SOURCE_TYPE : TARGET_TYPE);
    for (const array of SIZE_ARRAYS) {
      (schema.properties as Record<string, unknown>)[array[side]] = { type: 'array', items: schemaOf(item, side === 'source' ? SOURCE_TYPE : TARGET_TYPE) };
    }
    return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: `Generated ${side} of ${top.length + SIZE_ARRAYS.length * item.length} fields`, ...schema };
  };
  const sample: Record<string, unknown> = {};
  sourceTop.forEach((leaf, n) => setPath(sample, leaf.path, sampleValue(leaf.kind, n)));
  for (const array of SIZE_ARRAYS) {
    sample[array.source] = Array.from({ length: SAMPLE_ITEMS }, (_, item) => {
      const value: Record<string, unknown> = {};
      sourceItem.forEach((leaf, n) => setPath(value, leaf.path, sampleValue(leaf.kind, n + item)));
      return value;
    });
  }
  const projectFile = `size-${rules}.mapwright.json`;
  const document = {
    formatVersion: 1,
    name: `Generated ERP document, ${rules} rules`,
    description: 'Generated by bench/size/size-project.ts: JSON Schema source and target of about 2,500 fields each, four array contexts, types coerced.',
    source: { format: 'json', schema: { file: 'source/source.schema.json' }, samples: [SIZE_SAMPLE] },
    target: { format: 'json', schema: { file: 'target/target.schema.json' }, samples: [] },
    recordKey: 'section00.text0',
    arrays: SIZE_ARRAYS.map((array) => ({ target: array.target, source: array.source, recordKey: 'text0' })),
    rules: docRules,
  };
  return {
    projectFile,
    files: {
      [projectFile]: `${JSON.stringify(document, null, 2)}\n`,
      'source/source.schema.json': `${JSON.stringify(withArrays(sourceTop, sourceItem, 'source'), null, 2)}\n`,
      'target/target.schema.json': `${JSON.stringify(withArrays(targetTop, targetItem, 'target'), null, 2)}\n`,
      [SIZE_SAMPLE]: `${JSON.stringify(sample, null, 2)}\n`,
    },
    sourceFields: sourceTop.length + SIZE_ARRAYS.length * sourceItem.length,
    targetFields: targetTop.length + SIZE_ARRAYS.length * targetItem.length,
  };
}

/**
 * Writes the project with `rules` rules into `dir`, with the sample manifest
 * that lets `npm run web -- --samples <parent of dir>` offer it; resolves with
 * the project file's path.
 */
export async function writeSizeProject(dir: string, rules: number): Promise<string> {
  const project = generateSizeProject(rules);
  const manifest = {
    id: basename(dir),
    name: `Generated ERP document (${rules} rules)`,
    description: 'JSON Schema source and target of 2,500 fields each, four array contexts (bench/size/size-project.ts).',
    sourceFormat: 'json',
    targetFormat: 'json',
    source: SIZE_SAMPLE,
    target: 'target/target.schema.json',
    project: project.projectFile,
  };
  for (const [name, text] of Object.entries({ ...project.files, 'sample.json': `${JSON.stringify(manifest, null, 2)}\n` })) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return join(dir, project.projectFile);
}
