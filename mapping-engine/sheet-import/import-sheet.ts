/**
 * Imports a source-to-target mapping sheet as a draft: each row whose target
 * field and source fields exist becomes a direct-copy rule, its rule text
 * and notes kept as the rule's notes; every other row is listed as
 * unresolved with the reason. A spec exported by Mapwright (CSV or XLSX
 * "Fields" sheet) imports back to the same rules: its "Rule (JSON)" column
 * holds each rule's transforms, policy and default (spec/rule-json.ts), and
 * without it the JSONata column is read back by the reverse compiler (see
 * jsonata-cell.ts), so transforms come back as transforms, not only as notes.
 */
import type { MappingDocument, MappingRule } from '../document/document-schema';
import type { DocumentEdit } from '../document/edits/edit-types';
import { checkSourceForm, checkTarget, pathKey, scopeOf } from '../document/edits/edit-paths';
import { levelsUp } from '../compiler/source-paths';
import { isMapwrightError, MapwrightError } from '../errors';
import { findField, type SchemaField } from '../schema/model';
import { splitPath } from '../transforms/jsonata-text';
import { describeChain } from '../spec/describe-transform';
import { ruleFromJson } from '../spec/rule-json';
import { ruleFromJsonata } from './jsonata-cell';
import type { SheetTable } from './sheet-table';

/** Which columns hold what (header names as written, matched without regard to case and spaces). */
export interface SheetColumns {
  target: string;
  sources: string;
  ruleText?: string;
  notes?: string;
  /** The rule's JSONata as a Mapwright spec writes it: read back into the exact rule when it is. */
  jsonata?: string;
  /** The rule's transforms, policy and default as JSON, as a Mapwright spec writes them (read first). */
  rule?: string;
}

/** The columns of a Mapwright spec export. */
export const SPEC_COLUMNS: SheetColumns = { target: 'Target field', sources: 'Source fields', ruleText: 'Transform', notes: 'Notes', jsonata: 'JSONata', rule: 'Rule (JSON)' };

/** A row that did not become a rule. */
export interface UnresolvedRow {
  /** 1-based row in the sheet (the header is row 1). */
  row: number;
  target: string;
  sources: string[];
  reason: string;
}

/** What an import gives. */
export interface SheetImport {
  /** `addRule` edits, for `applyEdit` as one batch (one undo step). */
  edits: DocumentEdit[];
  /** Row numbers that became rules. */
  imported: number[];
  unresolved: UnresolvedRow[];
}

/** What {@link importSheet} checks the fields against. */
export interface ImportSchemas {
  sourceRoot?: SchemaField;
  targetRoot?: SchemaField;
}

const norm = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, '');

function columnIndex(table: SheetTable, name: string | undefined, required: boolean): number | undefined {
  if (name === undefined) return undefined;
  const i = table.headers.findIndex((h) => norm(h) === norm(name));
  if (i < 0 && required) throw new MapwrightError('IMPORT_SHEET', `the sheet has no column "${name}"`, { expected: `one of its columns: ${table.headers.filter((h) => h !== '').join(', ')}` });
  return i < 0 ? undefined : i;
}

/** Source paths of a cell: one a line, or separated by commas outside backticks. */
export function splitSources(cell: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of cell) {
    if (ch === '`') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === '\n' || ch === ';')) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The absolute names of a context's source read inside `stack` (the enclosing contexts' names, the root first). */
function contextNames(source: string, stack: readonly string[][]): string[] | undefined {
  if (source.startsWith('$')) return undefined;
  if (source === '.') return stack[stack.length - 1];
  if (source.startsWith('/')) return splitPath(source.slice(1));
  const up = levelsUp(source);
  const outer = stack[stack.length - 1 - up];
  return outer ? [...outer, ...splitPath(source.slice(up * 3))] : undefined;
}

/** The absolute names a source path reads at `target` (through the document's array contexts), or undefined when it cannot be told. */
function sourceNames(doc: MappingDocument, target: string, source: string): string[] | undefined {
  if (source.startsWith('$')) return undefined;
  if (source.startsWith('/')) return splitPath(source.slice(1));
  const stack: string[][] = [[]];
  for (const context of scopeOf(doc, target).contexts) {
    const names = contextNames(context.source, stack);
    if (!names) return undefined;
    stack.push(names);
  }
  const up = levelsUp(source);
  const outer = stack[stack.length - 1 - up];
  if (!outer) return undefined;
  const rest = source.slice(up * 3);
  return rest === '.' ? outer : [...outer, ...splitPath(rest)];
}

