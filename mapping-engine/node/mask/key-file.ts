/**
 * The per-user masking key: 32 random bytes kept as hex in a file beside the
 * user's settings (never inside a project, so a project can be shared
 * without it), readable by the owner only.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, win32 } from 'node:path';
import { MapwrightError } from '../../errors';

/** Where the environment says settings live; injectable for tests. */
export interface KeyLocationEnv {
  env: Record<string, string | undefined>;
  platform: string;
  home: string;
}

/** A loaded key and where it came from. */
export interface LoadedKey {
  key: Uint8Array;
  path: string;
  /** True when this call created the file. */
  created: boolean;
  /** True when others than the owner may read the file (POSIX mode beyond 0600). */
  readableByOthers?: boolean;
}

const KEY_BYTES = 32;

/**
 * Default key path: `%APPDATA%\Mapwright\mask.key` on Windows,
 * `$XDG_CONFIG_HOME/mapwright/mask.key` or `~/.config/mapwright/mask.key` elsewhere.
 */
export function defaultKeyPath(location: KeyLocationEnv = currentLocation()): string {
  if (location.platform === 'win32') {
    const appData = location.env.APPDATA || win32.join(location.home, 'AppData', 'Roaming');
    return win32.join(appData, 'Mapwright', 'mask.key');
  }
  const config = location.env.XDG_CONFIG_HOME || join(location.home, '.config');
  return join(config, 'mapwright', 'mask.key');
}

function currentLocation(): KeyLocationEnv {
  return { env: process.env, platform: process.platform, home: homedir() };
}

/** Parses key file text (hex, surrounding white space allowed). @throws MapwrightError `MASK_KEY_INVALID` */
export function parseKeyText(text: string, path: string): Uint8Array {
  const hex = text.trim();
  if (!/^(?:[0-9a-fA-F]{2}){16,}$/.test(hex)) {
    // The message never quotes the file's content: it is a secret.
    throw new MapwrightError('MASK_KEY_INVALID', `${path} is not a masking key`, { file: path, expected: 'at least 32 hex digits' });
  }
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

async function readKey(path: string): Promise<Uint8Array> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'unreadable';
    throw new MapwrightError('FILE_READ', `cannot read masking key ${path}: ${why}`, { file: path });
  }
  return parseKeyText(text, path);
}

/**
 * Creates a new key file (owner-only folder 0700, file 0600). Exclusive
 * creation means two processes racing both end up with the first one's key.
 */
async function createKey(path: string): Promise<LoadedKey> {
  const key = new Uint8Array(randomBytes(KEY_BYTES));
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, `${Buffer.from(key).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    return { key, path, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: await readKey(path), path, created: false };
    throw new MapwrightError('FILE_WRITE', `cannot create masking key ${path}`, { file: path });
  }
}

/** Whether group or others have any access to the file; Windows modes say nothing useful, so never there. */
async function readableByOthers(path: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  return ((await stat(path)).mode & 0o077) !== 0;
}

/**
 * Loads the masking key. With `keyFile` the file must exist; without it the
 * default key is read, or created on first use.
 * @throws MapwrightError `FILE_READ`, `FILE_WRITE` or `MASK_KEY_INVALID`
 */
export async function loadOrCreateKey(keyFile?: string, location?: KeyLocationEnv): Promise<LoadedKey> {
  if (keyFile) return { key: await readKey(keyFile), path: keyFile, created: false, readableByOthers: await readableByOthers(keyFile) };
  const path = defaultKeyPath(location);
  try {
    return { key: await readKey(path), path, created: false, readableByOthers: await readableByOthers(path) };
  } catch (error) {
    if (error instanceof MapwrightError && error.code === 'FILE_READ' && error.message.endsWith('file not found')) return createKey(path);
    throw error;
  }
}
