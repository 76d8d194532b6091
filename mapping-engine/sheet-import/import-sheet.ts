/**
 * Imports a source-to-target mapping sheet as a draft: each row whose target
 * field and source fields exist becomes a direct-copy rule, its rule text
 * and notes kept as the rule's notes; every other row is listed as
 * unresolved with the reason. A spec exported by Mapwright (CSV or XLSX
 * "Fields" sheet) imports back to the same targets and sources.
 */
import type { MappingDocument } from '../document/document-schema';
import type { DocumentEdit } from '../document/edits/edit-types';
import { checkSourceForm, checkTarget, pathKey, scopeOf } from '../document/edits/edit-paths';
import { levelsUp } from '../compiler/source-paths';
import { isMapwrightError, MapwrightError } from '../errors';
import { findField, type SchemaField } from '../schema/model';
import { splitPath } from '../transforms/jsonata-text';
import type { SheetTable } from './sheet-table';

/** Which columns hold what (header names as written, matched without regard to case and spaces). */
export interface SheetColumns {
  target: string;
  sources: string;
  ruleText?: string;
  notes?: string;
}

/** The columns of a Mapwright spec export. */
export const SPEC_COLUMNS: SheetColumns = { target: 'Target field', sources: 'Source fields', ruleText: 'Transform', notes: 'Notes' };

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

function problemOf(doc: MappingDocument, schemas: ImportSchemas, target: string, sources: readonly string[], taken: ReadonlySet<string>): string | undefined {
  let canonical: string;
  try {
    canonical = checkTarget(target, 'target field');
    for (const s of sources) checkSourceForm(s, `source ${s}`);
  } catch (error) {
    if (isMapwrightError(error)) return error.message;
    throw error;
  }
  if (sources.length === 0) return 'no source field (a constant, a computed value or not mapped yet)';
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
 * Imports `table` into `doc` with `columns`.
 * @throws MapwrightError `IMPORT_SHEET` when a chosen column is not in the sheet
 */
export function importSheet(doc: MappingDocument, table: SheetTable, columns: SheetColumns = SPEC_COLUMNS, schemas: ImportSchemas = {}): SheetImport {
  const t = columnIndex(table, columns.target, true)!;
  const s = columnIndex(table, columns.sources, true)!;
  const r = columnIndex(table, columns.ruleText, false);
  const n = columnIndex(table, columns.notes, false);
  const taken = new Set(doc.rules.map((rule) => pathKey(rule.target)));
  const result: SheetImport = { edits: [], imported: [], unresolved: [] };
  table.rows.forEach((row, i) => {
    const target = (row[t] ?? '').trim();
    if (target === '') return;
    const sources = splitSources(row[s] ?? '');
    const problem = problemOf(doc, schemas, target, sources, taken);
    if (problem) {
      result.unresolved.push({ row: i + 2, target, sources, reason: problem });
      return;
    }
    const words = [r === undefined ? '' : (row[r] ?? '').trim(), n === undefined ? '' : (row[n] ?? '').trim()].filter((w) => w !== '' && w !== 'copy unchanged');
    const canonical = checkTarget(target, 'target field');
    taken.add(pathKey(canonical));
    result.edits.push({ kind: 'addRule', rule: { target: canonical, sources, ...(words.length > 0 ? { notes: words.join('\n') } : {}) } });
    result.imported.push(i + 2);
  });
  return result;
}
