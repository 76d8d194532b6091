/**
 * The fields of one side of the mapping (its schema file, else its first
 * sample), read through the backend's `importSchema` once per file.
 */
import { useEffect, useState } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';
import type { StudioApi } from '../../../electron/contract/studio-api';

/** The file a side's fields come from (relative to the project), if any. */
export function fieldsFileOf(doc: MappingDocument | undefined, side: 'source' | 'target'): string | undefined {
  const endpoint = doc?.[side];
  if (!endpoint) return undefined;
  if (endpoint.schema && 'file' in endpoint.schema) return endpoint.schema.file;
  return endpoint.samples[0];
}

/** What {@link useFieldRows} gives. */
export interface FieldRows {
  rows?: SchemaFieldRow[];
  error?: CodedErrorData;
  /** The schema had more fields than the backend sends. */
  truncated?: boolean;
}

/** Loads the field rows of `file` next to `projectPath` (undefined: nothing to load). */
export function useFieldRows(api: Pick<StudioApi, 'importSchema'> | undefined, projectPath: string | undefined, file: string | undefined): FieldRows {
  const [state, setState] = useState<FieldRows & { key?: string }>({});
  const key = projectPath && file ? `${projectPath}\n${file}` : undefined;
  useEffect(() => {
    if (!api || !projectPath || !file) return;
    let live = true;
    void api.importSchema({ projectPath, file }).then((result) => {
      if (!live) return;
      setState(result.ok ? { key: `${projectPath}\n${file}`, rows: result.value.fields, truncated: result.value.truncated } : { key: `${projectPath}\n${file}`, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, projectPath, file]);
  return state.key === key && key !== undefined ? state : {};
}
