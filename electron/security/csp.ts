/**
 * Content Security Policy of the studio, one definition for every way the
 * renderer is served: the `<meta>` in renderer/index.html (checked against
 * {@link STUDIO_CSP} by a test), the Electron app protocol and the web host.
 *
 * No remote origins and no eval: the studio works offline and handles
 * customer payloads, so nothing may load from, or send to, anywhere else.
 */

/** Extra sources the Vite dev server needs (see vite.renderer.config.ts). */
export interface CspOptions {
  /** `'sha256-...'` tokens of inline scripts (Vite's React Fast Refresh preamble in dev). */
  scriptHashes?: string[];
  /** Extra `connect-src` sources (the dev server's HMR WebSocket). */
  connectSources?: string[];
}

/**
 * Builds the policy. Without options it is the production policy; the
 * options only ever add exact script hashes or connect sources, never
 * `'unsafe-*'`. The one `'unsafe-inline'` is in style-src, for Monaco.
 */
export function buildCsp(options: CspOptions = {}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'", ...(options.scriptHashes ?? [])]],
    // Monaco (the JSONata editor) writes its theme colours, token classes and
    // widget sizes into <style> elements it creates at run time, and has no
    // nonce hook for them; blocking them leaves an unstyled, unusable editor.
    // Inline STYLES only: scripts stay 'self' (no inline script, no eval), and
    // no remote origin is allowed for anything.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...(options.connectSources ?? [])]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The production policy, as it appears in renderer/index.html. */
export const STUDIO_CSP = buildCsp();

/**
 * The policy for an HTTP header. `frame-ancestors` only works in a header
 * (browsers ignore it, with a console error, in a `<meta>`), so it is added here.
 */
export function cspHeader(policy: string = STUDIO_CSP): string {
  return `${policy}; frame-ancestors 'none'`;
}
