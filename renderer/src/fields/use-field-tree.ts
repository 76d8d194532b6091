/**
 * A side's field tree for the canvas: the rows the backend's `importSchema`
 * sends for the side's schema (else its first sample), loaded once per file
 * by the rules view's hook, built into a {@link FieldTree} once per load.
 */
import { useMemo } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { fieldsFileOf, useFieldRows } from '../rules/use-field-rows';
import { buildFieldTree, type FieldTree } from './field-tree-model';

/** What {@link useFieldTree} gives. */
export interface SideTree {
  /** Undefined while loading or when the side has nothing to read fields from. */
  tree?: FieldTree;
  /** The file the fields come from. */
  file?: string;
  error?: CodedErrorData;
  /** The schema had more fields than the backend sends. */
  truncated: boolean;
}

/** Loads and builds the tree of `side`. */
export function useFieldTree(api: Pick<StudioApi, 'importSchema'>, projectPath: string | undefined, doc: MappingDocument | undefined, side: 'source' | 'target'): SideTree {
  const file = fieldsFileOf(doc, side);
  const loaded = useFieldRows(api, projectPath, file);
  const tree = useMemo(() => (loaded.rows ? buildFieldTree(loaded.rows) : undefined), [loaded.rows]);
  return { ...(tree ? { tree } : {}), ...(file ? { file } : {}), ...(loaded.error ? { error: loaded.error } : {}), truncated: loaded.truncated === true };
}
