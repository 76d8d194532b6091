import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileAccess, isInside } from './file-access';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** samples/demo/demo.mapwright.json with a source file, a projects folder elsewhere, and a secret outside both. */
function layout(): { root: string; samples: string; project: string; elsewhere: string; secret: string } {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-access-'));
  temps.push(root);
  const samples = join(root, 'samples');
  mkdirSync(join(samples, 'demo', 'source'), { recursive: true });
  const project = join(samples, 'demo', 'demo.mapwright.json');
  writeFileSync(project, '{}');
  writeFileSync(join(samples, 'demo', 'source', 'a.json'), '{}');
  const elsewhere = join(root, 'work');
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'mine.mapwright.json'), '{}');
  writeFileSync(join(elsewhere, 'data.json'), '{}');
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, 'secret');
  return { root, samples, project, elsewhere, secret };
}

const code = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'allowed',
    (error: { code?: string }) => error.code,
  );

describe('isInside', () => {
  it('accepts the folder itself and what lies below, nothing else', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b/c/d.json', '/a/b')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
    expect(isInside('/a', '/a/b')).toBe(false);
    expect(isInside('/a/..b/x', '/a')).toBe(true);
  });
});

describe('createFileAccess', () => {
  it('accepts projects inside a trusted root and files in their folder, relative or absolute', async () => {
    const l = layout();
    const access = createFileAccess([l.samples]);
    expect(await code(access.checkProject(l.project))).toBe('allowed');
    expect(await access.checkRead('source/a.json', l.project)).toBe(join(l.samples, 'demo', 'source', 'a.json'));
    expect(await code(access.checkRead(join(l.samples, 'demo', 'source', 'a.json')))).toBe('allowed');
  });

  it('refuses projects outside the roots until the host grants them', async () => {
    const l = layout();
    const access = createFileAccess([l.samples]);
    const mine = join(l.elsewhere, 'mine.mapwright.json');
    expect(await code(access.checkProject(mine))).toBe('ACCESS_DENIED');
    expect(await code(access.checkRead('data.json', mine))).toBe('ACCESS_DENIED');
    await access.grantProject(mine);
    expect(await code(access.checkRead('data.json', mine))).toBe('allowed');
  });

  it('refuses a non-project file as a project, even inside a root', async () => {
    const l = layout();
    const access = createFileAccess([l.root]);
    expect(await code(access.checkProject(l.secret))).toBe('ACCESS_DENIED');
    expect(await code(access.checkProject('relative.mapwright.json'))).toBe('USAGE');
  });

  it('refuses escapes with .. and through symbolic links, but allows a file the user picked', async () => {
    const l = layout();
    const access = createFileAccess([l.samples]);
    expect(await code(access.checkRead('../../secret.txt', l.project))).toBe('ACCESS_DENIED');
    expect(await code(access.checkRead(l.secret, l.project))).toBe('ACCESS_DENIED');
    const link = join(l.samples, 'demo', 'source', 'link.txt');
    symlinkSync(l.secret, link);
    expect(await code(access.checkRead('source/link.txt', l.project))).toBe('ACCESS_DENIED');
    const projectLink = join(l.samples, 'demo', 'evil.mapwright.json');
    symlinkSync(l.secret, projectLink);
    expect(await code(access.checkProject(projectLink))).toBe('ACCESS_DENIED');
    await access.grantFile(l.secret);
    expect(await code(access.checkRead(l.secret, l.project))).toBe('allowed');
    expect(await code(access.checkRead('source/link.txt', l.project))).toBe('allowed');
  });

  it('needs a project to resolve a relative path', async () => {
    const access = createFileAccess([]);
    expect(await code(access.checkRead('a.json'))).toBe('USAGE');
  });

  it('gives the same refusal for a missing file and an existing one outside the grants', async () => {
    const l = layout();
    const access = createFileAccess([l.samples]);
    const refusal = async (path: string) =>
      access.checkRead(path).then(
        () => 'allowed',
        (error: { code: string; message: string }) => `${error.code} ${error.message.replace(path, '<path>')}`,
      );
    expect(await refusal(l.secret)).toBe(await refusal(join(l.root, 'missing.txt')));
    expect(await refusal(l.secret)).toMatch(/^ACCESS_DENIED /);
  });

  it('writes only where a grant allows it, under a fitting name, never in a read-only root or onto a protected file', async () => {
    const l = layout();
    const access = createFileAccess([l.samples]);
    const mine = join(l.elsewhere, 'mine.mapwright.json');
    const project = /\.mapwright\.json$/i;
    expect(await code(access.checkWrite(mine, { name: project }))).toBe('ACCESS_DENIED');
    await access.grantProject(mine);
    expect(await code(access.checkWrite(mine, { name: project }))).toBe('allowed');
    expect(await code(access.checkWrite(join(l.elsewhere, 'new.mapwright.json'), { name: project }))).toBe('allowed');
    expect(await code(access.checkWrite(join(l.elsewhere, 'run.sh'), { name: project }))).toBe('ACCESS_DENIED');
    expect(await code(access.checkWrite(join(l.elsewhere, 'data.json'), { protect: [join(l.elsewhere, 'data.json')] }))).toBe('ACCESS_DENIED');
    expect(await code(access.checkWrite(l.project, { name: project }))).toBe('ACCESS_DENIED');
    // A name the user chose in a native dialog is written as it is.
    await access.grantFile(l.secret, { write: true, anyName: true });
    expect(await code(access.checkWrite(l.secret, { name: project }))).toBe('allowed');
  });

  it('grants the folder of a project it only saved there on an explicit open, not from the recent list', async () => {
    const l = layout();
    const access = createFileAccess([]);
    const planted = join(l.elsewhere, 'planted.mapwright.json');
    await access.grantFile(planted, { write: true, saveTarget: true });
    writeFileSync(planted, '{}');
    await access.grantProject(planted);
    expect(await code(access.checkProject(planted))).toBe('allowed');
    expect(await code(access.checkRead('data.json', planted))).toBe('ACCESS_DENIED');
    await access.grantProject(planted, { chosenInDialog: true });
    expect(await code(access.checkRead('data.json', planted))).toBe('allowed');
  });

  it('grants nothing for a project that is not there', async () => {
    const l = layout();
    const access = createFileAccess([]);
    await access.grantProject(join(l.root, 'missing.mapwright.json'), { chosenInDialog: true });
    expect(await code(access.checkRead(l.secret))).toBe('ACCESS_DENIED');
  });
});
