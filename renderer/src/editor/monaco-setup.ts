/**
 * Monaco, from the local package only: the core editor API plus the few
 * contributions the JSONata panel uses (hover for marker messages and
 * function docs, bracket matching, find, suggestions), plus the JSONata
 * assist: completion, hover docs and syntax markers while typing. Nothing is fetched from a CDN: Vite bundles these modules,
 * the codicon font and the editor worker into the app, so the strict CSP
 * (script-src 'self', no remote origins) holds.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { jsonataLanguageConfiguration, jsonataMonarch, JSONATA_LANGUAGE_ID } from './jsonata-language';
import { completionsAt, hoverAt, parseMarker } from './jsonata-assist';
import { completionSources } from './completion-sources';

/** Owner of the while-typing syntax markers (the panel's own markers have another owner). */
const SYNTAX_OWNER = 'jsonata-syntax';
/** Quiet time after a keystroke before the text is parsed again. */
const PARSE_DELAY_MS = 250;

/** Completion of functions and source paths, and hover docs of functions (see jsonata-assist.ts). */
function registerAssist(): void {
  monaco.languages.registerCompletionItemProvider(JSONATA_LANGUAGE_ID, {
    triggerCharacters: ['$', '.'],
    provideCompletionItems(model, position) {
      const before = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const { items, replace } = completionsAt(before, completionSources());
      const range = { startLineNumber: position.lineNumber, startColumn: position.column - replace, endLineNumber: position.lineNumber, endColumn: position.column };
      return {
        suggestions: items.map((item) => ({
          label: item.label,
          kind: item.kind === 'function' ? monaco.languages.CompletionItemKind.Function : monaco.languages.CompletionItemKind.Field,
          insertText: item.insertText,
          detail: item.detail,
          ...(item.documentation ? { documentation: item.documentation } : {}),
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(JSONATA_LANGUAGE_ID, {
    provideHover(model, position) {
      const found = hoverAt(model.getLineContent(position.lineNumber), position.column);
      if (!found) return undefined;
      return { range: new monaco.Range(position.lineNumber, found.start, position.lineNumber, found.end), contents: [{ value: found.text }] };
    },
  });
  // Parse errors while typing, on every JSONata model, a short pause after the last keystroke.
  monaco.editor.onDidCreateModel((model) => {
    if (model.getLanguageId() !== JSONATA_LANGUAGE_ID) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      if (model.isDisposed()) return;
      const marker = parseMarker(model.getValue());
      monaco.editor.setModelMarkers(model, SYNTAX_OWNER, marker ? [{ ...marker, severity: monaco.MarkerSeverity.Error }] : []);
    };
    check();
    const changes = model.onDidChangeContent(() => {
      clearTimeout(timer);
      timer = setTimeout(check, PARSE_DELAY_MS);
    });
    model.onWillDispose(() => {
      clearTimeout(timer);
      changes.dispose();
    });
  });
}

/** Theme names for the light and dark colour schemes. */
export const EDITOR_THEMES = { light: 'mapwright-light', dark: 'mapwright-dark' } as const;

let ready = false;

/**
 * Sets up Monaco once per page: the worker factory (the bundled editor
 * worker for everything; JSONata needs no language worker), the JSONata
 * language and the two themes. Returns the Monaco API.
 */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  monaco.languages.register({ id: JSONATA_LANGUAGE_ID, extensions: ['.jsonata'], aliases: ['JSONata'] });
  monaco.languages.setMonarchTokensProvider(JSONATA_LANGUAGE_ID, jsonataMonarch as unknown as monaco.languages.IMonarchLanguage);
  monaco.languages.setLanguageConfiguration(JSONATA_LANGUAGE_ID, jsonataLanguageConfiguration);
  registerAssist();
  const rules = (dark: boolean): monaco.editor.ITokenThemeRule[] => [
    { token: 'predefined', foreground: dark ? 'dcdcaa' : '795e26' },
    { token: 'variable', foreground: dark ? '9cdcfe' : '001080' },
    { token: 'identifier.quoted', foreground: dark ? '4ec9b0' : '267f99' },
  ];
  monaco.editor.defineTheme(EDITOR_THEMES.light, { base: 'vs', inherit: true, rules: rules(false), colors: {} });
  monaco.editor.defineTheme(EDITOR_THEMES.dark, { base: 'vs-dark', inherit: true, rules: rules(true), colors: {} });
  return monaco;
}

export type { monaco };
