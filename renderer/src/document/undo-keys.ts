/**
 * Which key chord undoes or redoes a document edit, and where the page
 * leaves the chord alone. Pure functions over plain event data, tested
 * without a DOM.
 *
 * Inside a text field (an input, a textarea, a select, anything
 * contenteditable; not a select, whose choice is an edit like a click) and
 * inside Monaco the chord is the field's own: Ctrl+Z
 * there takes back typed characters, as everywhere else on the desktop. A
 * field's typing is recorded as one gesture in the document history, so once
 * the field is left (Escape or Tab) the same chord undoes the whole burst.
 * Inside a modal dialog the page's history is not what the user sees, so the
 * chord is left alone there too.
 */
import type { KeyChord } from '../project/shell-input';

/** A history command. */
export type HistoryCommand = 'undo' | 'redo';

/**
 * `undo` for Ctrl/Cmd+Z, `redo` for Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y;
 * undefined for anything else (Alt held included).
 */
export function historyCommand(chord: KeyChord): HistoryCommand | undefined {
  if (!(chord.ctrlKey || chord.metaKey) || chord.altKey) return undefined;
  const key = chord.key.toLowerCase();
  if (key === 'z') return chord.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !chord.shiftKey) return 'redo';
  return undefined;
}

/** What the page knows about where a key went (see {@link describeTarget}). */
export interface KeyTarget {
  /** A text field, contenteditable, or inside Monaco: it has its own undo. */
  editable: boolean;
  /** Inside an open modal dialog. */
  inDialog: boolean;
}

/** The command to run for `chord` sent to `target`, or undefined to let the browser (or the field) have it. */
export function historyCommandFor(chord: KeyChord, target: KeyTarget): HistoryCommand | undefined {
  if (target.editable || target.inDialog) return undefined;
  return historyCommand(chord);
}

/** The minimal element surface {@link describeTarget} reads (a DOM Element satisfies it). */
export interface TargetElement {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
  closest(selector: string): unknown;
}

/** Input types that are not typed into (a checkbox has no typing to undo). */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'color', 'range', 'image']);

/** Classifies the element a key event went to. */
export function describeTarget(element: TargetElement | null | undefined): KeyTarget {
  if (!element) return { editable: false, inDialog: false };
  const tag = element.tagName.toLowerCase();
  const textInput = tag === 'input' && !NON_TEXT_INPUTS.has((element.getAttribute('type') ?? 'text').toLowerCase());
  const editable = textInput || tag === 'textarea' || element.isContentEditable === true || element.closest('.monaco-editor') !== null;
  const inDialog = element.closest('[role="dialog"][aria-modal="true"], [role="alertdialog"]') !== null;
  return { editable, inDialog };
}

/**
 * What the Edit menu's Undo or Redo (a shell command, see app-menu.ts) does
 * where the focus is: `field` runs the focused text field's own undo (as the
 * browser's role did), `document` the document history, `none` nothing
 * (a modal dialog in front, whose fields are handled as fields).
 */
export function menuHistoryTarget(target: KeyTarget): 'field' | 'document' | 'none' {
  if (target.editable) return 'field';
  return target.inDialog ? 'none' : 'document';
}

/** What {@link runMenuHistory} acts on: the document history, and the focused field's own undo. */
export interface MenuHistoryTargets {
  history: { undo(): void; redo(): void };
  /** The field's own command (`document.execCommand` in the page). */
  field(command: HistoryCommand): void;
}

/** Runs the Edit menu's `command` where {@link menuHistoryTarget} says, for the element with the focus. */
export function runMenuHistory(command: HistoryCommand, target: KeyTarget, on: MenuHistoryTargets): void {
  const where = menuHistoryTarget(target);
  if (where === 'field') on.field(command);
  else if (where === 'document') on.history[command]();
}
