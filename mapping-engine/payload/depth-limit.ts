/**
 * The nesting limit for walks over a parsed payload that recurse (masking,
 * writers). The readers themselves are iterative and read any depth; what
 * recurses afterwards checks the depth first, so a 100k-deep file is a coded
 * `LIMIT_EXCEEDED` naming the file instead of a stack overflow.
 */
import { MapwrightError } from '../errors';
import type { JsonValue } from './types';

/** Deepest nesting (objects and arrays) a payload may have for masking and writing; real payloads nest a few dozen levels. */
export const MAX_PAYLOAD_DEPTH = 1000;

/** Nesting depth of `value` (a scalar is 0), counted without recursion and stopping once past `limit`. */
export function depthOf(value: JsonValue, limit: number = MAX_PAYLOAD_DEPTH): number {
  let deepest = 0;
  const stack: Array<[JsonValue, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const inside = depth + 1;
    if (inside > deepest) deepest = inside;
    if (deepest > limit) return deepest;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, inside]);
  }
  return deepest;
}

/**
 * Throws when `value` nests deeper than `limit`.
 * @param what - what is being done, for the message (e.g. "masking")
 * @throws MapwrightError `LIMIT_EXCEEDED` naming `file`
 */
export function assertPayloadDepth(value: JsonValue, file: string | undefined, what: string, limit: number = MAX_PAYLOAD_DEPTH): void {
  if (depthOf(value, limit) <= limit) return;
  throw new MapwrightError('LIMIT_EXCEEDED', `the payload nests more than ${limit} levels deep, too deep for ${what}`, {
    ...(file === undefined ? {} : { file }),
    expected: `at most ${limit} levels of nesting`,
  });
}
