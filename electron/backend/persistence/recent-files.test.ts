import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecentFiles } from './recent-files';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mapwright-recent-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Creates `n` project files in `dir` and returns their paths. */
function projects(dir: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const path = join(dir, `p${i}.mapwright.json`);
    writeFileSync(path, '{}');
    return path;
  });
}

describe('recent files', () => {
  it('lists most recent first, once each, with the file name', async () => {
    const dir = tempDir();
    const [a, b] = projects(dir, 2);
    const recent = createRecentFiles(join(dir, 'settings', 'recent-files.json'));
    await recent.add(a!);
    await recent.add(b!);
    await recent.add(a!);
    expect(await recent.list()).toEqual([
      { path: a, name: 'p0.mapwright.json' },
      { path: b, name: 'p1.mapwright.json' },
    ]);
  });

  it('keeps at most ten', async () => {
    const dir = tempDir();
    const files = projects(dir, 12);
    const store = join(dir, 'recent-files.json');
    const recent = createRecentFiles(store);
    for (const f of files) await recent.add(f);
    const listed = (await recent.list()).map((r) => r.path);
    expect(listed).toEqual(files.slice(2).reverse());
    expect((JSON.parse(readFileSync(store, 'utf8')) as { files: string[] }).files).toHaveLength(10);
  });

  it('leaves out files that no longer exist, and removes on request', async () => {
    const dir = tempDir();
    const [a, b, c] = projects(dir, 3);
    const recent = createRecentFiles(join(dir, 'recent-files.json'));
    for (const f of [a!, b!, c!]) await recent.add(f);
    rmSync(b!);
    await recent.remove(c!);
    expect((await recent.list()).map((r) => r.path)).toEqual([a]);
  });

  it('loses no entry when several are added at once', async () => {
    const dir = tempDir();
    const files = projects(dir, 6);
    const recent = createRecentFiles(join(dir, 'recent-files.json'));
    await Promise.all(files.map((f) => recent.add(f)));
    expect((await recent.list()).map((r) => r.path).sort()).toEqual([...files].sort());
  });

  it('starts empty from a damaged list and repairs it on the next add', async () => {
    const dir = tempDir();
    const [a] = projects(dir, 1);
    const store = join(dir, 'recent-files.json');
    writeFileSync(store, '{"files": [1, 2');
    const recent = createRecentFiles(store);
    expect(await recent.list()).toEqual([]);
    await recent.add(a!);
    expect((await recent.list()).map((r) => r.path)).toEqual([a]);
  });
});
