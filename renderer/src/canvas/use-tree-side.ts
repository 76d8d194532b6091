/**
 * The view state of one tree on the canvas: expansion, search, the active
 * row, the scroll viewport and scroll requests. View state only: none of it
 * is part of the document or its undo history.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ancestorIds, restrictRows, visibleRows, type FieldNode, type FieldTree, type VisibleRows } from '../fields/field-tree-model';

/** One side's view state and its actions. */
export interface TreeSide {
  view: VisibleRows;
  search: string;
  setSearch: (text: string) => void;
  activeId?: string;
  setActive: (node: FieldNode) => void;
  toggle: (node: FieldNode, open: boolean) => void;
  viewport: { scrollTop: number; height: number };
  onViewport: (viewport: { scrollTop: number; height: number }) => void;
  scrollRequest?: { row: number; seq: number };
  /** Opens the ancestors of `nodes`, makes the first active and scrolls to it. */
  reveal: (nodes: readonly FieldNode[]) => void;
}

const EMPTY_TREE: FieldTree = { nodes: [], byId: new Map() };

/** The expanded fields of a tree (the field tree loader needs them before the tree exists). */
export interface Expansion {
  expanded: ReadonlySet<string>;
  setExpanded: (update: (old: ReadonlySet<string>) => ReadonlySet<string>) => void;
}

/**
 * The expanded fields of each tree by key (project and side), kept while the
 * page lives: switching to the rules view unmounts the canvas, and coming
 * back must not fold the trees the user opened.
 */
const remembered = new Map<string, ReadonlySet<string>>();
/** How many trees are remembered (the oldest is forgotten first). */
const REMEMBERED_MAX = 16;

function remember(key: string, expanded: ReadonlySet<string>): void {
  remembered.delete(key);
  remembered.set(key, expanded);
  if (remembered.size > REMEMBERED_MAX) remembered.delete(remembered.keys().next().value as string);
}

/**
 * Expansion state for one tree. With a `key` (the project and the side) the
 * state outlives the component: it starts from what was expanded under that
 * key, and a new key starts from that key's state.
 */
export function useExpansion(key?: string): Expansion {
  const [state, setState] = useState<{ key?: string; expanded: ReadonlySet<string> }>(() => ({ key, expanded: (key && remembered.get(key)) || new Set() }));
  let current = state;
  if (state.key !== key) {
    current = { key, expanded: (key && remembered.get(key)) || new Set() };
    setState(current);
  }
  const setExpanded = useCallback((update: (old: ReadonlySet<string>) => ReadonlySet<string>) => {
    setState((old) => {
      const expanded = update(old.expanded);
      if (old.key) remember(old.key, expanded);
      return { key: old.key, expanded };
    });
  }, []);
  return { expanded: current.expanded, setExpanded };
}

/** The expansion of both trees of the project at `projectPath`, kept across the rules view and back. */
export function useExpansions(projectPath: string | undefined): { source: Expansion; target: Expansion } {
  return { source: useExpansion(projectPath && `${projectPath}\u0000source`), target: useExpansion(projectPath && `${projectPath}\u0000target`) };
}

/**
 * State for a tree (undefined while it loads). `onOpen` is told when a field
 * opens (to load its fields). A tree with one top-level field (an XML root
 * element) starts with it open. `within` narrows the rows to one field (a
 * focused array context).
 */
export function useTreeSide(tree: FieldTree | undefined, { expanded, setExpanded }: Expansion, onOpen: (node: FieldNode) => void, within?: FieldNode): TreeSide {
  const [search, setSearch] = useState('');
  const [activeId, setActiveId] = useState<string>();
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 0 });
  const [pendingReveal, setPendingReveal] = useState<{ id: string; seq: number }>();
  const view = useMemo(() => {
    const all = visibleRows(tree ?? EMPTY_TREE, expanded, search);
    return within ? restrictRows(all, within) : all;
  }, [tree, expanded, search, within]);

  const toggle = useCallback(
    (node: FieldNode, open: boolean) => {
      if (open) onOpen(node);
      setExpanded((old) => {
        const next = new Set(old);
        if (open) next.add(node.id);
        else next.delete(node.id);
        return next;
      });
    },
    [onOpen, setExpanded],
  );

  const lone = tree && tree.nodes.length > 0 && tree.nodes[0]!.end === tree.nodes.length && tree.nodes[0]!.hasChildren ? tree.nodes[0] : undefined;
  useEffect(() => {
    if (lone) setExpanded((old) => (old.size === 0 ? new Set([lone.id]) : old));
  }, [lone, setExpanded]);

  const reveal = useCallback(
    (nodes: readonly FieldNode[]) => {
      const first = nodes[0];
      if (!tree || !first) return;
      setExpanded((old) => {
        const next = new Set(old);
        for (const node of nodes) for (const id of ancestorIds(tree, node)) next.add(id);
        return next;
      });
      setActiveId(first.id);
      setPendingReveal((old) => ({ id: first.id, seq: (old?.seq ?? 0) + 1 }));
    },
    [tree, setExpanded],
  );

  // The row of the field to reveal, once the expansion above has rebuilt the rows.
  const scrollRequest = useMemo(() => {
    if (!pendingReveal || !tree) return undefined;
    const node = tree.byId.get(pendingReveal.id);
    return node ? { row: view.rowOf[node.index]!, seq: pendingReveal.seq } : undefined;
  }, [pendingReveal, tree, view]);

  const setActive = useCallback((node: FieldNode) => setActiveId(node.id), []);
  return { view, search, setSearch, activeId, setActive, toggle, viewport, onViewport: setViewport, scrollRequest, reveal };
}
