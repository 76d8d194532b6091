/**
 * The document store: edits through the engine, one undo step per gesture,
 * view state outside the history, refused edits leave everything as it was.
 */
import { describe, expect, it } from 'vitest';
import { serializeDocument } from '../../../mapping-engine/document/serialize-document';
import { createDocumentStore } from './document-store';

const TEXT = `${JSON.stringify(
  {
    formatVersion: 1,
    name: 'Orders',
    source: { format: 'json' },
    target: { format: 'json' },
    rules: [
      { target: 'id', sources: ['orderId'] },
      { target: 'city', sources: ['address.city'], notes: 'n' },
    ],
  },
  null,
  1,
)}\n`;

function setup(limit?: number) {
  let clock = 1000;
  const store = createDocumentStore({ now: () => clock, limit, coalesceMs: 1000 });
  store.getState().load(TEXT);
  return { store, tick: (ms: number) => (clock += ms) };
}

const targets = (store: ReturnType<typeof setup>['store']) => store.getState().document?.rules.map((r) => r.target);

describe('document store', () => {
  it('keeps the file text as the first state and derives the text of an edit from the document', () => {
    const { store } = setup();
    expect(store.getState()).toMatchObject({ text: TEXT, canUndo: false, canRedo: false });
    expect(store.getState().apply({ kind: 'removeRule', target: 'city' }).ok).toBe(true);
    const { document, text } = store.getState();
    expect(text).toBe(serializeDocument(document!));
    expect(targets(store)).toEqual(['id']);
    expect(store.getState()).toMatchObject({ canUndo: true, undoLabel: 'Unmap city' });
  });

  it('undoes back to the exact opened text and redoes the edit', () => {
    const { store } = setup();
    store.getState().apply({ kind: 'removeRule', target: 'city' });
    const edited = store.getState().text;
    store.getState().undo();
    expect(store.getState().text).toBe(TEXT);
    expect(store.getState()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'Unmap city' });
    store.getState().redo();
    expect(store.getState().text).toBe(edited);
  });

  it('coalesces the edits of one gesture inside the pause window into one step', () => {
    const { store, tick } = setup();
    for (const notes of ['a', 'ab', 'abc']) {
      tick(300);
      store.getState().apply({ kind: 'setNotes', target: 'city', notes }, { gesture: 'notes:city' });
    }
    expect(store.getState().history.entries).toHaveLength(2);
    expect(store.getState().document?.rules[1]?.notes).toBe('abc');
    store.getState().undo();
    expect(store.getState().document?.rules[1]?.notes).toBe('n');
  });

  it('starts a new step after the pause, after sealing, and for another gesture', () => {
    const { store, tick } = setup();
    store.getState().apply({ kind: 'setNotes', target: 'city', notes: 'a' }, { gesture: 'g' });
    tick(1500);
    store.getState().apply({ kind: 'setNotes', target: 'city', notes: 'ab' }, { gesture: 'g' });
    store.getState().sealGesture();
    store.getState().apply({ kind: 'setNotes', target: 'city', notes: 'abc' }, { gesture: 'g' });
    store.getState().apply({ kind: 'setNotes', target: 'id', notes: 'x' }, { gesture: 'other' });
    expect(store.getState().history.entries).toHaveLength(5);
  });

  it('drops the redo steps when a new edit follows an undo', () => {
    const { store } = setup();
    store.getState().apply({ kind: 'removeRule', target: 'city' });
    store.getState().undo();
    store.getState().apply({ kind: 'removeRule', target: 'id' });
    expect(store.getState().canRedo).toBe(false);
    expect(targets(store)).toEqual(['city']);
  });

  it('does not continue a gesture once it was undone and redone', () => {
    const { store } = setup();
    store.getState().apply({ kind: 'setNotes', target: 'city', notes: 'a' }, { gesture: 'g' });
    store.getState().undo();
    store.getState().redo();
    store.getState().apply({ kind: 'setNotes', target: 'city', notes: 'ab' }, { gesture: 'g' });
    expect(store.getState().history.entries).toHaveLength(3);
  });

  it('keeps at most the limit of steps, the oldest going first', () => {
    const { store } = setup(3);
    for (const notes of ['1', '2', '3', '4']) store.getState().apply({ kind: 'setNotes', target: 'city', notes });
    const { history } = store.getState();
    expect(history.entries).toHaveLength(3);
    expect(history.index).toBe(2);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document?.rules[1]?.notes).toBe('2');
  });

  it('refuses a bad edit with EDIT_INVALID and changes nothing', () => {
    const { store } = setup();
    const result = store.getState().apply({ kind: 'removeRule', target: 'nowhere' });
    expect(result.ok).toBe(false);
    expect(store.getState().editError?.code).toBe('EDIT_INVALID');
    expect(store.getState()).toMatchObject({ text: TEXT, canUndo: false });
  });

  it('refuses every edit of a read-only document with DOC_READ_ONLY', () => {
    const store = createDocumentStore();
    store.getState().load(TEXT, { readOnly: true });
    expect(store.getState().apply({ kind: 'removeRule', target: 'city' }).ok).toBe(false);
    expect(store.getState().editError?.code).toBe('DOC_READ_ONLY');
  });

  it('keeps view state out of the history', () => {
    const { store } = setup();
    store.getState().setView({ selected: 'city', tab: 'lookups' });
    expect(store.getState().canUndo).toBe(false);
    store.getState().apply({ kind: 'removeRule', target: 'id' });
    store.getState().undo();
    expect(store.getState().view).toMatchObject({ selected: 'city', tab: 'lookups' });
  });

  it('records text that does not load with its code, and edits of the model wait for a valid text', () => {
    const { store } = setup();
    store.getState().replaceText('{ "formatVersion": 1,', { label: 'JSONata edit' });
    expect(store.getState().document).toBeUndefined();
    expect(store.getState().loadError?.code).toBe('JSON_PARSE');
    expect(store.getState().apply({ kind: 'removeRule', target: 'id' }).ok).toBe(false);
    store.getState().undo();
    expect(store.getState().document?.name).toBe('Orders');
  });

  it('makes a batch one step', () => {
    const { store } = setup();
    store.getState().apply({ kind: 'batch', edits: [{ kind: 'removeRule', target: 'id' }, { kind: 'removeRule', target: 'city' }] });
    expect(targets(store)).toEqual([]);
    store.getState().undo();
    expect(targets(store)).toEqual(['id', 'city']);
  });
});
