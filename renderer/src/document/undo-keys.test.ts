/** Which chords undo and redo, and where the page leaves them to the field. */
import { describe, expect, it } from 'vitest';
import { createDocumentStore } from './document-store';
import { describeTarget, historyCommand, historyCommandFor, menuHistoryTarget, runMenuHistory, type HistoryCommand, type TargetElement } from './undo-keys';

const chord = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

function element(tagName: string, options: { type?: string; editable?: boolean; inside?: string[] } = {}): TargetElement {
  return {
    tagName,
    isContentEditable: options.editable ?? false,
    getAttribute: (name) => (name === 'type' ? (options.type ?? null) : null),
    closest: (selector) => (options.inside?.some((s) => selector.includes(s)) ? {} : null),
  };
}

describe('undo keys', () => {
  it('maps Ctrl/Cmd+Z to undo and Shift+Z or Y to redo', () => {
    expect(historyCommand(chord('z', { ctrl: true }))).toBe('undo');
    expect(historyCommand(chord('z', { meta: true }))).toBe('undo');
    expect(historyCommand(chord('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(historyCommand(chord('y', { ctrl: true }))).toBe('redo');
    expect(historyCommand(chord('z'))).toBeUndefined();
    expect(historyCommand(chord('z', { ctrl: true, alt: true }))).toBeUndefined();
    expect(historyCommand(chord('Y', { ctrl: true, shift: true }))).toBeUndefined();
  });

  it('leaves the chord to text fields, Monaco and dialogs', () => {
    const z = chord('z', { ctrl: true });
    expect(historyCommandFor(z, describeTarget(element('INPUT')))).toBeUndefined();
    expect(historyCommandFor(z, describeTarget(element('INPUT', { type: 'search' })))).toBeUndefined();
    expect(historyCommandFor(z, describeTarget(element('TEXTAREA', { inside: ['.monaco-editor'] })))).toBeUndefined();
    expect(historyCommandFor(z, describeTarget(element('DIV', { editable: true })))).toBeUndefined();
    expect(historyCommandFor(z, describeTarget(element('BUTTON', { inside: ['aria-modal'] })))).toBeUndefined();
  });

  it('undoes the document from buttons, checkboxes, table rows and the page itself', () => {
    const z = chord('z', { ctrl: true });
    expect(historyCommandFor(z, describeTarget(element('BUTTON')))).toBe('undo');
    expect(historyCommandFor(z, describeTarget(element('INPUT', { type: 'checkbox' })))).toBe('undo');
    expect(historyCommandFor(z, describeTarget(element('TR')))).toBe('undo');
    expect(historyCommandFor(z, describeTarget(null))).toBe('undo');
  });

  it('sends the Edit menu’s Undo to the focused text field, else to the document, and to nothing behind a modal dialog', () => {
    expect(menuHistoryTarget(describeTarget(element('INPUT')))).toBe('field');
    expect(menuHistoryTarget(describeTarget(element('TEXTAREA', { inside: ['.monaco-editor'] })))).toBe('field');
    expect(menuHistoryTarget(describeTarget(element('INPUT', { inside: ['aria-modal'] })))).toBe('field');
    expect(menuHistoryTarget(describeTarget(element('TR')))).toBe('document');
    expect(menuHistoryTarget(describeTarget(null))).toBe('document');
    expect(menuHistoryTarget(describeTarget(element('BUTTON', { inside: ['aria-modal'] })))).toBe('none');
  });

  it('undoes and redoes the document from the Edit menu, and leaves a focused field to its own undo', () => {
    const store = createDocumentStore();
    store.getState().load(JSON.stringify({ formatVersion: 1, name: 'Orders', source: { format: 'json' }, target: { format: 'json' } }));
    expect(store.getState().apply({ kind: 'setName', name: 'Orders v2' }).ok).toBe(true);
    const fieldCommands: HistoryCommand[] = [];
    const on = { history: store.getState(), field: (command: HistoryCommand) => fieldCommands.push(command) };

    runMenuHistory('undo', describeTarget(element('INPUT')), on);
    expect(store.getState().document?.name).toBe('Orders v2');
    expect(fieldCommands).toEqual(['undo']);
    runMenuHistory('undo', describeTarget(null), on);
    expect(store.getState().document?.name).toBe('Orders');
    runMenuHistory('redo', describeTarget(element('TR')), on);
    expect(store.getState().document?.name).toBe('Orders v2');
    runMenuHistory('undo', describeTarget(element('BUTTON', { inside: ['aria-modal'] })), on);
    expect(store.getState().document?.name).toBe('Orders v2');
    expect(fieldCommands).toEqual(['undo']);
  });
});
