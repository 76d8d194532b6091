import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStamped, sameContent, sha256Hex } from './disk-stamp';

const dir = mkdtempSync(join(tmpdir(), 'mapwright-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('disk stamps', () => {
  it('hashes with SHA-256 (known vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('reads bytes and stamp together; a missing file is undefined', async () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, '{"a":1}');
    const read = await readStamped(file);
    expect(new TextDecoder().decode(read?.bytes)).toBe('{"a":1}');
    expect(read?.stamp).toMatchObject({ size: 7, sha256: sha256Hex('{"a":1}') });
    expect(await readStamped(join(dir, 'none.json'))).toBeUndefined();
  });

  it('a touched file is the same content; an edited one is not', async () => {
    const file = join(dir, 'b.json');
    writeFileSync(file, 'one');
    const before = (await readStamped(file))!.stamp;
    utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
    const touched = (await readStamped(file))!.stamp;
    expect(touched.mtimeMs).not.toBe(before.mtimeMs);
    expect(sameContent(before, touched)).toBe(true);
    writeFileSync(file, 'two');
    expect(sameContent(before, (await readStamped(file))!.stamp)).toBe(false);
  });

  it('reports a folder as an error, not as missing', async () => {
    await expect(readStamped(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
