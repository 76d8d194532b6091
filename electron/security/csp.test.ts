import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCsp, cspHeader, STUDIO_CSP } from './csp';

const directives = (policy: string): Map<string, string[]> =>
  new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]));

describe('STUDIO_CSP', () => {
  it('is exactly the policy in renderer/index.html', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(STUDIO_CSP);
  });

  it('allows no remote origin, no eval and no inline script', () => {
    const policy = directives(STUDIO_CSP);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(STUDIO_CSP).not.toMatch(/unsafe-eval|unsafe-hashes|wasm-unsafe|https?:|\*/);
    // No directive but style-src may hold an 'unsafe-*' keyword.
    const unsafe = [...policy].filter(([, sources]) => sources.some((s) => s.startsWith("'unsafe-")));
    expect(unsafe.map(([name]) => name)).toEqual(['style-src']);
  });

  it("allows inline styles only (Monaco's run-time <style> elements), and fonts and images from the app", () => {
    const policy = directives(STUDIO_CSP);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    // Workers (Monaco's editor worker) fall back to script-src: same origin only.
    expect(policy.has('worker-src')).toBe(false);
  });
});

describe('buildCsp for the dev server', () => {
  it('adds exact script hashes and HMR sockets, never unsafe-inline scripts', () => {
    const policy = directives(buildCsp({ scriptHashes: ["'sha256-abc='"], connectSources: ['ws://localhost:*'] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
    expect(policy.get('style-src')).toEqual(directives(STUDIO_CSP).get('style-src'));
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:*']);
  });
});

describe('cspHeader', () => {
  it('adds frame-ancestors, which only works in a header', () => {
    expect(directives(cspHeader()).get('frame-ancestors')).toEqual(["'none'"]);
    expect(STUDIO_CSP).not.toContain('frame-ancestors');
  });
});
