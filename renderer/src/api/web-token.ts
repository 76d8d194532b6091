/**
 * The web host's per-run token. `npm run web` prints a URL whose fragment
 * carries it (`#token=...`): fragments are never sent to a server or logged.
 * The page moves it to sessionStorage (so a reload keeps working) and removes
 * it from the address bar (so it is not shared by copying the URL).
 */

const STORAGE_KEY = 'mapwright.webToken';

/** The parts of `window` this module touches, so tests pass plain objects. */
export interface TokenHost {
  location: { hash: string; pathname: string; search: string };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState'>;
}

/** Takes the token from the URL fragment if present, else from sessionStorage. */
export function takeWebToken(host: TokenHost): string | undefined {
  const fromHash = new URLSearchParams(host.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    host.sessionStorage.setItem(STORAGE_KEY, fromHash);
    host.history.replaceState(null, '', `${host.location.pathname}${host.location.search}`);
    return fromHash;
  }
  return host.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}
