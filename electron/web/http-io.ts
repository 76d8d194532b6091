/**
 * Small HTTP helpers for the web host: JSON responses with the studio's
 * security headers, and a size-limited JSON request body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toCodedError, type CodedErrorData } from '../../mapping-engine/errors';
import { parseJsonText } from '../../mapping-engine/payload/json-read';

/**
 * Largest API request body. Methods carry a whole mapping document (and an
 * edited expression), which for a big target schema with inline tables can run
 * to a few megabytes; payloads themselves never travel this way (paths do).
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Headers every response carries. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Sends `body` as JSON, never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Sends a coded failure as a StudioResult. */
export function sendFailure(res: ServerResponse, status: number, error: CodedErrorData): void {
  sendJson(res, status, { ok: false, error });
}

/** A parsed body, or why it could not be parsed (with the HTTP status to answer). */
export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: CodedErrorData };

/** Reads and parses a JSON request body of at most {@link MAX_BODY_BYTES}. */
export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      return { ok: false, status: 413, error: { code: 'LIMIT_EXCEEDED', message: `request body over ${MAX_BODY_BYTES} bytes` } };
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: [] };
  try {
    return { ok: true, value: parseJsonText(text, 'request body') };
  } catch (error) {
    return { ok: false, status: 400, error: toCodedError(error) };
  }
}
