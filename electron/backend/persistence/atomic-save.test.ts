import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveFileAtomic } from './atomic-save';
import { sha256Hex } from './disk-stamp';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-save-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('saveFileAtomic', () => {
  it('writes a new file and stamps what it wrote', async () => {
    const file = join(tempDir(), 'p.mapwright.json');
    const stamp = await saveFileAtomic(file, 'héllo\n');
    expect(readFileSync(file, 'utf8')).toBe('héllo\n');
    expect(stamp).toEqual({ mtimeMs: statSync(file).mtimeMs, size: 7, sha256: sha256Hex(readFileSync(file)) });
  });

  it('keeps exactly the previous content as .bak, one generation', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.json');
    await saveFileAtomic(file, 'one', { backup: true });
    expect(readdirSync(dir)).toEqual(['p.json']);
    await saveFileAtomic(file, 'two', { backup: true });
    await saveFileAtomic(file, 'three', { backup: true });
    expect(readFileSync(file, 'utf8')).toBe('three');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('two');
    expect(readdirSync(dir).sort()).toEqual(['p.json', 'p.json.bak']);
  });

  it('writes no .bak unless asked', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.json');
    writeFileSync(file, 'old');
    await saveFileAtomic(file, 'new');
    expect(readdirSync(dir)).toEqual(['p.json']);
  });

  it('replaces the target of a symlink and keeps the link', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const real = join(dir, 'real', 'p.json');
    writeFileSync(real, 'old');
    const link = join(dir, 'link.json');
    symlinkSync(real, link);
    await saveFileAtomic(link, 'new', { backup: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    // The .bak sits beside the real file, where the content lives.
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real']);
  });

  it('creates the file a dangling symlink points to', async () => {
    const dir = tempDir();
    const link = join(dir, 'link.json');
    symlinkSync('target.json', link);
    await saveFileAtomic(link, 'made');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toBe('made');
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const file = join(tempDir(), 'p.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await saveFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('fails with FILE_WRITE, leaving the old content and no temp file', async () => {
    const dir = tempDir();
    // A folder where the file should be: the temp is written, the rename fails.
    const target = join(dir, 'p.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    await expect(saveFileAtomic(target, 'new', { backup: true })).rejects.toMatchObject({ code: 'FILE_WRITE', file: target });
    expect(readdirSync(dir)).toEqual(['p.json']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it('fails with FILE_WRITE when the folder does not exist', async () => {
    const target = join(tempDir(), 'missing', 'p.json');
    await expect(saveFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'FILE_WRITE' });
  });
});
