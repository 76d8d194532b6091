/**
 * The undo history of a mapping document: a list of states (document and
 * its text) and the index of the current one. Pure data and functions, so
 * coalescing, limits and redo are tested without a store or a DOM.
 *
 * A gesture is one step: edits that carry the same gesture id and follow
 * each other within {@link COALESCE_MS} replace the top state instead of
 * adding one (a typing burst in a field, a drag), so one undo goes back to
 * before the gesture. A new step after an undo drops the redo states.
 */
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { CodedErrorData } from '../../../mapping-engine/errors';

/** Longest pause between two edits of one gesture (typing bursts). */
export const COALESCE_MS = 1500;
/** Steps kept; the oldest go first (a document is small, but a long session makes many). */
export const HISTORY_LIMIT = 200;

/** One state of the document. */
export interface HistoryEntry {
  /** The parsed document; undefined when `text` does not parse (then only text edits apply). */
  document: MappingDocument | undefined;
  /** Why `text` does not load, when it does not. */
  loadError?: CodedErrorData;
  /** The document's text: the file's own text for the opened state, `serializeDocument` after an edit. */
  text: string;
  /** What the step that led here did, for the Undo button ("Unmap address.city"); empty for the opened state. */
  label: string;
  /** The gesture that made this step; a later edit of the same gesture replaces it. */
  gesture?: string;
  /** When the step was last changed (ms), for the coalescing window. */
  at: number;
}

/** The history: `entries[index]` is the current state. */
export interface DocumentHistory {
  entries: readonly HistoryEntry[];
  index: number;
}

/** A history holding only `entry`. */
export function startHistory(entry: Omit<HistoryEntry, 'label' | 'at'> & { at?: number }): DocumentHistory {
  return { entries: [{ ...entry, label: '', at: entry.at ?? 0 }], index: 0 };
}

/** The current state. */
export function currentEntry(history: DocumentHistory): HistoryEntry {
  return history.entries[history.index]!;
}

/** Options of {@link pushEntry}. */
export interface PushOptions {
  /** Coalescing window in ms (tests shorten it). */
  coalesceMs?: number;
  limit?: number;
}

/**
 * Adds `entry` as the new current state, or replaces the current one when it
 * continues the same gesture (same id, within the window, nothing to redo,
 * and not the opened state). A state with the current text is no step at
 * all. Redo states are dropped.
 */
export function pushEntry(history: DocumentHistory, entry: HistoryEntry, options: PushOptions = {}): DocumentHistory {
  const top = currentEntry(history);
  if (entry.text === top.text) return history;
  const window = options.coalesceMs ?? COALESCE_MS;
  const continues =
    entry.gesture !== undefined && top.gesture === entry.gesture && history.index > 0 && history.index === history.entries.length - 1 && entry.at - top.at <= window;
  const kept = history.entries.slice(0, continues ? history.index : history.index + 1);
  // A gesture that ends where it started is no step: undoing it would change nothing.
  if (continues && kept[kept.length - 1]!.text === entry.text) return { entries: kept, index: kept.length - 1 };
  const entries = [...kept, entry];
  const limit = Math.max(1, options.limit ?? HISTORY_LIMIT);
  const dropped = Math.max(0, entries.length - limit);
  return { entries: entries.slice(dropped), index: entries.length - 1 - dropped };
}

/** Ends the current gesture: the next edit is a new step even with the same gesture id. */
export function sealGesture(history: DocumentHistory): DocumentHistory {
  const top = currentEntry(history);
  if (top.gesture === undefined) return history;
  const entries = history.entries.slice();
  entries[history.index] = { ...top, gesture: undefined };
  return { entries, index: history.index };
}

/** One step back, or the same history when there is none. */
export function undoHistory(history: DocumentHistory): DocumentHistory {
  return history.index > 0 ? { entries: sealAt(history.entries, history.index), index: history.index - 1 } : history;
}

/** One step forward again, or the same history when there is none. */
export function redoHistory(history: DocumentHistory): DocumentHistory {
  return history.index < history.entries.length - 1 ? { entries: history.entries, index: history.index + 1 } : history;
}

/** The label of the step {@link undoHistory} would take back. */
export function undoLabel(history: DocumentHistory): string | undefined {
  return history.index > 0 ? currentEntry(history).label : undefined;
}

/** The label of the step {@link redoHistory} would make again. */
export function redoLabel(history: DocumentHistory): string | undefined {
  return history.entries[history.index + 1]?.label;
}

/** An undone step never continues a gesture once redone. */
function sealAt(entries: readonly HistoryEntry[], index: number): readonly HistoryEntry[] {
  const entry = entries[index]!;
  if (entry.gesture === undefined) return entries;
  const copy = entries.slice();
  copy[index] = { ...entry, gesture: undefined };
  return copy;
}
