/**
 * Serves a built copy of the renderer (`vite build` output) for the web
 * host's `--built` mode, with the production CSP as a header.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentTypeOf, resolveAssetPath } from '../security/asset-path';
import { cspHeader } from '../security/csp';

/** Answers a GET for `pathname` from `rootDir`; 404 for anything missing or outside it. */
export async function serveStatic(rootDir: string, pathname: string, res: ServerResponse, headOnly: boolean): Promise<void> {
  const file = resolveAssetPath(rootDir, pathname);
  let body: Buffer | undefined;
  if (file) {
    try {
      body = await readFile(file);
    } catch {
      body = undefined;
    }
  }
  if (!file || !body) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeOf(file));
  res.setHeader('Content-Length', body.length);
  res.setHeader('Cache-Control', 'no-cache');
  if (file.endsWith('.html')) res.setHeader('Content-Security-Policy', cspHeader());
  res.end(headOnly ? undefined : body);
}
