import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupStore } from './backup-store';

const temps: string[] = [];
function backupDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'mapwright-backups-'));
  temps.push(root);
  // A folder that does not exist yet: the store creates it on the first write.
  return join(root, 'backups');
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A clock that moves one second per call, so "newest first" is observable. */
function ticking(): () => Date {
  let t = Date.UTC(2026, 0, 1);
  return () => new Date((t += 1000));
}

const stamp = { mtimeMs: 1, size: 2, sha256: 'a'.repeat(64) };

describe('backup store', () => {
  it('lists nothing when the folder does not exist', async () => {
    expect(await createBackupStore(backupDir()).list()).toEqual([]);
  });

  it('writes, lists newest first, reads back and discards', async () => {
    const dir = backupDir();
    const store = createBackupStore(dir, ticking());
    await store.write('s1', { projectPath: '/p/crm.mapwright.json', savedStamp: stamp, text: '{"name":"CRM map"' });
    await store.write('s2', { text: '{"formatVersion":1,"name":"Orders"}' });
    const list = await store.list();
    expect(list.map((b) => [b.id, b.name, b.projectPath])).toEqual([
      ['s2', 'Orders', undefined],
      // Mid-edit text does not parse: the file name names it.
      ['s1', 'crm.mapwright.json', '/p/crm.mapwright.json'],
    ]);
    expect(list[1]!.size).toBe('{"name":"CRM map"'.length);
    expect(await store.read('s1')).toEqual({ projectPath: '/p/crm.mapwright.json', savedStamp: stamp, text: '{"name":"CRM map"', updatedAt: '2026-01-01T00:00:01.000Z' });
    expect(await store.discard('s1')).toBe(true);
    expect(await store.discard('s1')).toBe(false);
    expect((await store.list()).map((b) => b.id)).toEqual(['s2']);
  });

  it('replaces a session backup on every write (one file per session)', async () => {
    const dir = backupDir();
    const store = createBackupStore(dir, ticking());
    await store.write('s1', { text: 'first' });
    await store.write('s1', { text: 'second' });
    expect((await store.read('s1')).text).toBe('second');
    expect(readdirSync(dir)).toEqual(['s1.backup.json']);
  });

  it('skips damaged files when listing and reports them when read', async () => {
    const dir = backupDir();
    const store = createBackupStore(dir);
    await store.write('good', { text: 'x' });
    writeFileSync(join(dir, 'bad.backup.json'), '{"text": 12');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    expect((await store.list()).map((b) => b.id)).toEqual(['good']);
    await expect(store.read('bad')).rejects.toMatchObject({ code: 'FILE_READ' });
    await expect(store.read('gone')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses ids that could leave the folder', async () => {
    const store = createBackupStore(backupDir());
    await expect(store.write('../evil', { text: 'x' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(store.read('a/b')).rejects.toMatchObject({ code: 'USAGE' });
    await expect(store.discard('')).rejects.toMatchObject({ code: 'USAGE' });
  });
});
