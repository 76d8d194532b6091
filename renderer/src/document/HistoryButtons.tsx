/** Undo and Redo buttons named for the step they take back or make again. */
import type { StoreApi } from 'zustand/vanilla';
import type { DocumentState } from './document-store';
import { useDocument } from './use-document';

/** Props of {@link HistoryButtons}. */
export interface HistoryButtonsProps {
  store: StoreApi<DocumentState>;
}

/** "Unmap city" as it reads after "Undo". */
function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The history toolbar of the document (its own keys are bound by `useHistoryKeys`). */
export function HistoryButtons({ store }: HistoryButtonsProps) {
  const canUndo = useDocument(store, (s) => s.canUndo && !s.readOnly);
  const canRedo = useDocument(store, (s) => s.canRedo && !s.readOnly);
  const undoLabel = useDocument(store, (s) => s.undoLabel);
  const redoLabel = useDocument(store, (s) => s.redoLabel);
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!canUndo}
        onClick={() => store.getState().undo()}
        aria-label={canUndo && undoLabel ? `Undo ${lowerFirst(undoLabel)}` : 'Undo'}
        title={`${canUndo && undoLabel ? `Undo ${lowerFirst(undoLabel)}` : 'Nothing to undo'} (Ctrl/Cmd+Z)`}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!canRedo}
        onClick={() => store.getState().redo()}
        aria-label={canRedo && redoLabel ? `Redo ${lowerFirst(redoLabel)}` : 'Redo'}
        title={`${canRedo && redoLabel ? `Redo ${lowerFirst(redoLabel)}` : 'Nothing to redo'} (Ctrl/Cmd+Shift+Z)`}
      >
        ↷ Redo
      </button>
    </div>
  );
}
