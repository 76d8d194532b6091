/** The web host over real HTTP on loopback: what it serves, and everything it refuses. */
import { MAX_BODY_BYTES } from './http-io';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpStudioClient } from '../../renderer/src/api/http-studio-client';
import { startWebHost, type WebHost } from './web-host';

const samplesDir = join(import.meta.dirname, '..', '..', 'samples');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A raw HTTP request, so tests can forge Host and Origin headers as an attacker would. */
function send(host: WebHost, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...init.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const api = (host: WebHost, method: string, body: string, headers: Record<string, string> = {}) =>
  send(host, `/api/${method}`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...headers } });

describe('web host serving the renderer through Vite', () => {
  let host: WebHost;
  beforeAll(async () => {
    host = await startWebHost({ samplesDir, appVersion: '0.0.0-test' });
  }, 60_000);
  afterAll(async () => {
    await host?.close();
  });

  it('listens on 127.0.0.1 and puts the token in the URL fragment only', () => {
    const url = new URL(host.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/');
    expect(url.hash).toBe(`#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the studio page with the strict CSP', async () => {
    const reply = await send(host, '/');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<title>Mapwright</title>');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers the real backend through the renderer HTTP client', async () => {
    const client = createHttpStudioClient({ baseUrl: new URL(host.url).origin, token: host.token });
    const samples = await client.listSamples();
    expect(samples.ok && samples.value.map((s) => s.id)).toContain('crm-to-erp');
    const preview = await client.readSamplePreview('crm-to-erp');
    expect(preview.ok && preview.value.sourceText.trimStart().startsWith('{')).toBe(true);
    expect(await client.getAppInfo()).toMatchObject({ ok: true, value: { name: 'Mapwright', version: '0.0.0-test' } });
    const wrongToken = createHttpStudioClient({ baseUrl: new URL(host.url).origin, token: 'guess' });
    expect(await wrongToken.listSamples()).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });

  it('refuses a foreign Host header on every path (DNS rebinding)', async () => {
    for (const path of ['/', '/src/main.tsx', '/api/listSamples']) {
      const reply = await send(host, path, { method: path.startsWith('/api') ? 'POST' : 'GET', headers: { host: 'rebind.evil.example' } });
      expect(reply.status, path).toBe(421);
      expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    }
  });

  it('refuses a cross-origin API call even with the token', async () => {
    const reply = await api(host, 'listSamples', '[]', { origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('refuses API calls without the token', async () => {
    const reply = await send(host, '/api/listSamples', { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
  });

  it('answers malformed calls with coded errors', async () => {
    const badJson = await api(host, 'readSamplePreview', '[\n  "crm-to-erp",\n  oops]');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.text)).toMatchObject({ error: { code: 'JSON_PARSE', line: 3, column: 3 } });
    expect((await api(host, 'readSamplePreview', '{"id":"crm-to-erp"}')).status).toBe(400);
    const badArgs = await api(host, 'readSamplePreview', '["../../package"]');
    expect(badArgs.status).toBe(400);
    expect(JSON.parse(badArgs.text)).toMatchObject({ error: { code: 'USAGE' } });
    expect((await api(host, 'deleteEverything', '[]')).status).toBe(404);
    expect((await api(host, 'listSamples', '[]', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await api(host, 'listSamples', JSON.stringify(['x'.repeat(MAX_BODY_BYTES + 1)]))).status).toBe(413);
    expect((await send(host, '/api/listSamples', { headers: { authorization: `Bearer ${host.token}` } })).status).toBe(405);
  });

  it('reports an unknown sample as a NOT_FOUND result', async () => {
    const reply = await api(host, 'readSamplePreview', '["no-such-sample"]');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('fails with USAGE when the requested port is taken', async () => {
    const port = Number(new URL(host.url).port);
    await expect(startWebHost({ samplesDir, port, staticDir: tmpdir() })).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('web host serving a built copy', () => {
  let host: WebHost;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-built-'));
    mkdirSync(join(root, 'site', 'assets'), { recursive: true });
    writeFileSync(join(root, 'site', 'index.html'), '<!doctype html><title>Mapwright</title>');
    writeFileSync(join(root, 'site', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside the site');
    host = await startWebHost({ samplesDir, staticDir: join(root, 'site'), appVersion: '0.0.0-test' });
  });
  afterAll(async () => {
    await host?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the files with their types and the CSP on HTML', async () => {
    const page = await send(host, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const script = await send(host, '/assets/app.js');
    expect(script.text).toBe('console.log(1)');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('never serves files outside the folder', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const reply = await send(host, path);
      expect(reply.status, path).toBe(404);
      expect(reply.text).not.toContain('outside the site');
    }
  });
});
