import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, originOf } from './origin';

describe('originOf', () => {
  it('keeps the host of the custom scheme, which URL.origin reports as "null"', () => {
    expect(new URL('mapwright://app/index.html').origin).toBe('null');
    expect(originOf('mapwright://app/index.html')).toBe(APP_ORIGIN);
    expect(originOf('mapwright://evil/index.html')).not.toBe(APP_ORIGIN);
  });

  it('includes the port and lower-cases', () => {
    expect(originOf('http://LOCALHOST:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('http://localhost:5174/')).not.toBe(originOf('http://localhost:5173/'));
  });

  it('has no origin for host-less or unparsable URLs', () => {
    expect(originOf('file:///etc/passwd')).toBeUndefined();
    expect(originOf('about:blank')).toBeUndefined();
    expect(originOf('nonsense')).toBeUndefined();
  });
});
