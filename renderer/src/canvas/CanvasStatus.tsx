/**
 * The canvas's status line (a polite live region): what the last gesture
 * did or why it did nothing, and, when a drop failed only for want of an
 * array context, the button that adds the context and links in one step;
 * when a link gave a one-value field a second source and nothing joins
 * them, the button that joins them with Concatenate.
 */
import type { ContextOffer } from '../../../mapping-engine/document/canvas/link-through-context';
import type { JoinOffer } from './join-offer';

/** What the status line says. */
export interface CanvasStatusMessage {
  text: string;
  bad?: boolean;
  offer?: ContextOffer;
  join?: JoinOffer;
}

/** Props of {@link CanvasStatus}. */
export interface CanvasStatusProps {
  status: CanvasStatusMessage | undefined;
  /** Shown when there is nothing to say. */
  idle: string;
  readOnly: boolean;
  onAccept: (offer: ContextOffer) => void;
  onJoin: (offer: JoinOffer) => void;
}

/** The status line. */
export function CanvasStatus({ status, idle, readOnly, onAccept, onJoin }: CanvasStatusProps) {
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
      {status?.join?.join && (
        <button type="button" className="button button-secondary button-small canvas-offer" disabled={readOnly} onClick={() => onJoin(status.join!)}>
          Join with Concatenate
        </button>
      )}
    </div>
  );
}
