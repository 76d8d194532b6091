/**
 * The canvas's toolbar: Tidy (lay out the transform lane with ELK, one undo
 * step) and, while one array context is focused, what is focused and the
 * button that shows everything again.
 */
import type { CanvasLink } from '../../../mapping-engine/document/canvas/canvas-links';

/** Props of {@link CanvasToolbar}. */
export interface CanvasToolbarProps {
  /** Transform nodes on screen (Tidy has nothing to do without them). */
  nodes: number;
  tidying: boolean;
  readOnly: boolean;
  onTidy: () => void;
  focused?: CanvasLink;
  onShowAll: () => void;
}

/** The toolbar. */
export function CanvasToolbar({ nodes, tidying, readOnly, onTidy, focused, onShowAll }: CanvasToolbarProps) {
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas tools">
      <button type="button" className="button button-secondary button-small" disabled={readOnly || nodes === 0 || tidying} onClick={onTidy} title="Lay out the transforms between the trees">
        {tidying ? 'Tidying…' : 'Tidy'}
      </button>
      {focused && (
        <span className="canvas-focus" role="status">
          Focused on array context <code>{focused.target}</code> (for each <code>{focused.source}</code>)
          <button type="button" className="button button-secondary button-small" onClick={onShowAll}>
            Show all
          </button>
        </span>
      )}
    </div>
  );
}
