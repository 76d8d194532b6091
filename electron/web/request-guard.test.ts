import { describe, expect, it } from 'vitest';
import { allowedHosts, checkApiToken, checkHostAndOrigin } from './request-guard';

describe('checkHostAndOrigin', () => {
  it('accepts this host by IP or by localhost, with or without its own Origin', () => {
    expect(allowedHosts(5180)).toEqual(['127.0.0.1:5180', 'localhost:5180']);
    expect(checkHostAndOrigin({ host: '127.0.0.1:5180' }, 5180)).toBeUndefined();
    expect(checkHostAndOrigin({ host: 'LOCALHOST:5180', origin: 'http://localhost:5180' }, 5180)).toBeUndefined();
    expect(checkHostAndOrigin({ host: '127.0.0.1:5180', 'sec-fetch-site': 'same-origin' }, 5180)).toBeUndefined();
  });

  it('refuses other Host headers (DNS rebinding) with 421', () => {
    for (const host of [undefined, 'evil.example:5180', '127.0.0.1:80', '127.0.0.1', 'localhost.evil.example:5180']) {
      expect(checkHostAndOrigin({ host }, 5180), String(host)).toMatchObject({ status: 421, error: { code: 'ACCESS_DENIED' } });
    }
  });

  it('refuses foreign origins and cross-site fetches with 403', () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:5181', 'null', 'https://127.0.0.1:5180']) {
      expect(checkHostAndOrigin({ host: '127.0.0.1:5180', origin }, 5180), origin).toMatchObject({ status: 403 });
    }
    expect(checkHostAndOrigin({ host: '127.0.0.1:5180', 'sec-fetch-site': 'cross-site' }, 5180)).toMatchObject({ status: 403 });
  });
});

describe('checkApiToken', () => {
  const token = 'abcDEF123_-';

  it('accepts the exact bearer token', () => {
    expect(checkApiToken({ authorization: `Bearer ${token}` }, token)).toBeUndefined();
  });

  it('refuses a missing, wrong, prefixed or differently cased token with 401', () => {
    for (const authorization of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.toLowerCase()}`, `Basic ${token}`, `Bearer  ${token}`, 'Bearer ']) {
      expect(checkApiToken({ authorization }, token), String(authorization)).toMatchObject({ status: 401, error: { code: 'ACCESS_DENIED' } });
    }
  });
});
