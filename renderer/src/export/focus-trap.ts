/**
 * Keeps Tab inside a modal dialog: from its last control Tab wraps to the
 * first, from its first Shift+Tab wraps to the last, so the keyboard never
 * reaches the page behind the backdrop.
 */

/** Controls that take the focus with Tab. */
const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Which element must take the focus instead of the browser's default move,
 * or undefined to let the browser move it.
 * @param items - the dialog's enabled, focusable controls in document order
 * @param active - the element that has the focus now
 */
export function wrapFocus<T>(items: readonly T[], active: T | null, backwards: boolean): T | undefined {
  if (items.length === 0) return undefined;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const index = active === null ? -1 : items.indexOf(active);
  // Focus outside the dialog (or on its box itself) comes back in.
  if (index === -1) return backwards ? last : first;
  if (backwards && index === 0) return last;
  if (!backwards && index === items.length - 1) return first;
  return undefined;
}

/**
 * The enabled controls of `root` that Tab reaches, in document order. Of a
 * radio group only the checked button is a Tab stop (arrows move inside it).
 */
export function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => !element.hasAttribute('disabled') && !element.hidden && !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked),
  );
}
