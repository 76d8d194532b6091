/**
 * Keeps the JSONata editor's source-path completions on the open project's
 * source fields (its schema, else its first sample), read through the
 * backend as the rules view reads them.
 */
import { useEffect } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { fieldsFileOf, fieldsRootOf, useFieldRows } from '../rules/use-field-rows';
import { completionPathOf, setCompletionSources } from './completion-sources';

/** Publishes the source paths of `document` to the editor's completion. */
export function useCompletionSources(api: Pick<StudioApi, 'importSchema'> | undefined, projectPath: string | undefined, document: MappingDocument | undefined): void {
  const { rows } = useFieldRows(api, projectPath, fieldsFileOf(document, 'source'), fieldsRootOf(document, 'source'));
  useEffect(() => {
    setCompletionSources(rows ? [...new Set(rows.map((r) => completionPathOf(r.path)))] : []);
  }, [rows]);
}
