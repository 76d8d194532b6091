/**
 * JSON Schema -> schema model. The OpenAPI loader reuses the same machinery
 * (registry, $ref resolution, field building) for its schema objects.
 */
export { loadJsonSchema, type JsonSchemaLoadOptions } from './load-json-schema';
export { isJsonSchemaDocument } from './detect-json-schema';
export type { RemoteRefPolicy } from './build-context';
