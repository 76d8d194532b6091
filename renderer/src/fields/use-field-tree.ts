/**
 * A side's field tree for the canvas, loaded a level at a time through the
 * backend's `schemaChildren` (from the side's schema, else its first
 * sample): the first levels at once, the fields under a field when the user
 * opens it, and a shared XSD type's fields once for every place it occurs.
 * UBL Invoice (tens of thousands of fields) opens with a few hundred rows.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';
import type { StudioApi } from '../../../electron/contract/studio-api';
import { fieldsFileOf } from '../rules/use-field-rows';
import { buildFieldTree, fieldId, type FieldNode, type FieldTree } from './field-tree-model';
import { emptyLazyRows, flattenKnown, knownChildren, mergeAnswer, type LazyRows } from './lazy-rows';

/** Levels and rows asked for at first, and when a field is opened. */
const FIRST = { levels: 4, limit: 3000 };
const OPEN = { levels: 2, limit: 2000 };

/** What {@link useFieldTree} gives. */
export interface SideTree {
  /** Undefined while loading or when the side has nothing to read fields from. */
  tree?: FieldTree;
  /** The file the fields come from. */
  file?: string;
  error?: CodedErrorData;
  /** A level had more fields than the backend sends. */
  truncated: boolean;
  /** Loads the fields under `node` if they are not known yet. */
  open: (node: FieldNode) => void;
  /** Brings the fields whose name contains `text` from the whole schema (also levels not opened yet). */
  search: (text: string) => void;
  /** What the last search of the whole schema found (undefined before one). */
  searched?: { text: string; matches: number; complete: boolean };
}

interface Loaded {
  key: string;
  known: LazyRows;
  error?: CodedErrorData;
  truncated: boolean;
  searched?: SideTree['searched'];
}

/** The schema root a side names (an XSD global element, an OpenAPI component...). */
function rootOf(doc: MappingDocument | undefined, side: 'source' | 'target'): string | undefined {
  const schema = doc?.[side].schema;
  return schema && 'root' in schema ? schema.root : undefined;
}

/** Loads and builds the tree of `side`; `expanded` decides where a shared type's known fields are listed. */
export function useFieldTree(api: Pick<StudioApi, 'schemaChildren' | 'schemaSearch'>, projectPath: string | undefined, doc: MappingDocument | undefined, side: 'source' | 'target', expanded: ReadonlySet<string>): SideTree {
  const file = fieldsFileOf(doc, side);
  const root = rootOf(doc, side);
  const key = projectPath && file ? [projectPath, file, root ?? ''].join('\n') : undefined;
  const [loaded, setLoaded] = useState<Loaded>();
  const pending = useRef(new Set<string>());

  useEffect(() => {
    if (!key || !projectPath || !file) return;
    let live = true;
    pending.current = new Set();
    void api.schemaChildren({ projectPath, file, ...(root ? { root } : {}), parent: [], ...FIRST }).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { key, known: mergeAnswer(emptyLazyRows(), [], result.value.rows), truncated: result.value.truncated } : { key, known: emptyLazyRows(), error: result.error, truncated: false });
    });
    return () => {
      live = false;
    };
  }, [api, key, projectPath, file, root]);

  const current = loaded?.key === key ? loaded : undefined;
  const open = useCallback(
    (node: FieldNode) => {
      if (!current || !key || !projectPath || !file || !node.hasChildren || knownChildren(current.known, node.id, node.typeRef) || pending.current.has(node.id)) return;
      pending.current.add(node.id);
      void api.schemaChildren({ projectPath, file, ...(root ? { root } : {}), parent: node.names, ...OPEN }).then((result) => {
        pending.current.delete(node.id);
        setLoaded((old) => {
          if (old?.key !== key) return old;
          if (!result.ok) return { ...old, error: result.error };
          return { ...old, known: mergeAnswer(old.known, node.names, result.value.rows, node.typeRef), truncated: old.truncated || result.value.truncated };
        });
      });
    },
    [api, current, key, projectPath, file, root],
  );

  const search = useCallback(
    (text: string) => {
      if (!key || !projectPath || !file) return;
      void api.schemaSearch({ projectPath, file, ...(root ? { root } : {}), text }).then((result) => {
        setLoaded((old) => {
          if (old?.key !== key) return old;
          if (!result.ok) return { ...old, error: result.error };
          // Levels already known stay as they are (their rows may carry deeper answers).
          let known = old.known;
          for (const level of result.value.levels) {
            if (!known.children.has(fieldId(level.parent))) known = mergeAnswer(known, level.parent, level.rows, level.parentType);
          }
          return { ...old, known, searched: { text, matches: result.value.matches, complete: result.value.complete } };
        });
      });
    },
    [api, key, projectPath, file, root],
  );

  const tree = useMemo(() => (current?.known.children.has('') ? buildFieldTree(flattenKnown(current.known, expanded)) : undefined), [current, expanded]);
  return { ...(tree ? { tree } : {}), ...(file ? { file } : {}), ...(current?.error ? { error: current.error } : {}), truncated: current?.truncated === true, open, search, ...(current?.searched ? { searched: current.searched } : {}) };
}
