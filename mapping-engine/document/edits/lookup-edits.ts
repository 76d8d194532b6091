/** Edits of lookup tables (addressed by name): set, rename (rules follow), remove (refused while used). */
import { lookupTableSchema, type MappingDocument, type MappingRule } from '../document-schema';
import type { DocumentEdit } from './edit-types';
import { parseOrRefuse, refuse } from './edit-error';
import { TABLE_SOURCE_PREFIX, tableSource } from '../../compiler/lookup-table';

type EditOf<K extends DocumentEdit['kind']> = Extract<DocumentEdit, { kind: K }>;

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || !NAME.test(name)) refuse(`${what} "${String(name)}": a lookup table name is a letter, then letters, digits and _`, what);
  return name;
}

function existing(doc: MappingDocument, name: string): void {
  if (typeof name !== 'string' || !Object.hasOwn(doc.lookups, name)) refuse(`no lookup table named ${String(name)}`, `one of the lookup tables: ${Object.keys(doc.lookups).join(', ') || '(none)'}`);
}

/** Whether `rule` looks a value up in table `name`, or reads a column of it as a `$table.<name>.<column>` source. */
function uses(rule: MappingRule, name: string): boolean {
  return rule.transforms.some((t) => t.kind === 'lookup' && t.table === name) || rule.sources.some((s) => tableSource(s)?.table === name);
}

/** `source` reading table `from` renamed to `to`; any other source unchanged. */
function renamedSource(source: string, from: string, to: string): string {
  return tableSource(source)?.table === from ? `${TABLE_SOURCE_PREFIX}${to}${source.slice(TABLE_SOURCE_PREFIX.length + from.length)}` : source;
}

/** Targets of the rules whose transforms look values up in table `name`. */
export function rulesUsingLookup(doc: MappingDocument, name: string): string[] {
  return doc.rules.filter((r) => uses(r, name)).map((r) => r.target);
}

function setLookup(doc: MappingDocument, edit: EditOf<'setLookup'>): MappingDocument {
  const name = checkName(edit.name, 'lookup table name');
  const table = parseOrRefuse(lookupTableSchema, edit.table, `lookup table ${name}`);
  return { ...doc, lookups: { ...doc.lookups, [name]: table } };
}

function renameLookup(doc: MappingDocument, edit: EditOf<'renameLookup'>): MappingDocument {
  existing(doc, edit.name);
  const newName = checkName(edit.newName, 'new lookup table name');
  if (newName === edit.name) return doc;
  if (Object.hasOwn(doc.lookups, newName)) refuse(`a lookup table named ${newName} already exists`, 'a lookup table name not in use');
  // Rebuilt in the same key order so the table keeps its place in the lookups panel.
  const lookups: MappingDocument['lookups'] = {};
  for (const [key, table] of Object.entries(doc.lookups)) lookups[key === edit.name ? newName : key] = table;
  const rules = doc.rules.map((rule) =>
    uses(rule, edit.name)
      ? {
          ...rule,
          sources: rule.sources.map((s) => renamedSource(s, edit.name, newName)),
          transforms: rule.transforms.map((t) => (t.kind === 'lookup' && t.table === edit.name ? { ...t, table: newName } : t)),
        }
      : rule,
  );
  return { ...doc, lookups, rules };
}

function removeLookup(doc: MappingDocument, edit: EditOf<'removeLookup'>): MappingDocument {
  existing(doc, edit.name);
  const users = rulesUsingLookup(doc, edit.name);
  if (users.length > 0) refuse(`lookup table ${edit.name} is used by rule${users.length === 1 ? '' : 's'} ${users.join(', ')}`, `remove the lookup transforms and table sources of ${users.join(', ')} first`);
  const lookups = { ...doc.lookups };
  delete lookups[edit.name];
  return { ...doc, lookups };
}

/** The lookup table edits, by kind. */
export const LOOKUP_EDITS = {
  setLookup,
  renameLookup,
  removeLookup,
} satisfies { [K in DocumentEdit['kind']]?: (doc: MappingDocument, edit: EditOf<K>) => MappingDocument };
