/**
 * What the JSONata editor offers while typing, computed without Monaco:
 * completions of JSONata's functions (after `$`) and of source field paths
 * (from the source schema or sample), hover documentation of a function,
 * and the parse error of the text as a marker. Monaco adapters live in
 * monaco-setup.ts.
 */
import jsonata from 'jsonata';
import { JSONATA_FUNCTIONS, jsonataFunction, signatureOf } from './jsonata-functions';
import { positionAt, type EditorMarker } from './editor-markers';

/** One completion. */
export interface Completion {
  label: string;
  kind: 'function' | 'field';
  /** Text that replaces the word being typed. */
  insertText: string;
  detail: string;
  documentation?: string;
}

/** Completions and the length of the text they replace (before the cursor). */
export interface CompletionResult {
  items: Completion[];
  /** Characters before the cursor that the chosen item replaces. */
  replace: number;
}

const NAME = /[A-Za-z_][\w]*$/;

/**
 * Completions for the text before the cursor. After `$name` the functions
 * starting with name; after a path (`billing.ci`) the source paths below it
 * whose next name starts so; otherwise the source paths starting with the word.
 */
export function completionsAt(before: string, sourcePaths: readonly string[]): CompletionResult {
  const fn = /\$([A-Za-z_]\w*)?$/.exec(before);
  if (fn) {
    const typed = fn[1] ?? '';
    const items = JSONATA_FUNCTIONS.filter((f) => f.name.toLowerCase().startsWith(typed.toLowerCase())).map(
      (f): Completion => ({ label: `$${f.name}`, kind: 'function', insertText: `$${f.name}(`, detail: signatureOf(f), documentation: f.doc }),
    );
    return { items, replace: typed.length + 1 };
  }
  // A dotted path being typed: `billing.ci`, or `billing.` (an empty last name).
  const path = /((?:[A-Za-z_]\w*\.)*)([A-Za-z_]\w*)?$/.exec(before);
  const parent = path?.[1] ?? '';
  const word = path?.[2] ?? '';
  if (parent === '' && word === '' && !/(^|[\s(,[{:&=+\-*/<>!?])$/.test(before)) return { items: [], replace: 0 };
  const seen = new Set<string>();
  const items: Completion[] = [];
  for (const source of sourcePaths) {
    if (!source.startsWith(parent)) continue;
    const rest = source.slice(parent.length);
    if (!rest.toLowerCase().startsWith(word.toLowerCase()) || rest === '') continue;
    if (seen.has(rest)) continue;
    seen.add(rest);
    items.push({ label: rest, kind: 'field', insertText: rest, detail: `source field ${source}` });
  }
  return { items, replace: word.length };
}

/** Hover documentation of the `$function` at `column` (1-based) of `line`, if one is there. */
export function hoverAt(line: string, column: number): { text: string; start: number; end: number } | undefined {
  const pattern = /\$([A-Za-z_]\w*)/g;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
    const start = m.index + 1;
    const end = start + m[0].length;
    if (column < start || column > end) continue;
    const fn = jsonataFunction(m[1]!);
    return fn ? { text: `**${signatureOf(fn)}**\n\n${fn.doc}`, start, end } : undefined;
  }
  return undefined;
}

/** The parse error of `text` as a marker (code `COMPILE_PARSE`), or undefined when it parses. */
export function parseMarker(text: string): EditorMarker | undefined {
  if (text.trim() === '') return undefined;
  try {
    jsonata(text);
    return undefined;
  } catch (error) {
    const e = error as { position?: number; message?: string; token?: string };
    // jsonata reports the offset just past the offending token.
    const end = Math.min(Math.max(e.position ?? text.length, 1), text.length);
    const start = Math.max(0, end - Math.max(1, e.token?.length ?? 1));
    const from = positionAt(text, start);
    const to = positionAt(text, Math.max(end, start + 1));
    return { startLineNumber: from.line, startColumn: from.column, endLineNumber: to.line, endColumn: to.column, message: e.message ?? 'syntax error', code: 'COMPILE_PARSE' };
  }
}

/** The name being typed before the cursor (for Monaco's word range). */
export function typedName(before: string): string {
  return NAME.exec(before)?.[0] ?? '';
}
