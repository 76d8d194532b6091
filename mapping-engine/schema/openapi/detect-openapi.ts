/**
 * Recognises OpenAPI documents by their version field.
 */

/** OpenAPI generations the loader understands. */
export type OpenApiVersion = '2.0' | '3.0' | '3.1';

/** The generation of `value` (`openapi: 3.0.x`, `3.1.x`, or `swagger: "2.0"`), or undefined. */
export function openApiVersion(value: unknown): OpenApiVersion | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const doc = value as Record<string, unknown>;
  if (typeof doc.openapi === 'string') {
    if (/^3\.0(\.|$)/.test(doc.openapi)) return '3.0';
    if (/^3\.\d+(\.|$)/.test(doc.openapi)) return '3.1'; // 3.2 and later keep 3.1's JSON Schema dialect
    return undefined;
  }
  if (doc.swagger === '2.0' || doc.swagger === 2) return '2.0';
  return undefined;
}

/** True for an OpenAPI 3.x or Swagger 2.0 document. */
export function isOpenApiDocument(value: unknown): boolean {
  return openApiVersion(value) !== undefined;
}
