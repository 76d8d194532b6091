/**
 * Loads a project file and compiles it, reading its CSV lookup tables
 * through a {@link SourceResolver} (the engine never opens files itself).
 * This is what `mapwright compile`, the studio and the test runner share.
 */
import { isMapwrightError, MapwrightError } from '../errors';
import { resolveDocumentPath } from '../document/document-paths';
import { loadDocument, type LoadedDocument } from '../document/load-document';
import type { MappingDocument } from '../document/document-schema';
import { readCsv } from '../payload/csv-read';
import type { SourceResolver } from '../schema/resolver';
import { compileDocument, type CompiledMapping } from './compile-document';
import type { FileTables } from './lookup-table';
import { checkFileTableColumns, csvTableInput, tableFromCsv } from './table-file';

/** A loaded project and its compiled expression. */
export interface CompiledProject extends LoadedDocument {
  compiled: CompiledMapping;
  /** Contents of the CSV lookup tables, as read (entries, rows or constants; see table-file.ts). */
  tables: FileTables;
}

/**
 * Reads the CSV lookup tables of `doc` (stored at `projectFile`) and checks
 * the columns its rules read from them.
 * @throws MapwrightError `FILE_READ`, `CSV_PARSE`, `LOOKUP_COLUMN_MISSING`, `LOOKUP_EMPTY`, `LOOKUP_DUPLICATE_KEY`
 */
export async function readLookupTables(doc: MappingDocument, projectFile: string, resolver: SourceResolver): Promise<FileTables> {
  const tables: FileTables = {};
  for (const [name, table] of Object.entries(doc.lookups).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!('file' in table)) continue;
    const location = resolveDocumentPath(projectFile, table.file);
    let bytes: Uint8Array | string;
    try {
      bytes = await resolver.read(location);
    } catch (error) {
      if (isMapwrightError(error)) throw error;
      throw new MapwrightError('FILE_READ', `cannot read lookup table ${name}`, { file: location, cause: error });
    }
    const read = readCsv(bytes, { file: location });
    tables[name] = tableFromCsv(name, table, csvTableInput(read.value, read.meta), location);
    try {
      checkFileTableColumns({ lookups: { [name]: table }, rules: doc.rules }, tables);
    } catch (error) {
      // Named by the file as the resolver found it, at its header row.
      throw isMapwrightError(error) ? error.withFile(location) : error;
    }
  }
  return tables;
}

/** Loads `text` (the project file at `projectFile`), reads its lookup tables and compiles it. */
export async function compileProject(text: string, projectFile: string, resolver: SourceResolver): Promise<CompiledProject> {
  const loaded = loadDocument(text, projectFile);
  const tables = await readLookupTables(loaded.document, projectFile, resolver);
  return { ...loaded, tables, compiled: compileDocument(loaded.document, { tables }) };
}