function problemOf(doc: MappingDocument, schemas: ImportSchemas, target: string, sources: readonly string[], taken: ReadonlySet<string>, computed = false): string | undefined {
  let canonical: string;
  try {
    canonical = checkTarget(target, 'target field');
    for (const s of sources) checkSourceForm(s, `source ${s}`);
  } catch (error) {
    if (isMapwrightError(error)) return error.message;
    throw error;
  }
  if (sources.length === 0 && !computed) return 'no source field (a constant, a computed value or not mapped yet)';
  if (taken.has(pathKey(canonical))) return 'the target field is mapped already';
  if (schemas.targetRoot && !findField(schemas.targetRoot, splitPath(canonical))) return 'the target schema has no such field';
  if (schemas.sourceRoot) {
    for (const s of sources) {
      const names = sourceNames(doc, canonical, s);
      // The CSV rows of a source are its root's items: a column is a field of the root's item.
      if (names && !findField(schemas.sourceRoot, names)) return `the source has no field ${s}`;
    }
  }
  return undefined;
}

/**
 * The rule a row holds exactly: its rule JSON, else its JSONata read back; or
 * undefined (no such cells, a target the document cannot place, text outside
 * the emitted subset).
 */
function exactRule(doc: MappingDocument, target: string, cells: { json: string; jsonata: string }, words: string, sources: readonly string[]): MappingRule | undefined {
  let canonical: string;
  try {
    canonical = checkTarget(target, 'target field');
  } catch {
    return undefined;
  }
  return ruleFromJson(cells.json, canonical, sources) ?? ruleFromJsonata(doc, canonical, cells.jsonata.trim(), words, sources);
}

/** `rule` with the row's notes, and its rule text too when it says something other than what the rule does (a person edited it). */
function withNotes(rule: MappingRule, notes: string, ruleText: string): MappingRule {
  const said = ruleText === '' || ruleText === describeChain(rule.transforms, rule.sources.length, rule.target) ? [] : [ruleText];
  const words = [...said, notes].filter((w) => w !== '');
  return words.length > 0 ? { ...rule, notes: words.join('\n') } : rule;
}

/** A direct copy, its rule text and notes kept as the rule's notes. */
function copyRule(target: string, sources: string[], texts: string[]): { target: string; sources: string[]; notes?: string } {
  const words = texts.filter((w) => w !== '' && w !== 'copy unchanged');
  return { target, sources, ...(words.length > 0 ? { notes: words.join('\n') } : {}) };
}

/**
 * Imports `table` into `doc` with `columns`.
 * @throws MapwrightError `IMPORT_SHEET` when a chosen column is not in the sheet
 */
export function importSheet(doc: MappingDocument, table: SheetTable, columns: SheetColumns = SPEC_COLUMNS, schemas: ImportSchemas = {}): SheetImport {
  const t = columnIndex(table, columns.target, true)!;
  const s = columnIndex(table, columns.sources, true)!;
  const r = columnIndex(table, columns.ruleText, false);
  const n = columnIndex(table, columns.notes, false);
  const j = columnIndex(table, columns.jsonata, false);
  const k = columnIndex(table, columns.rule, false);
  const taken = new Set(doc.rules.map((rule) => pathKey(rule.target)));
  const result: SheetImport = { edits: [], imported: [], unresolved: [] };
  table.rows.forEach((row, i) => {
    const target = (row[t] ?? '').trim();
    if (target === '') return;
    const ruleText = r === undefined ? '' : (row[r] ?? '').trim();
    const notes = n === undefined ? '' : (row[n] ?? '').trim();
    const spelled = splitSources(row[s] ?? '');
    const exact = exactRule(doc, target, { json: k === undefined ? '' : (row[k] ?? ''), jsonata: j === undefined ? '' : (row[j] ?? '') }, ruleText, spelled);
    const sources = exact?.sources ?? spelled;
    const problem = problemOf(doc, schemas, target, sources, taken, exact !== undefined && exact.transforms.length > 0);
    if (problem) {
      result.unresolved.push({ row: i + 2, target, sources, reason: problem });
      return;
    }
    const canonical = checkTarget(target, 'target field');
    taken.add(pathKey(canonical));
    result.edits.push({ kind: 'addRule', rule: exact ? withNotes({ ...exact, target: canonical }, notes, ruleText) : copyRule(canonical, sources, [ruleText, notes]) });
    result.imported.push(i + 2);
  });
  return result;
}
