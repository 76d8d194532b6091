/**
 * The open document compiled in the renderer, on every change of it. CSV
 * lookup tables are read once through the backend (per file and columns)
 * and kept; until they arrive the result is undefined and the studio falls
 * back to the backend's compile.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FileTables, TableContents } from '../../../mapping-engine/compiler/lookup-table';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { CompileResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi, StudioResult } from '../../../electron/contract/studio-api';
import { compileInRenderer } from './compile-in-renderer';
import { csvTableKey, csvTablesOf, loadCsvTable } from './csv-lookups';
import { setFileTables } from './file-tables';

/** Entries (or the error) of CSV tables, by {@link csvTableKey}. */
type TableCache = Record<string, StudioResult<TableContents>>;

/**
 * Compiles `document` here. Undefined while CSV tables are being read (or
 * there is no project file to read them next to).
 */
export function useLocalCompile(
  api: Pick<StudioApi, 'readPayloadPreview'> | undefined,
  projectPath: string | undefined,
  document: MappingDocument | undefined,
  loadError: CodedErrorData | undefined,
  readOnly: boolean,
): StudioResult<CompileResult> | undefined {
  const [cache, setCache] = useState<{ project?: string; tables: TableCache }>({ tables: {} });
  const refs = useMemo(() => csvTablesOf(document), [document]);
  const wanted = refs.map(csvTableKey).join('\n');

  useEffect(() => {
    if (!api || !projectPath) return;
    const missing = refs.filter((ref) => cache.project !== projectPath || !(csvTableKey(ref) in cache.tables));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing.map(async (ref) => [csvTableKey(ref), await loadCsvTable(api, projectPath, ref)] as const)).then((loaded) => {
      if (!live) return;
      setCache((current) => ({ project: projectPath, tables: { ...(current.project === projectPath ? current.tables : {}), ...Object.fromEntries(loaded) } }));
    });
    return () => {
      live = false;
    };
    // `wanted` stands for `refs` (a new array on every document).
  }, [api, projectPath, wanted, cache]);

  // The tables read so far, for forms that offer a file table's columns (file-tables.ts).
  const read = useMemo(() => {
    const tables: FileTables = {};
    for (const ref of refs) {
      const entry = cache.project === projectPath ? cache.tables[csvTableKey(ref)] : undefined;
      if (entry?.ok) tables[ref.name] = entry.value;
    }
    return tables;
  }, [refs, cache, projectPath]);
  useEffect(() => setFileTables(read), [read]);

  return useMemo(() => {
    if (!document) return loadError ? { ok: false, error: loadError } : undefined;
    const tables: FileTables = {};
    for (const ref of refs) {
      const entry = cache.project === projectPath ? cache.tables[csvTableKey(ref)] : undefined;
      if (!entry) return undefined;
      if (!entry.ok) return entry;
      tables[ref.name] = entry.value;
    }
    return compileInRenderer(document, tables, readOnly);
  }, [document, loadError, refs, cache, projectPath, readOnly]);
}
