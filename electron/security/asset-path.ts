/**
 * Maps a request path to a file inside a folder of built renderer assets,
 * for the Electron app protocol and the web host's built-copy mode. Anything
 * that could escape the folder (`..`, encoded separators, NUL) is refused.
 */
import { join, normalize, resolve, sep } from 'node:path';

/**
 * The absolute file for URL path `pathname` under `rootDir`, or `undefined`
 * when the path is malformed or would leave `rootDir`. `/` means `/index.html`.
 */
export function resolveAssetPath(rootDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').includes('..')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const full = normalize(join(root, relative));
  return full.startsWith(root + sep) ? full : undefined;
}

/** Content types of the files a Vite build of the renderer produces. */
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  map: 'application/json; charset=utf-8',
  wasm: 'application/wasm',
};

/** Content type for a file name; `application/octet-stream` when unknown (with nosniff, never executed). */
export function contentTypeOf(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
