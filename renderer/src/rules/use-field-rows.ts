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

/**
 * The schema root a side names (an XSD global element, an OpenAPI component
 * or operation, a JSON pointer), if any: the fields are those under it.
 */
export function fieldsRootOf(doc: MappingDocument | undefined, side: 'source' | 'target'): string | undefined {
  const schema = doc?.[side]?.schema;
  return schema && 'file' in schema ? schema.root : undefined;
}

/** What {@link useFieldRows} gives. */
export interface FieldRows {
  rows?: SchemaFieldRow[];
  error?: CodedErrorData;
  /** The schema had more fields than the backend sends. */
  truncated?: boolean;
}

/**
 * Loads the field rows of `file` next to `projectPath` (undefined: nothing to
 * load), under the schema's `root` when the side names one (see {@link fieldsRootOf}).
 */
export function useFieldRows(api: Pick<StudioApi, 'importSchema'> | undefined, projectPath: string | undefined, file: string | undefined, root?: string): FieldRows {
  const [state, setState] = useState<FieldRows & { key?: string }>({});
  const key = projectPath && file ? [projectPath, file, root ?? ''].join('\n') : undefined;
  useEffect(() => {
    if (!api || !projectPath || !file || !key) return;
    let live = true;
    void api.importSchema({ projectPath, file, ...(root ? { root } : {}) }).then((result) => {
      if (!live) return;
      setState(result.ok ? { key, rows: result.value.fields, truncated: result.value.truncated } : { key, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, projectPath, file, root, key]);
  return state.key === key && key !== undefined ? state : {};
}
