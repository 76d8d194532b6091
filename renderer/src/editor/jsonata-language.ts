/**
 * The JSONata language for Monaco: Monarch tokens and bracket rules. Plain
 * data (no Monaco import), so it can be checked without a DOM and registered
 * by monaco-setup.ts.
 */

/** Language id registered with Monaco. */
export const JSONATA_LANGUAGE_ID = 'jsonata';

/** JSONata's keyword-like operators and literals (highlighted as keywords). */
const KEYWORDS = ['and', 'or', 'in', 'true', 'false', 'null', 'function'];

/**
 * Monarch tokenizer. Structural types only (Monaco's `IMonarchLanguage`),
 * so this file stays importable from Node tests.
 */
export const jsonataMonarch = {
  defaultToken: '',
  tokenPostfix: '.jsonata',
  keywords: KEYWORDS,
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      // `$name(` is a call (built-in or bound function); `$name` alone a variable; `$$` / `$` the context.
      [/\$[A-Za-z_][\w]*(?=\s*\()/, 'predefined'],
      [/\$[A-Za-z_][\w]*/, 'variable'],
      [/\$\$?/, 'variable'],
      [/`[^`]*`/, 'identifier.quoted'],
      [/"/, 'string', '@stringDouble'],
      [/'/, 'string', '@stringSingle'],
      [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
      [/[{}()[\]]/, '@brackets'],
      [/:=|!=|<=|>=|~>|\?\?|\?:|\.\.|[=<>&?:;,.*/%+\-^#@|!]/, 'operator'],
      [/[A-Za-z_][\w]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
    ],
    whitespace: [
      [/\s+/, 'white'],
      [/\/\*/, 'comment', '@comment'],
    ],
    comment: [
      [/[^*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/\*/, 'comment'],
    ],
    stringDouble: [
      [/[^"\\]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
    stringSingle: [
      [/[^'\\]+/, 'string'],
      [/\\./, 'string.escape'],
      [/'/, 'string', '@pop'],
    ],
  },
} as const;

/** Brackets, auto-closing and comments for the editor (Monaco's `LanguageConfiguration`). */
export const jsonataLanguageConfiguration = {
  comments: { blockComment: ['/*', '*/'] as [string, string] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ] as Array<[string, string]>,
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
    { open: '`', close: '`', notIn: ['string'] },
  ],
};
