/**
 * One side of the canvas: the search box, the file the fields come from,
 * and the field tree with the counters of links leaving its top and bottom
 * edges (to fields scrolled out of view).
 */
import { useEffect } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { FieldTree, type FieldTreeProps } from '../fields/FieldTree';
import type { SideTree } from '../fields/use-field-tree';
import type { TreeSide } from './use-tree-side';

/** Pause after the last key before the whole schema is searched. */
const SEARCH_PAUSE_MS = 250;

/** Props of {@link CanvasSide}. */
export interface CanvasSideProps {
  side: 'source' | 'target';
  loaded: SideTree;
  state: TreeSide;
  /** Links to fields above and below the visible rows. */
  above: number;
  below: number;
  /** The tree's props the canvas decides (selection, marks, handlers). */
  tree: Omit<FieldTreeProps, 'side' | 'label' | 'view' | 'activeId' | 'onViewport' | 'onActivate' | 'onToggle' | 'scrollRequest'>;
}

/** The side. */
export function CanvasSide({ side, loaded, state, above, below, tree }: CanvasSideProps) {
  // The box filters the loaded rows at once; after a pause the backend brings matches from levels not opened yet.
  const { search } = loaded;
  useEffect(() => {
    const text = state.search.trim();
    if (text.length < 2) return;
    const timer = setTimeout(() => search(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [state.search, search]);
  const searched = loaded.searched?.text === state.search.trim() ? loaded.searched : undefined;

  return (
    <div className={`canvas-side canvas-side-${side}`}>
      <div className="canvas-side-head">
        <input
          className="text-input canvas-search"
          type="search"
          aria-label={`Search ${side} fields`}
          placeholder={`Search ${side} fields`}
          value={state.search}
          onChange={(e) => state.setSearch(e.target.value)}
        />
        {loaded.file && (
          <span className="canvas-side-file" title={loaded.file}>
            {loaded.file}
          </span>
        )}
      </div>
      {searched && !searched.complete && (
        <p className="muted small canvas-pad" role="status">
          The first {searched.matches} matches of the whole schema are listed: type more to narrow the search.
        </p>
      )}
      {loaded.error && <ErrorNotice error={loaded.error} />}
      {!loaded.file && <p className="muted small canvas-pad">No {side} schema or sample yet.</p>}
      {loaded.tree ? (
        <div className="canvas-tree-wrap">
          {above > 0 && (
            <span className="canvas-edge canvas-edge-top" title={`${above} links to fields above`}>
              ↑ {above}
            </span>
          )}
          <FieldTree
            side={side}
            label={side === 'source' ? 'Source fields' : 'Target fields'}
            view={state.view}
            activeId={state.activeId}
            {...(state.scrollRequest ? { scrollRequest: state.scrollRequest } : {})}
            onViewport={state.onViewport}
            onActivate={state.setActive}
            onToggle={state.toggle}
            {...tree}
          />
          {below > 0 && (
            <span className="canvas-edge canvas-edge-bottom" title={`${below} links to fields below`}>
              ↓ {below}
            </span>
          )}
        </div>
      ) : (
        loaded.file && !loaded.error && <p className="muted small canvas-pad">Loading fields…</p>
      )}
      {loaded.truncated && <p className="muted small canvas-pad">Only the first fields of this schema are listed.</p>}
    </div>
  );
}
