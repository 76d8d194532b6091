/**
 * The schemas an OpenAPI document offers as roots, by display name:
 * - component schemas by plain name (`Pet`): 3.x `components/schemas`, 2.0 `definitions`;
 * - operation bodies: `POST /pets request`, `GET /pets/{id} response 200`
 *   (3.1 webhooks the same way, under the webhook's name: `POST newPet request`).
 * A body's schema is taken from its first JSON-like media type
 * (`application/json`, `application/problem+json`...), else from the first
 * media type that has a schema (form or XML bodies still have a shape).
 */
import { isObject } from '../json-schema/json-pointer';
import { resolveRef } from '../json-schema/resolve-ref';
import { childOf, type Located, type SchemaRegistry } from '../json-schema/schema-registry';
import type { OpenApiVersion } from './detect-openapi';

/** One root: its name and where its schema is. */
export interface OpenApiRoot {
  name: string;
  kind: 'component' | 'operation';
  schema: Located;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const MAX_REF_HOPS = 16;

/** How roots are gathered: `lenient` skips objects whose `$ref` cannot be followed instead of failing. */
interface Walk {
  registry: SchemaRegistry;
  version: OpenApiVersion;
  lenient: boolean;
}

/** Follows `$ref`s of a non-schema object (path item, request body, response, parameter). */
async function follow(walk: Walk, at: Located | undefined): Promise<Located | undefined> {
  let current = at;
  for (let hop = 0; hop < MAX_REF_HOPS && current && isObject(current.node) && typeof current.node.$ref === 'string'; hop++) {
    let target;
    try {
      target = await resolveRef(walk.registry, current, current.node.$ref);
    } catch (error) {
      if (walk.lenient) return undefined;
      throw error;
    }
    current = target.kind === 'found' ? target.at : undefined;
  }
  return current;
}

function isJsonLike(mediaType: string): boolean {
  return /[/+]json\b|^\*\/\*$/i.test(mediaType.split(';')[0]?.trim() ?? '');
}

/** The schema of a 3.x `content` map (see the module comment for which media type). */
function contentSchema(holder: Located): Located | undefined {
  const content = childOf(holder, 'content');
  if (!content || !isObject(content.node)) return undefined;
  const types = Object.keys(content.node).filter((t) => isObject((content.node as Record<string, unknown>)[t]));
  const withSchema = types.filter((t) => childOf(content, t, 'schema') !== undefined);
  const chosen = withSchema.find(isJsonLike) ?? withSchema[0];
  return chosen === undefined ? undefined : childOf(content, chosen, 'schema');
}

/** Component schema names and their locations. */
export function componentRoots(doc: Located, version: OpenApiVersion): OpenApiRoot[] {
  const holder = version === '2.0' ? childOf(doc, 'definitions') : childOf(doc, 'components', 'schemas');
  if (!holder || !isObject(holder.node)) return [];
  return Object.keys(holder.node).flatMap((name) => {
    const schema = childOf(holder, name);
    return schema ? [{ name, kind: 'component' as const, schema }] : [];
  });
}

async function requestRoot(walk: Walk, pathItem: Located, op: Located): Promise<Located | undefined> {
  if (walk.version !== '2.0') {
    const body = await follow(walk, childOf(op, 'requestBody'));
    return body ? contentSchema(body) : undefined;
  }
  for (const holder of [op, pathItem]) {
    const list = childOf(holder, 'parameters');
    if (!list || !Array.isArray(list.node)) continue;
    for (let i = 0; i < list.node.length; i++) {
      const param = await follow(walk, childOf(list, String(i)));
      if (param && isObject(param.node) && param.node.in === 'body') return childOf(param, 'schema');
    }
  }
  return undefined;
}

async function operationRoots(walk: Walk, label: string, pathItemAt: Located, out: OpenApiRoot[]): Promise<void> {
  const pathItem = await follow(walk, pathItemAt);
  if (!pathItem || !isObject(pathItem.node)) return;
  for (const method of METHODS) {
    const op = childOf(pathItem, method);
    if (!op || !isObject(op.node)) continue;
    const name = `${method.toUpperCase()} ${label}`;
    const request = await requestRoot(walk, pathItem, op);
    if (request) out.push({ name: `${name} request`, kind: 'operation', schema: request });
    const responses = childOf(op, 'responses');
    if (!responses || !isObject(responses.node)) continue;
    for (const code of Object.keys(responses.node)) {
      const response = await follow(walk, childOf(responses, code));
      const schema = response ? (walk.version === '2.0' ? childOf(response, 'schema') : contentSchema(response)) : undefined;
      if (schema) out.push({ name: `${name} response ${code}`, kind: 'operation', schema });
    }
  }
}

/**
 * Every root of the document: components first, then operations in document
 * order. With `lenient`, a body behind a `$ref` that cannot be followed (a
 * file the resolver cannot read) is left out instead of failing the listing.
 */
export async function listRoots(registry: SchemaRegistry, doc: Located, version: OpenApiVersion, lenient: boolean): Promise<OpenApiRoot[]> {
  const walk: Walk = { registry, version, lenient };
  const roots = componentRoots(doc, version);
  for (const section of ['paths', 'webhooks']) {
    const holder = childOf(doc, section);
    if (!holder || !isObject(holder.node)) continue;
    for (const label of Object.keys(holder.node)) {
      const at = childOf(holder, label);
      if (at) await operationRoots(walk, label, at, roots);
    }
  }
  return roots;
}
