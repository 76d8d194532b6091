import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMapwrightError } from '../../errors';
import { defaultKeyPath, loadOrCreateKey, parseKeyText } from './key-file';

const temp = (): string => mkdtempSync(join(tmpdir(), 'mapwright-key-'));

describe('defaultKeyPath', () => {
  it('honours XDG_CONFIG_HOME, then ~/.config, and APPDATA on Windows', () => {
    expect(defaultKeyPath({ env: { XDG_CONFIG_HOME: '/x/cfg' }, platform: 'linux', home: '/home/u' })).toBe('/x/cfg/mapwright/mask.key');
    expect(defaultKeyPath({ env: {}, platform: 'linux', home: '/home/u' })).toBe('/home/u/.config/mapwright/mask.key');
    expect(defaultKeyPath({ env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\u' })).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Mapwright\\mask.key',
    );
  });
});

describe('loadOrCreateKey', () => {
  it('creates an owner-only key once and reads the same key afterwards', async () => {
    const config = temp();
    const location = { env: { XDG_CONFIG_HOME: config }, platform: 'linux', home: '/nonexistent' };
    const first = await loadOrCreateKey(undefined, location);
    expect(first.created).toBe(true);
    expect(first.path).toBe(join(config, 'mapwright', 'mask.key'));
    expect(first.key).toHaveLength(32);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(config, 'mapwright')).mode & 0o077).toBe(0);
    const second = await loadOrCreateKey(undefined, location);
    expect(second.created).toBe(false);
    expect(second.key).toEqual(first.key);
  });

  it('reads an explicit key file and rejects missing or invalid ones with codes, without quoting the content', async () => {
    const dir = temp();
    const good = join(dir, 'good.key');
    writeFileSync(good, `${'ab'.repeat(32)}\n`, { mode: 0o644 });
    chmodSync(good, 0o644);
    const loaded = await loadOrCreateKey(good);
    expect(loaded.key[0]).toBe(0xab);
    expect(loaded.readableByOthers).toBe(true);
    chmodSync(good, 0o600);
    expect((await loadOrCreateKey(good)).readableByOthers).toBe(false);
    const bad = join(dir, 'bad.key');
    writeFileSync(bad, 'super-secret-not-hex');
    const error = await loadOrCreateKey(bad).catch((e: unknown) => e);
    expect(isMapwrightError(error) && error.code).toBe('MASK_KEY_INVALID');
    expect(String((error as Error).message)).not.toContain('super-secret');
    const missing = await loadOrCreateKey(join(dir, 'none.key')).catch((e: unknown) => e);
    expect(isMapwrightError(missing) && missing.code).toBe('FILE_READ');
    expect(readFileSync(good, 'utf8')).toContain('ab');
  });

  it('parses hex keys and refuses short ones', () => {
    expect(parseKeyText('00ff'.repeat(8), 'k')).toHaveLength(16);
    expect(() => parseKeyText('00ff', 'k')).toThrow();
  });
});
