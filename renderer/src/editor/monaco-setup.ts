/**
 * Monaco, from the local package only: the core editor API plus the few
 * contributions the JSONata panel uses (hover for marker messages, bracket
 * matching, find). Nothing is fetched from a CDN: Vite bundles these modules,
 * the codicon font and the editor worker into the app, so the strict CSP
 * (script-src 'self', no remote origins) holds.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { jsonataLanguageConfiguration, jsonataMonarch, JSONATA_LANGUAGE_ID } from './jsonata-language';

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
