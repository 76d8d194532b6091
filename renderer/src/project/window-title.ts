/**
 * The window title: the project's name, a dirty marker while there is
 * unsaved work, and the product name. One function so Electron's title bar
 * and the browser tab of the web host read the same.
 */

/** Marker shown before the name while the project has unsaved changes. */
export const DIRTY_MARKER = '●';

/** Options of {@link windowTitle}. */
export interface WindowTitleOptions {
  /** The project opened read-only (a newer format version). */
  readOnly?: boolean;
  /** Product name; defaults to `Mapwright`. */
  appName?: string;
}

/** `● orders.mapwright.json — Mapwright` while dirty, without the marker once saved. */
export function windowTitle(name: string, dirty: boolean, options: WindowTitleOptions = {}): string {
  const appName = options.appName ?? 'Mapwright';
  const shown = name.trim() || 'Untitled';
  return `${dirty ? `${DIRTY_MARKER} ` : ''}${shown}${options.readOnly ? ' (read-only)' : ''} — ${appName}`;
}
