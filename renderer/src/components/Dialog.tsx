/**
 * A modal dialog in the page (no native dialog exists in the browser, and
 * Electron's would need a round trip to main for every question): a dimmed
 * backdrop, a titled box, Escape to cancel. Its first button with
 * `autoFocus` takes the focus, so Enter confirms the safe choice.
 */
import { useEffect, useId, type ReactNode } from 'react';

/** Props of {@link Dialog}. */
export interface DialogProps {
  title: string;
  /** Escape or the backdrop; the caller's Cancel does the same. */
  onCancel: () => void;
  children: ReactNode;
  /** The buttons, right-aligned at the bottom. */
  actions: ReactNode;
  /** Tone of the title bar: a warning for questions that can lose work. */
  tone?: 'normal' | 'warning';
}

/** One modal question. */
export function Dialog({ title, onCancel, children, actions, tone = 'normal' }: DialogProps) {
  const titleId = useId();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div className={`dialog dialog-${tone}`} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}
