/**
 * Guesses a payload's format from its file name, then from its first bytes.
 * The extension wins because content sniffing cannot tell a one-column CSV
 * from plain text; sniffing covers files without a telling extension.
 */
import type { PayloadFormat } from './types';

const BY_EXTENSION: Record<string, PayloadFormat> = {
  json: 'json',
  geojson: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  xml: 'xml',
  xsd: 'xml',
  wsdl: 'xml',
  rss: 'xml',
  atom: 'xml',
  svg: 'xml',
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  psv: 'csv',
  txt: 'csv',
};

/** Lower-case extension of a file name without the dot (`a/b.Tar.GZ` -> `gz`). */
export function extensionOf(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** First characters of the input as text, skipping a UTF-8/UTF-16 BOM and NUL bytes of UTF-16. */
function headText(input: Uint8Array | string, length = 2048): string {
  if (typeof input === 'string') return input.slice(0, length).replace(/^\uFEFF/, '');
  let text = '';
  for (let i = 0; i < Math.min(input.length, length); i++) {
    const b = input[i] ?? 0;
    if (b !== 0 && b < 0x80) text += String.fromCharCode(b);
  }
  return text;
}

/** Sniffs the format from content alone. */
export function sniffFormat(input: Uint8Array | string): PayloadFormat {
  const head = headText(input).trimStart();
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{') || head.startsWith('[')) {
    const lines = head.split(/\r?\n/).filter((line) => line.trim() !== '');
    // Two complete JSON objects on consecutive lines: JSON Lines, not one document.
    const looksLikeLines = lines.length > 1 && lines.slice(0, 2).every((l) => /^\s*\{.*\}\s*$/.test(l));
    return looksLikeLines ? 'jsonl' : 'json';
  }
  return 'csv';
}

/**
 * Detects the payload format of a file: explicit choice, else extension, else content.
 * @param file - file name or path (only the extension is used)
 */
export function detectFormat(file: string | undefined, input: Uint8Array | string, explicit?: PayloadFormat): PayloadFormat {
  if (explicit) return explicit;
  const byExtension = file ? BY_EXTENSION[extensionOf(file)] : undefined;
  return byExtension ?? sniffFormat(input);
}
