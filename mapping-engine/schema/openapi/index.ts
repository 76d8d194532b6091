/**
 * OpenAPI 3.0/3.1 and Swagger 2.0 -> schema model: component schemas and
 * operation bodies as roots.
 */
export { loadOpenApi, listOpenApiRoots, type OpenApiLoadOptions } from './load-openapi';
export { isOpenApiDocument, openApiVersion, type OpenApiVersion } from './detect-openapi';
