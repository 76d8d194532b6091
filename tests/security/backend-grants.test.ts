/**
 * Issue 11's attacks on the backend itself, as a compromised renderer in
 * Electron sends them over IPC (the backend's `native` grant mode: only the
 * main process grants, after a native dialog). Links, `..`, FIFOs, planted
 * projects, referenced files, backups, stale temp files: each is refused with
 * its code and leaves the disk as it was.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileAccess, type FileAccess } from '../../electron/backend/engine/file-access';
import { createStudioBackend } from '../../electron/backend/studio-backend';
import type { StudioApi, StudioResult } from '../../electron/contract/studio-api';

const repo = join(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const projectText = (name: string, extra = '') =>
  `{\n  "formatVersion": 1,\n  "name": "${name}",\n  "source": { "format": "json" },\n  "target": { "format": "json" }${extra}\n}\n`;

const codeOf = (result: StudioResult<unknown>): string => (result.ok ? 'ok' : result.error.code);

interface Setup {
  root: string;
  home: string;
  samplesDir: string;
  access: FileAccess;
  api: StudioApi;
}

/** A backend as Electron's main process builds it, over a temp home with secrets and a bundled samples copy. */
function setup(): Setup {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-grants-'));
  temps.push(root);
  const home = join(root, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  writeFileSync(join(home, '.bashrc'), 'export A=1\n');
  writeFileSync(join(home, '.ssh', 'id_rsa'), 'SECRET KEY\n');
  const samplesDir = join(root, 'samples');
  cpSync(join(repo, 'samples', 'crm-to-erp'), join(samplesDir, 'crm-to-erp'), { recursive: true });
  const access = createFileAccess([samplesDir]);
  const api = createStudioBackend({ samplesDir, appVersion: '0', platform: process.platform, fileAccess: access, settingsDir: join(root, 'settings') });
  return { root, home, samplesDir, access, api };
}

describe('backend grants against a compromised renderer', () => {
  it('refuses the web grant entry: in Electron only the main process grants', async () => {
    const { api, home } = setup();
    expect(codeOf(await api.grantChosenPath({ path: join(home, 'x.mapwright.json'), purpose: 'saveAs' }))).toBe('ACCESS_DENIED');
    expect(codeOf(await api.saveProjectAs({ path: join(home, 'x.mapwright.json'), text: projectText('X') }))).toBe('ACCESS_DENIED');
    expect(existsSync(join(home, 'x.mapwright.json'))).toBe(false);
  });

  it('writes a Save As place the user chose, any name only when chosen in the native dialog, never its neighbours', async () => {
    const { api, access, home } = setup();
    const chosen = join(home, 'notes.txt');
    // The native Save dialog chose this exact name (main grants it with anyName).
    await access.grantFile(chosen, { write: true, anyName: true, saveTarget: true });
    expect(codeOf(await api.saveProjectAs({ path: chosen, text: projectText('Chosen') }))).toBe('ok');
    // A place granted without the dialog's name choice needs a project name.
    await access.grantFile(join(home, '.profile'), { write: true, saveTarget: true });
    expect(codeOf(await api.saveProjectAs({ path: join(home, '.profile'), text: projectText('Evil') }))).toBe('ACCESS_DENIED');
    for (const neighbour of [join(home, '.bashrc'), join(home, 'other.mapwright.json')]) {
      expect(codeOf(await api.saveProjectAs({ path: neighbour, text: projectText('Evil') }))).toBe('ACCESS_DENIED');
    }
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('export A=1\n');
  });

  it('follows `..` and symbolic links before deciding: a link in an opened folder does not lead out', async () => {
    const { api, access, root, home } = setup();
    const work = join(root, 'work');
    mkdirSync(work);
    const project = join(work, 'p.mapwright.json');
    writeFileSync(project, projectText('P'));
    symlinkSync(join(home, '.ssh'), join(work, 'keys'));
    symlinkSync(join(home, '.bashrc'), join(work, 'rc.mapwright.json'));
    await access.grantProject(project, { chosenInDialog: true });
    expect(codeOf(await api.openProject(project))).toBe('ok');
    for (const file of ['keys/id_rsa', '../home/.ssh/id_rsa', join(work, '..', 'home', '.ssh', 'id_rsa')]) {
      expect(codeOf(await api.readPayloadPreview({ projectPath: project, file })), file).toBe('ACCESS_DENIED');
    }
    // Saving "through" a link to a file outside the grants is a write outside them.
    expect(codeOf(await api.saveProjectAs({ path: join(work, 'rc.mapwright.json'), text: projectText('Evil') }))).toBe('ACCESS_DENIED');
    expect(codeOf(await api.saveProjectAs({ path: join(work, 'keys', 'k.mapwright.json'), text: projectText('Evil') }))).toBe('ACCESS_DENIED');
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('export A=1\n');
    expect(readdirSync(join(home, '.ssh'))).toEqual(['id_rsa']);
  });

  it('names a reference that leaves the project by its file name, never by a climbing or resolved path', async () => {
    const { api, access, root } = setup();
    const work = join(root, 'work');
    mkdirSync(work);
    const project = join(work, 'p.mapwright.json');
    writeFileSync(project, projectText('P'));
    await access.grantProject(project, { chosenInDialog: true });
    const text = projectText('P', ',\n  "lookups": { "t": { "file": "../../../../etc/passwd", "keyColumn": "a", "valueColumn": "b" } }');
    const compiled = await api.compileDocument({ projectPath: project, text });
    expect(codeOf(compiled)).toBe('ACCESS_DENIED');
    if (compiled.ok) return;
    expect(compiled.error.file).toBe('passwd');
    expect(JSON.stringify(compiled.error)).not.toContain('..');
    expect(JSON.stringify(compiled.error)).not.toContain(root);
  });

  it('refuses FIFOs and folders inside an opened folder with a coded error, and sizes before reading', async () => {
    const { api, access, root } = setup();
    const work = join(root, 'work');
    mkdirSync(join(work, 'dir.json'), { recursive: true });
    const project = join(work, 'p.mapwright.json');
    writeFileSync(project, projectText('P'));
    execFileSync('mkfifo', [join(work, 'pipe.json')]);
    symlinkSync('/dev/zero', join(work, 'zero.json'));
    await access.grantProject(project, { chosenInDialog: true });
    for (const file of ['pipe.json', 'zero.json', 'dir.json']) {
      // Outside the folder /dev/zero is refused outright; the point is that nothing hangs or reads forever.
      expect(['FILE_READ', 'ACCESS_DENIED'], file).toContain(codeOf(await api.readPayloadPreview({ projectPath: project, file })));
    }
    expect(codeOf(await api.readPayloadPreview({ projectPath: project, file: 'pipe.json' }))).toBe('FILE_READ');
    // A FIFO named like a project is not opened either (the read would block for ever).
    execFileSync('mkfifo', [join(work, 'fifo.mapwright.json')]);
    expect(codeOf(await api.openProject(join(work, 'fifo.mapwright.json')))).toBe('FILE_READ');
  });

  it('replaces a .bak planted as a link instead of writing the old project through it', async () => {
    const { api, access, root, home } = setup();
    const work = join(root, 'work');
    mkdirSync(work);
    const project = join(work, 'p.mapwright.json');
    writeFileSync(project, projectText('Old'));
    symlinkSync(join(home, '.bashrc'), join(work, 'p.mapwright.json.bak'));
    await access.grantProject(project, { chosenInDialog: true });
    expect(codeOf(await api.saveProject({ path: project, text: projectText('New'), force: true }))).toBe('ok');
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('export A=1\n');
    expect(readFileSync(join(work, 'p.mapwright.json.bak'), 'utf8')).toContain('Old');
  });

  it('never saves a project onto a file it refers to', async () => {
    const { api, access, root } = setup();
    const work = join(root, 'work');
    mkdirSync(work);
    const project = join(work, 'p.mapwright.json');
    writeFileSync(project, projectText('P'));
    writeFileSync(join(work, 'expected.mapwright.json'), '{"kept": true}\n');
    await access.grantProject(project, { chosenInDialog: true });
    const text = projectText('P', ',\n  "tests": [{ "name": "t", "input": "in.json", "expected": "expected.mapwright.json" }]');
    expect(codeOf(await api.saveProjectAs({ path: join(work, 'expected.mapwright.json'), text }))).toBe('ACCESS_DENIED');
    expect(readFileSync(join(work, 'expected.mapwright.json'), 'utf8')).toBe('{"kept": true}\n');
  });

  it('keeps the bundled samples read-only and imports nothing into them', async () => {
    const { api, samplesDir, home } = setup();
    const project = join(samplesDir, 'crm-to-erp', 'crm-to-erp.mapwright.json');
    const text = readFileSync(project, 'utf8');
    expect(codeOf(await api.openProject(project))).toBe('ok');
    expect(codeOf(await api.saveProject({ path: project, text, force: true }))).toBe('ACCESS_DENIED');
    expect(codeOf(await api.importSample({ projectPath: project, side: 'source', file: join(samplesDir, 'crm-to-erp', 'source', 'crm-account.json') }))).toBe('ACCESS_DENIED');
    expect(codeOf(await api.exportSpecToFile({ projectPath: project, kind: 'md', runTests: false, outPath: join(samplesDir, 'crm-to-erp', 'spec.md') }))).toBe('ACCESS_DENIED');
    expect(codeOf(await api.readPayloadPreview({ projectPath: project, file: join(home, '.bashrc') }))).toBe('ACCESS_DENIED');
    expect(readFileSync(project, 'utf8')).toBe(text);
  });

  it('remembers in a backup only a project it may read, and restoring grants that file, not its folder', async () => {
    const { api, access, root, home } = setup();
    expect(codeOf(await api.backupUnsaved({ sessionId: 's1', path: join(home, '.ssh', 'x.mapwright.json'), text: projectText('X') }))).toBe('ACCESS_DENIED');
    const work = join(root, 'work');
    mkdirSync(work);
    const project = join(work, 'p.mapwright.json');
    writeFileSync(project, projectText('P'));
    await access.grantProject(project, { chosenInDialog: true });
    expect(codeOf(await api.backupUnsaved({ sessionId: 's2', path: project, text: projectText('Unsaved') }))).toBe('ok');
    // A new session (after a crash) restores it and may save it again.
    const next = createStudioBackend({ samplesDir: join(root, 'samples'), appVersion: '0', platform: process.platform, settingsDir: join(root, 'settings') });
    expect(codeOf(await next.restoreBackup('s2'))).toBe('ok');
    expect(codeOf(await next.saveProject({ path: project, text: projectText('Unsaved') }))).toBe('ok');
    expect(readFileSync(project, 'utf8')).toContain('Unsaved');
  });

  it('removes stale temp files of killed saves on the next open or save, and leaves live writers and other files alone', async () => {
    const { api, access, root } = setup();
    const work = join(root, 'work');
    mkdirSync(work);
    const project = join(work, 'p.mapwright.json');
    writeFileSync(project, projectText('P'));
    // A dead writer's temp files (pid 2^22+ is above Linux's pid_max), an old one of our own pid, a live one, an unrelated file.
    const dead = '.p.mapwright.json.4194999.0123456789ab.tmp';
    const deadBak = '.p.mapwright.json.bak.4194999.0123456789ab.tmp';
    const oldOwn = `.p.mapwright.json.${process.pid}.aaaaaaaaaaaa.tmp`;
    const live = `.p.mapwright.json.${process.pid}.bbbbbbbbbbbb.tmp`;
    const other = '.q.mapwright.json.4194999.0123456789ab.tmp';
    for (const name of [dead, deadBak, oldOwn, live, other]) writeFileSync(join(work, name), 'partial');
    const hoursAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000;
    utimesSync(join(work, oldOwn), hoursAgo, hoursAgo);
    await access.grantProject(project, { chosenInDialog: true });
    expect(codeOf(await api.openProject(project))).toBe('ok');
    expect(readdirSync(work).sort()).toEqual([live, other, 'p.mapwright.json'].sort());
    writeFileSync(join(work, dead), 'partial again');
    expect(codeOf(await api.saveProject({ path: project, text: projectText('P2'), force: true }))).toBe('ok');
    expect(readdirSync(work)).not.toContain(dead);
  });
});
