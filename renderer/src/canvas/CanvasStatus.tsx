/**
 * The canvas's status line (a polite live region): what the last gesture
 * did or why it did nothing, and, when a drop failed only for want of an
 * array context, the button that adds the context and links in one step.
 */
import type { ContextOffer } from '../../../mapping-engine/document/canvas/link-through-context';

/** What the status line says. */
export interface CanvasStatusMessage {
  text: string;
  bad?: boolean;
  offer?: ContextOffer;
}

/** Props of {@link CanvasStatus}. */
export interface CanvasStatusProps {
  status: CanvasStatusMessage | undefined;
  /** Shown when there is nothing to say. */
  idle: string;
  readOnly: boolean;
  onAccept: (offer: ContextOffer) => void;
}

/** The status line. */
export function CanvasStatus({ status, idle, readOnly, onAccept }: CanvasStatusProps) {
  return (
    <div className={`canvas-status ${status?.bad ? 'is-bad' : ''}`}>
      <span role="status" aria-live="polite" data-testid="canvas-status">
        {status?.text ?? idle}
      </span>
      {status?.offer && (
        <button type="button" className="button button-secondary button-small canvas-offer" disabled={readOnly} onClick={() => onAccept(status.offer!)}>
          Add array context {status.offer.contexts.map((c) => `${c.target} ← ${c.source}`).join(', ')} and link
        </button>
      )}
    </div>
  );
}
