/**
 * `importMappingSheet`: a source-to-target spreadsheet (XLSX or CSV) read
 * through the file-access register and imported as draft rules for the
 * studio's document (mapping-engine/sheet-import). The rules go back to the
 * renderer, which adds them as one undoable edit; nothing is written here.
 */
import { basename } from 'node:path';
import { ruleSchema } from '../../../mapping-engine/document/document-schema';
import { readXlsxSheet } from '../../../mapping-engine/node/export/xlsx-import';
import { importSheet, SPEC_COLUMNS, type SheetColumns } from '../../../mapping-engine/sheet-import/import-sheet';
import { readCsvSheet, type SheetTable } from '../../../mapping-engine/sheet-import/sheet-table';
import { loadTargetSchema } from '../../../mapping-engine/validate/load-target';
import type { ImportSheetResult } from '../../contract/methods/draft-methods';
import { checkedResolver, compileInContext, readBounded, type EngineContext } from './engine-context';

/** Largest sheet read (a mapping sheet is small). */
const MAX_SHEET_BYTES = 20 * 1024 * 1024;

/** Columns guessed from the headers: a Mapwright spec's, else the first header naming each part. */
export function guessColumns(headers: readonly string[]): SheetColumns | undefined {
  const find = (re: RegExp) => headers.find((h) => re.test(h));
  const target = headers.includes(SPEC_COLUMNS.target) ? SPEC_COLUMNS.target : find(/target|ziel|destination/i);
  const sources = headers.includes(SPEC_COLUMNS.sources) ? SPEC_COLUMNS.sources : find(/source|quelle|origin/i);
  if (target === undefined || sources === undefined) return undefined;
  const ruleText = headers.includes('Transform') ? 'Transform' : find(/rule|transform|logic|regel/i);
  const notes = find(/^notes?$|comment|bemerkung/i);
  // A Mapwright spec's machine-readable columns: the rule as JSON, and its JSONata (read back when the JSON is not there).
  const jsonata = headers.includes(SPEC_COLUMNS.jsonata!) ? SPEC_COLUMNS.jsonata : undefined;
  const rule = headers.includes(SPEC_COLUMNS.rule!) ? SPEC_COLUMNS.rule : undefined;
  return { target, sources, ...(ruleText ? { ruleText } : {}), ...(notes ? { notes } : {}), ...(jsonata ? { jsonata } : {}), ...(rule ? { rule } : {}) };
}

/** Imports the sheet at `request.file` for the document `request.text`. */
export async function importMappingSheet(context: EngineContext, request: { projectPath: string; text: string; file: string; columns?: SheetColumns }): Promise<ImportSheetResult> {
  const { project, projectFile } = await compileInContext(context, request.text, request.projectPath);
  const path = await context.access.checkRead(request.file, request.projectPath);
  const shown = basename(request.file);
  const bytes = await readBounded(path, shown, MAX_SHEET_BYTES);
  const table: SheetTable = /\.xlsx$/i.test(path) ? await readXlsxSheet(bytes, shown) : readCsvSheet(bytes, shown);
  const columns = request.columns ?? guessColumns(table.headers);
  if (!columns) return { headers: table.headers, rules: [], unresolved: [] };
  const doc = project.document;
  const resolver = checkedResolver(context.access, projectFile);
  const [source, target] = await Promise.all([loadTargetSchema({ ...doc, target: doc.source }, projectFile, resolver), loadTargetSchema(doc, projectFile, resolver)]);
  const result = importSheet(doc, table, columns, { ...(source?.schema ? { sourceRoot: source.schema.root } : {}), ...(target?.schema ? { targetRoot: target.schema.root } : {}) });
  // Each rule with its defaults filled in (transforms, policy), as the document will hold it.
  const rules = result.edits.flatMap((e) => (e.kind === 'addRule' ? [ruleSchema.parse(e.rule)] : []));
  return { headers: table.headers, columns, rules, unresolved: result.unresolved };
}
