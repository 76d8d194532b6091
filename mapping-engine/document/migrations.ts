/**
 * Migrations from older document versions. Each step takes the raw JSON of
 * version `from` and returns the raw JSON of `from + 1`; validation happens
 * after the last step, so a step only reshapes data.
 */

type Raw = Record<string, unknown>;

/** One migration step. */
export interface Migration {
  from: number;
  /** Reshapes a raw document of version `from` into version `from + 1`. */
  migrate(raw: Raw): Raw;
}

/** The version a raw document claims: `formatVersion`, or 0 for the pre-release `version` key. */
export function versionOf(raw: Raw): unknown {
  if ('formatVersion' in raw) return raw.formatVersion;
  return 'version' in raw ? 0 : undefined;
}

const asArray = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);

/**
 * v0 (the pre-release prototype): `version: 0`, `mappings` with one `source`
 * string each, lookup `tables` as a list, and canvas positions inside each mapping.
 */
const v0ToV1: Migration = {
  from: 0,
  migrate(raw) {
    const { version: _version, mappings, tables, ...rest } = raw;
    const nodes: Record<string, { x: number; y: number }> = {};
    const rules = asArray(mappings).map((m) => {
      const { source, position, ...rule } = m;
      if (position && typeof position === 'object') nodes[String(m.target)] = position as { x: number; y: number };
      return { ...rule, sources: source === undefined ? [] : [source] };
    });
    const lookups: Raw = {};
    for (const t of asArray(tables)) {
      const { name, ...table } = t;
      lookups[String(name)] = table;
    }
    return { formatVersion: 1, ...rest, lookups, rules, layout: { nodes } };
  },
};

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** Applies every step from `version` up to `target`; returns the raw result. */
export function migrate(raw: Raw, version: number, target: number, migrations: readonly Migration[] = MIGRATIONS): Raw {
  let current = raw;
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new Error(`no migration from format version ${v}`);
    current = step.migrate(current);
  }
  return current;
}
