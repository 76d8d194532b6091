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

  it('allows no remote origin, no eval and no inline code', () => {
    const policy = directives(STUDIO_CSP);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(STUDIO_CSP).not.toMatch(/unsafe|https?:|\*/);
  });
});

describe('buildCsp for the dev server', () => {
  it('adds exact script hashes and HMR sockets, never unsafe-inline', () => {
    const policy = directives(buildCsp({ scriptHashes: ["'sha256-abc='"], connectSources: ['ws://localhost:*'] }));
    expect(policy.get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:*']);
  });
});

describe('cspHeader', () => {
  it('adds frame-ancestors, which only works in a header', () => {
    expect(directives(cspHeader()).get('frame-ancestors')).toEqual(["'none'"]);
    expect(STUDIO_CSP).not.toContain('frame-ancestors');
  });
});
