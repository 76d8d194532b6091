/**
 * The loopback web host: the studio in any browser, without Electron
 * (`npm run web`, and the e2e tests). It binds 127.0.0.1 only, checks Host
 * and Origin on every request, requires the per-run token on every API call,
 * and validates API arguments with the same contract as Electron's IPC.
 *
 * The renderer is served through Vite in middleware mode (no build step,
 * no HMR: HMR would need an extra WebSocket and an inline script), or from a
 * built copy when `staticDir` is given.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { MapwrightError } from '../../mapping-engine/errors';
import type { ExpressionRunner } from '../../mapping-engine/run/run-types';
import { createFileAccess } from '../backend/engine/file-access';
import { createStudioBackend } from '../backend/studio-backend';
import { invokeStudioMethod } from '../contract/invoke-studio-method';
import { isStudioMethod, type StudioApi } from '../contract/studio-api';
import { cspHeader } from '../security/csp';
import { readJsonBody, sendFailure, sendJson, setSecurityHeaders } from './http-io';
import { checkApiToken, checkHostAndOrigin } from './request-guard';
import { serveStatic } from './serve-static';

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Folder holding the samples (`samples/` in the repository). */
  samplesDir: string;
  /** Serve this built renderer (vite build output) instead of running Vite. */
  staticDir?: string;
  /** Version reported by getAppInfo; package.json's by default. */
  appVersion?: string;
  /** Runs expressions (an engine host in a child process); an in-process worker pool when absent. */
  runner?: ExpressionRunner;
  /** Settings and backups folder; the user's config folder when absent (tests pass a temp folder). */
  settingsDir?: string;
  /** Folders granted from the start as if the user had opened a project in each (tests pass a temp folder). */
  readRoots?: string[];
  /**
   * A project to open at start (`npm run web -- <project file>`): the user
   * named it on the command line, so it is granted like a project opened in a
   * dialog (its folder becomes readable), and the page opens it first.
   */
  startProject?: string;
}

/** A running web host. */
export interface WebHost {
  /** The URL to open, token included (in the fragment, which browsers never send). */
  url: string;
  /** The per-run API token. */
  token: string;
  /** Stops the server and Vite. */
  close(): Promise<void>;
}

const projectFile = (name: string): string => fileURLToPath(new URL(`../../${name}`, import.meta.url));

/**
 * The web host's own Vite dependency cache, one per checkout and renderer
 * config: hosts of other checkouts sharing this node_modules (git worktrees
 * link it) or started after an edit of optimizeDeps would otherwise rewrite
 * the pre-bundled deps under a host that is serving them, and its page then
 * imports a CommonJS package raw (a missing default export, a blank studio).
 */
async function viteCacheDir(): Promise<string> {
  const config = await readFile(projectFile('vite.renderer.config.ts'), 'utf8');
  const key = createHash('sha256').update(projectFile('')).update('\0').update(config).digest('hex').slice(0, 12);
  return projectFile(`node_modules/.vite/web-host-${key}`);
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(projectFile('package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, api: StudioApi, token: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendFailure(res, 405, { code: 'USAGE', message: `${req.method ?? '?'} is not allowed on the API`, expected: 'POST' });
  }
  const denied = checkApiToken(req.headers, token);
  if (denied) return sendFailure(res, denied.status, denied.error);
  if (!isStudioMethod(method)) return sendFailure(res, 404, { code: 'NOT_FOUND', message: `unknown studio method "${method}"` });
  // A JSON content type forces a CORS preflight on any cross-origin attempt.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendFailure(res, 415, { code: 'USAGE', message: 'API calls must be JSON', expected: 'Content-Type: application/json' });
  }
  const body = await readJsonBody(req);
  if (!body.ok) return sendFailure(res, body.status, body.error);
  if (!Array.isArray(body.value)) {
    return sendFailure(res, 400, { code: 'USAGE', message: 'the request body must be the array of arguments', expected: 'a JSON array' });
  }
  const result = await invokeStudioMethod(api, method, body.value);
  sendJson(res, !result.ok && result.error.code === 'USAGE' ? 400 : 200, result);
}

/** Starts the web host on 127.0.0.1. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('base64url');
  const fileAccess = createFileAccess([options.samplesDir], options.readRoots ?? []);
  if (options.startProject !== undefined) await fileAccess.grantProject(options.startProject, { chosenInDialog: true });
  const api = createStudioBackend({
    fileAccess,
    // The page's own Open, Save As and Import dialogs are the browser user's file pickers (docs/security.md).
    pathGrants: 'typed',
    ...(options.startProject !== undefined ? { startProject: options.startProject } : {}),
    samplesDir: options.samplesDir,
    appVersion: options.appVersion ?? (await packageVersion()),
    platform: process.platform,
    ...(options.runner ? { runner: options.runner } : {}),
    ...(options.settingsDir ? { settingsDir: options.settingsDir } : {}),
  });
  const vite: ViteDevServer | undefined = options.staticDir
    ? undefined
    : await createViteServer({
        configFile: projectFile('vite.renderer.config.ts'),
        // Its own dependency cache, so `npm start`'s dev server (which uses the
        // default one) and the web host never rewrite each other's optimized deps.
        cacheDir: await viteCacheDir(),
        server: { middlewareMode: true, hmr: false, ws: false },
        // Pre-bundle exactly the renderer config's optimizeDeps.include, once, at
        // start. Discovery would wait for the first page load to finish crawling,
        // and close() would then hang on a host nobody opened (as in tests).
        optimizeDeps: { noDiscovery: true },
        appType: 'spa',
        logLevel: 'warn',
      });
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const rejected = checkHostAndOrigin(req.headers, port);
    if (rejected) return sendFailure(res, rejected.status, rejected.error);
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length), api, token);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendFailure(res, 405, { code: 'USAGE', message: `${req.method ?? '?'} is not allowed here`, expected: 'GET' });
    }
    if (options.staticDir) return serveStatic(options.staticDir, pathname, res, req.method === 'HEAD');
    res.setHeader('Content-Security-Policy', cspHeader());
    vite?.middlewares(req, res, () => sendFailure(res, 404, { code: 'NOT_FOUND', message: `no such page: ${pathname}` }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendFailure(res, 500, { code: 'INTERNAL', message: String(error) });
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await vite?.close();
    throw new MapwrightError('USAGE', `cannot listen on 127.0.0.1:${options.port ?? 0}: ${String(error)}`, { expected: 'a free port', cause: error });
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    close: async () => {
      await vite?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
