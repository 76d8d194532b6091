/**
 * URI handling for `$id` and `$ref`. Schema ids are often relative
 * (`common/commit.schema.json`) or absolute web URIs that are never fetched
 * (`https://json.schemastore.org/package.json`), so both kinds are resolved
 * with the WHATWG URL parser, relative ones against a placeholder origin.
 */

const RELATIVE_ORIGIN = 'https://relative.invalid/';

/** True when `uri` starts with a scheme (`https:`, `urn:`, `file:`), not counting a Windows drive letter. */
export function hasScheme(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri);
}

/** True for `http:` and `https:` URIs: places Mapwright never fetches from. */
export function isWebUri(uri: string): boolean {
  return /^https?:/i.test(uri);
}

/** Splits `a.json#/x/y` into its document part and its fragment (without `#`). */
export function splitFragment(uri: string): { document: string; fragment: string } {
  const hash = uri.indexOf('#');
  if (hash < 0) return { document: uri, fragment: '' };
  return { document: uri.slice(0, hash), fragment: uri.slice(hash + 1) };
}

/**
 * Resolves `reference` against `base` as RFC 3986 does. Either may be
 * relative; a relative result stays relative (`common/a.json` + `b.json` ->
 * `common/b.json`). Returns `reference` unchanged when it cannot be parsed.
 */
export function resolveUri(base: string | undefined, reference: string): string {
  if (hasScheme(reference)) return normalizeUri(reference);
  if (base === undefined || base === '') return reference;
  try {
    if (hasScheme(base)) return new URL(reference, base).href;
    const baseUrl = new URL(base, RELATIVE_ORIGIN);
    const resolved = new URL(reference, baseUrl).href;
    return resolved.startsWith(RELATIVE_ORIGIN) ? decodeURI(resolved.slice(RELATIVE_ORIGIN.length)) : resolved;
  } catch {
    return reference;
  }
}

/** Canonical form of an absolute URI, so `HTTPS://x/a#` and `https://x/a` compare equal. */
export function normalizeUri(uri: string): string {
  const { document } = splitFragment(uri);
  if (!hasScheme(document)) return document;
  try {
    return new URL(document).href;
  } catch {
    return document;
  }
}

const META_SCHEMA = [
  /^https?:\/\/json-schema\.org\/(draft-0\d\/)?schema$/i,
  /^https?:\/\/json-schema\.org\/draft\/\d{4}-\d{2}\/(schema|meta\/[\w-]+)$/i,
  /^https?:\/\/json-schema\.org\/(draft-0\d\/)?hyper-schema$/i,
  /^https?:\/\/spec\.openapis\.org\/oas\/3\.\d\/(schema|dialect|meta)(\/[\w.-]+)*$/i,
  /^https?:\/\/swagger\.io\/v2\/schema\.json$/i,
];

/**
 * True for the well-known meta-schema URIs (`http://json-schema.org/draft-07/schema#`...).
 * A `$ref` to one of them means "any schema" and is not an unresolvable remote reference.
 */
export function isMetaSchemaUri(uri: string): boolean {
  const { document } = splitFragment(uri.trim());
  return META_SCHEMA.some((pattern) => pattern.test(document));
}
