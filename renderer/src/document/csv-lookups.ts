/**
 * The entries of a document's CSV lookup tables, read through the backend's
 * paged payload preview (the renderer never opens files). The compiler binds
 * a table's entries into the expression, so the renderer needs them to
 * compile on its own; they are read once per file and columns and kept.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { TableContents } from '../../../mapping-engine/compiler/lookup-table';
import { tableFromCsv, type FileTableDeclaration } from '../../../mapping-engine/compiler/table-file';
import { isMapwrightError } from '../../../mapping-engine/errors';
import type { StudioApi, StudioResult } from '../../../electron/contract/studio-api';

/** A CSV lookup table of a document: a code table (key and value column), a table of rows (key column) or of constants (neither). */
export interface CsvTableRef {
  name: string;
  table: FileTableDeclaration;
}

/** Rows read per page (the contract's maximum). */
const PAGE_SIZE = 500;
/** Pages read at most: a lookup table of more than 50,000 rows is refused rather than shipped into the expression. */
const MAX_PAGES = 100;

/** The CSV tables of `doc`, by name. */
export function csvTablesOf(doc: MappingDocument | undefined): CsvTableRef[] {
  if (!doc) return [];
  return Object.entries(doc.lookups).flatMap(([name, table]) => ('file' in table ? [{ name, table }] : []));
}

/** Identifies what a table's contents depend on (a renamed table keeps them). */
export function csvTableKey(ref: CsvTableRef): string {
  const { table } = ref;
  return JSON.stringify([table.file, 'keyColumn' in table ? table.keyColumn : null, 'valueColumn' in table ? table.valueColumn : null]);
}

/** Parsed rows of a CSV file next to the project, page by page. */
export async function readCsvRows(
  api: Pick<StudioApi, 'readPayloadPreview'>,
  projectPath: string,
  file: string,
  maxPages = MAX_PAGES,
): Promise<StudioResult<Array<Record<string, unknown>>>> {
  const rows: Array<Record<string, unknown>> = [];
  for (let page = 0; page < maxPages; page++) {
    const result = await api.readPayloadPreview({ projectPath, file, format: 'csv', page, pageSize: PAGE_SIZE });
    if (!result.ok) return result;
    for (const record of result.value.records) {
      if (record.truncated) return { ok: false, error: { code: 'LIMIT_EXCEEDED', message: `row ${record.index + 1} of ${file} is too long for a lookup table`, file } };
      rows.push(JSON.parse(record.text) as Record<string, unknown>);
    }
    if (result.value.records.length < PAGE_SIZE || (page + 1) * PAGE_SIZE >= result.value.total) return { ok: true, value: rows };
  }
  return { ok: false, error: { code: 'LIMIT_EXCEEDED', message: `${file} has more than ${maxPages * PAGE_SIZE} rows`, file, expected: 'a smaller lookup table' } };
}

/** The contents of one CSV table (entries, rows or constants), checked as the engine host checks them. */
export async function loadCsvTable(api: Pick<StudioApi, 'readPayloadPreview'>, projectPath: string, ref: CsvTableRef): Promise<StudioResult<TableContents>> {
  const rows = await readCsvRows(api, projectPath, ref.table.file);
  if (!rows.ok) return rows;
  try {
    // The pages carry no line numbers: a row is named by the line it has in a file without blank or multi-line rows.
    return { ok: true, value: tableFromCsv(ref.name, ref.table, { rows: rows.value }, ref.table.file) };
  } catch (error) {
    const data: CodedErrorData = isMapwrightError(error) ? error.toJSON() : { code: 'DOC_INVALID', message: String(error) };
    return { ok: false, error: data };
  }
}
