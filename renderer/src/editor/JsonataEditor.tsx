/**
 * Monaco showing one JSONata expression. Controlled from outside by
 * `value` (a new value replaces the text, e.g. after a recompile or a
 * revert) and reporting every edit through `onChange`; markers come in as
 * plain data (see editor-markers.ts). Ctrl/Cmd+Enter calls `onApply`.
 */
import { useEffect, useRef } from 'react';
import type { EditorMarker } from './editor-markers';
import { usePrefersDark } from './color-scheme';
import { JSONATA_LANGUAGE_ID } from './jsonata-language';
import { EDITOR_THEMES, setupMonaco, type monaco as Monaco } from './monaco-setup';

/** Owner name of this editor's markers in Monaco's marker service. */
const MARKER_OWNER = 'mapwright';

/** Props of {@link JsonataEditor}. */
export interface JsonataEditorProps {
  /** The text to show; a new value replaces the editor's text. */
  value: string;
  readOnly: boolean;
  markers: readonly EditorMarker[];
  onChange: (text: string) => void;
  /** Ctrl/Cmd+Enter. */
  onApply: () => void;
  /** The editor's accessible name (default "JSONata expression"). */
  label?: string;
  /** Puts the cursor on this line and scrolls it into view, once per new `seq` (a problem's "go to line"). */
  reveal?: { line: number; seq: number } | undefined;
}

/** The editor itself; Monaco lives in a div it owns (React never renders into it). */
export function JsonataEditor({ value, readOnly, markers, onChange, onApply, label = 'JSONata expression', reveal }: JsonataEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  // Latest callbacks, read by Monaco's listeners (registered once).
  const callbacks = useRef({ onChange, onApply });
  callbacks.current = { onChange, onApply };
  const dark = usePrefersDark();
  // Texts typed since the editor and `value` last agreed, and whether a change is one `value` made.
  const typed = useRef(new Set<string>());
  const external = useRef(false);

  useEffect(() => {
    if (!host.current) return;
    const monaco = setupMonaco();
    const model = monaco.editor.createModel(value, JSONATA_LANGUAGE_ID);
    const instance = monaco.editor.create(host.current, {
      model,
      readOnly,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      theme: dark ? EDITOR_THEMES.dark : EDITOR_THEMES.light,
      ariaLabel: 'JSONata expression',
      renderValidationDecorations: 'on',
    });
    editor.current = instance;
    const changes = model.onDidChangeContent(() => {
      const text = model.getValue();
      if (!external.current) typed.current.add(text);
      callbacks.current.onChange(text);
    });
    // The cursor's line as a plain attribute: what a test (or an extension) can read without Monaco's internals.
    const cursor = instance.onDidChangeCursorPosition((e) => host.current?.setAttribute('data-cursor-line', String(e.position.lineNumber)));
    instance.addAction({
      id: 'mapwright.apply',
      label: 'Apply the expression to the mapping',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => callbacks.current.onApply(),
    });
    return () => {
      changes.dispose();
      cursor.dispose();
      instance.dispose();
      model.dispose();
      editor.current = undefined;
    };
    // Created once per mount with the first props; the effects below follow later ones.
  }, []);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    // Only a real change replaces the text: setValue would drop the cursor and the undo stack.
    if (model.getValue() === value) {
      typed.current.clear();
      return;
    }
    // A text this editor reported itself, arriving after more keys were typed (a busy machine renders
    // between keystrokes): an echo, not a change from outside. Replacing the text would drop those keys.
    if (typed.current.has(value)) return;
    typed.current.clear();
    external.current = true;
    try {
      model.setValue(value);
    } finally {
      external.current = false;
    }
  }, [value]);

  useEffect(() => {
    editor.current?.updateOptions({ readOnly, ariaLabel: label });
  }, [readOnly, label]);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model || !reveal) return;
    const lineNumber = Math.min(Math.max(reveal.line, 1), model.getLineCount());
    const at = { lineNumber, column: model.getLineFirstNonWhitespaceColumn(lineNumber) || 1 };
    instance.setPosition(at);
    instance.revealLineInCenter(lineNumber);
    // Only a new request moves the cursor; a later recompile leaves it where the user put it.
  }, [reveal?.seq]);

  useEffect(() => {
    setupMonaco().editor.setTheme(dark ? EDITOR_THEMES.dark : EDITOR_THEMES.light);
  }, [dark]);

  useEffect(() => {
    const monaco = setupMonaco();
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({ ...m, severity: monaco.MarkerSeverity.Error })),
    );
    // An error in the expression itself is what the user must fix next: bring it into view. Field markers do not move the view.
    const own = markers.find((m) => m.code.startsWith('COMPILE_'));
    if (own) {
      const at = { lineNumber: own.startLineNumber, column: own.startColumn };
      editor.current?.setPosition(at);
      editor.current?.revealPositionInCenter(at);
    }
  }, [markers, value]);

  return <div ref={host} className="jsonata-editor" data-testid="jsonata-editor" style={{ flex: '1 1 0', minHeight: '200px' }} />;
}
