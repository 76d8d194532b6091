/**
 * How the renderer reaches the backend: ONE client interface, {@link StudioApi}
 * from the contract, with two transports. Inside Electron the preload has put
 * it on `window.mapwright` (IPC); in a browser it talks HTTP to the web host.
 */
import type { StudioApi } from '../../../electron/contract/studio-api';
import { createHttpStudioClient } from './http-studio-client';
import { takeWebToken, type TokenHost } from './web-token';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts; absent in a plain browser. */
    mapwright?: StudioApi;
  }
}

/** What {@link connectStudio} reads of `window`. */
export interface StudioHost extends TokenHost {
  mapwright?: StudioApi;
  location: TokenHost['location'] & { origin: string };
}

/**
 * The studio client for this page, or `undefined` when the page was opened
 * in a browser without the web host's token (the UI then says how to open it).
 */
export function connectStudio(host: StudioHost): StudioApi | undefined {
  if (host.mapwright) return host.mapwright;
  const token = takeWebToken(host);
  return token ? createHttpStudioClient({ baseUrl: host.location.origin, token }) : undefined;
}
