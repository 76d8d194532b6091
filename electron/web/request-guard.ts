/**
 * Checks every request to the loopback web host must pass. A loopback port is
 * reachable by any web page the user visits (cross-site requests, DNS
 * rebinding), so:
 * - the Host header must name this host and port (defeats DNS rebinding),
 * - an Origin header, when present, must be this host's own origin,
 * - API calls must carry the per-run token, which only the printed URL knows.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CodedErrorData } from '../../mapping-engine/errors';

/** A refused request: the HTTP status and the coded error to send. */
export interface Rejection {
  status: number;
  error: CodedErrorData;
}

/** The request headers the guard reads (Node lower-cases header names). */
export interface GuardedHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  authorization?: string | undefined;
  'sec-fetch-site'?: string | string[] | undefined;
}

function denied(status: number, message: string, expected?: string): Rejection {
  const error: CodedErrorData = { code: 'ACCESS_DENIED', message };
  if (expected !== undefined) error.expected = expected;
  return { status, error };
}

/** The `host:port` values this host answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Refuses requests for another host name, or from another origin. */
export function checkHostAndOrigin(headers: GuardedHeaders, port: number): Rejection | undefined {
  const hosts = allowedHosts(port);
  const host = headers.host?.toLowerCase();
  if (!host || !hosts.includes(host)) return denied(421, `unexpected Host header "${headers.host ?? ''}"`, hosts.join(' or '));
  if (headers.origin !== undefined) {
    const origins = hosts.map((h) => `http://${h}`);
    if (!origins.includes(headers.origin.toLowerCase())) return denied(403, `cross-origin request from "${headers.origin}"`, origins.join(' or '));
  }
  // Browsers that send Fetch Metadata say outright when a request is cross-site.
  if (headers['sec-fetch-site'] === 'cross-site') return denied(403, 'cross-site request');
  return undefined;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Refuses an API call without the right `Authorization: Bearer <token>`. */
export function checkApiToken(headers: GuardedHeaders, token: string): Rejection | undefined {
  const match = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  // Comparing fixed-length digests keeps the comparison constant-time whatever was sent.
  if (!match?.[1] || !timingSafeEqual(digest(match[1]), digest(token))) {
    return denied(401, 'missing or wrong web host token', 'the token from the URL that `npm run web` printed');
  }
  return undefined;
}
