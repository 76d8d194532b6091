import { describe, expect, it } from 'vitest';
import { takeWebToken, type TokenHost } from './web-token';

/** A window-like host with an in-memory sessionStorage and a recorded history. */
function fakeHost(hash: string, stored?: string): TokenHost & { replaced: string[]; storage: Map<string, string> } {
  const storage = new Map<string, string>(stored ? [['mapwright.webToken', stored]] : []);
  const replaced: string[] = [];
  return {
    location: { hash, pathname: '/', search: '?x=1' },
    sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    history: { replaceState: (_data, _unused, url) => void replaced.push(String(url)) },
    replaced,
    storage,
  };
}

describe('takeWebToken', () => {
  it('takes the token from the fragment, keeps it for reloads and clears the address bar', () => {
    const host = fakeHost('#token=abc_DEF-123');
    expect(takeWebToken(host)).toBe('abc_DEF-123');
    expect(host.storage.get('mapwright.webToken')).toBe('abc_DEF-123');
    expect(host.replaced).toEqual(['/?x=1']);
  });

  it('falls back to the stored token after a reload', () => {
    const host = fakeHost('', 'kept');
    expect(takeWebToken(host)).toBe('kept');
    expect(host.replaced).toEqual([]);
  });

  it('has no token when neither the fragment nor the storage has one', () => {
    expect(takeWebToken(fakeHost('#other=1'))).toBeUndefined();
  });
});
