/**
 * Origins as the studio compares them. Node's URL reports the origin of a
 * non-special scheme (our `mapwright://app`) as the string "null", which
 * would make every custom-scheme URL "same origin"; so the origin is built
 * from scheme and host instead.
 */

/** The studio's own scheme in packaged builds (served by a protocol handler, never file://). */
export const APP_SCHEME = 'mapwright';

/** Origin of the packaged renderer. */
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** `scheme://host[:port]` of `url`, lower-cased; `undefined` for unparsable or host-less URLs. */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!parsed.host) return undefined;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}
