/**
 * The open mapping document as every studio view edits it: the parsed
 * document (not only its text), the undo history of documents, and the view
 * state (selection, expansion, scroll, panel tab) that stays out of the
 * history. Views express a change as a {@link DocumentEdit}; the engine's
 * pure edit function makes the new document and `serializeDocument` its
 * text, so the text the project session saves is derived from the model.
 * A zustand store without React (`zustand/vanilla`), tested in plain Node.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isMapwrightError, type CodedErrorData } from '../../../mapping-engine/errors';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { serializeDocument } from '../../../mapping-engine/document/serialize-document';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { DocumentEdit, EditResult } from '../../../mapping-engine/document/edits/edit-types';
import { applyEdit } from '../../../mapping-engine/document/edits/apply-edit';
import { describeEdit } from '../../../mapping-engine/document/edits/describe-edit';
import {
  currentEntry,
  pushEntry,
  redoHistory,
  redoLabel,
  sealGesture,
  startHistory,
  undoHistory,
  undoLabel,
  type DocumentHistory,
  type PushOptions,
} from './document-history';

/** The panel tabs of the rules view. */
export type EditorTab = 'rules' | 'arrays' | 'lookups' | 'tests';

/** View state: never part of the history, never saved. */
export interface DocumentView {
  /** The selected target field (rules view, canvas). */
  selected?: string;
  /** Expanded tree rows, by path. */
  expanded: Readonly<Record<string, boolean>>;
  /** Scroll offsets by panel name. */
  scroll: Readonly<Record<string, number>>;
  tab: EditorTab;
}

/** How a step is recorded. */
export interface StepOptions {
  /** The gesture this edit belongs to: edits of one gesture within a short pause are one undo step. */
  gesture?: string;
  /** The step's label for the Undo button; the edit's own description by default. */
  label?: string;
}

/** State and actions of the document store. */
export interface DocumentState {
  history: DocumentHistory;
  /** The current document; undefined when the text does not load (see `loadError`). */
  document: MappingDocument | undefined;
  /** The current text (what the project session saves). */
  text: string;
  /** Why the current text does not load as a document. */
  loadError?: CodedErrorData;
  readOnly: boolean;
  /** The last refused edit (cleared by the next successful one). */
  editError?: CodedErrorData;
  canUndo: boolean;
  canRedo: boolean;
  /** Label of the step Undo takes back. */
  undoLabel?: string;
  redoLabel?: string;
  view: DocumentView;

  /** A new project (or a reload): the text becomes the first state, the history and the view start afresh. */
  load(text: string, options?: { readOnly?: boolean }): void;
  /** Applies one edit as a step; returns the engine's result (a refused edit changes nothing). */
  apply(edit: DocumentEdit, options?: StepOptions): EditResult;
  /** A whole new text from outside the model (an applied JSONata edit, an import): one step. */
  replaceText(text: string, options?: StepOptions): void;
  undo(): void;
  redo(): void;
  /** Ends the current gesture (a field lost focus): the next edit is a new step. */
  sealGesture(): void;
  setView(patch: Partial<DocumentView>): void;
  clearEditError(): void;
}

/** Options of {@link createDocumentStore}. */
export interface DocumentStoreOptions extends PushOptions {
  /** Clock for the coalescing window (tests pass their own). */
  now?: () => number;
}

const READ_ONLY: CodedErrorData = { code: 'DOC_READ_ONLY', message: 'this project is read-only', expected: 'Save As to a new file first' };

function parse(text: string): { document?: MappingDocument; loadError?: CodedErrorData } {
  try {
    return { document: loadDocument(text).document };
  } catch (error) {
    return { loadError: isMapwrightError(error) ? error.toJSON() : { code: 'DOC_INVALID', message: error instanceof Error ? error.message : String(error) } };
  }
}

const EMPTY_VIEW: DocumentView = { expanded: {}, scroll: {}, tab: 'rules' };

/** Creates a document store (one per window; the project session owns it). */
export function createDocumentStore(options: DocumentStoreOptions = {}): StoreApi<DocumentState> {
  const now = options.now ?? (() => Date.now());
  return createStore<DocumentState>()((set, get) => {
    /** The derived fields of `history`. */
    function derive(history: DocumentHistory) {
      const entry = currentEntry(history);
      return {
        history,
        document: entry.document,
        text: entry.text,
        loadError: entry.loadError,
        canUndo: history.index > 0,
        canRedo: history.index < history.entries.length - 1,
        undoLabel: undoLabel(history),
        redoLabel: redoLabel(history),
      };
    }

    const initial = startHistory({ document: undefined, text: '' });
    return {
      ...derive(initial),
      readOnly: false,
      view: EMPTY_VIEW,

      load(text, loadOptions = {}) {
        const parsed = parse(text);
        const history = startHistory({ document: parsed.document, loadError: parsed.loadError, text, at: now() });
        set({ ...derive(history), readOnly: loadOptions.readOnly ?? false, editError: undefined, view: EMPTY_VIEW });
      },

      apply(edit, step = {}) {
        const { document, readOnly, history } = get();
        if (readOnly) {
          set({ editError: READ_ONLY });
          return { ok: false, error: READ_ONLY };
        }
        if (!document) {
          const error: CodedErrorData = get().loadError ?? { code: 'DOC_INVALID', message: 'no document is open' };
          set({ editError: error });
          return { ok: false, error };
        }
        const result = applyEdit(document, edit);
        if (!result.ok) {
          set({ editError: result.error });
          return result;
        }
        const text = serializeDocument(result.document);
        const next = pushEntry(history, { document: result.document, text, label: step.label ?? describeEdit(edit), gesture: step.gesture, at: now() }, options);
        set({ ...derive(next), editError: undefined });
        return result;
      },

      replaceText(text, step = {}) {
        const parsed = parse(text);
        const next = pushEntry(get().history, { document: parsed.document, loadError: parsed.loadError, text, label: step.label ?? 'edit', gesture: step.gesture, at: now() }, options);
        set({ ...derive(next), editError: undefined });
      },

      undo() {
        const { history } = get();
        if (history.index > 0) set({ ...derive(undoHistory(history)), editError: undefined });
      },
      redo() {
        const { history } = get();
        if (history.index < history.entries.length - 1) set({ ...derive(redoHistory(history)), editError: undefined });
      },
      sealGesture() {
        const { history } = get();
        const sealed = sealGesture(history);
        if (sealed !== history) set({ history: sealed });
      },
      setView: (patch) => set({ view: { ...get().view, ...patch } }),
      clearEditError: () => set({ editError: undefined }),
    };
  });
}
