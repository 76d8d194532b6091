/**
 * A schema file (XSD, JSON Schema, OpenAPI, or a sample to infer from) as the
 * UI's field list: the tree flattened depth-first, one row per field, cut at
 * a bound, since standards such as UBL have tens of thousands of fields.
 */
import { basename } from 'node:path';
import { loadSchema } from '../../../mapping-engine/schema/load-schema';
import type { SchemaField } from '../../../mapping-engine/schema/model';
import { MAX_ENUM_SENT, type ImportSchemaResult, type SchemaFieldRow } from '../../contract/methods/engine-methods';
import { checkedResolver, readBounded, type EngineContext } from './engine-context';

/** Rows sent to the UI at most. */
export const MAX_SCHEMA_ROWS = 5000;

/** Names that are not plain identifiers are written in backticks, as JSONata reads them. */
export function segment(field: SchemaField): string {
  const name = /^[A-Za-z_$@#][\w$@#:-]*$/.test(field.name) ? field.name : `\`${field.name}\``;
  return field.repeating ? `${name}[]` : name;
}

/** Flattens the tree under `root` (the root excluded) into at most `limit` rows; `total` counts all fields. */
export function flattenSchema(root: SchemaField, limit = MAX_SCHEMA_ROWS): { fields: SchemaFieldRow[]; total: number } {
  const fields: SchemaFieldRow[] = [];
  let total = 0;
  const visit = (field: SchemaField, prefix: string, depth: number): void => {
    for (const child of field.children ?? []) {
      total++;
      const path = prefix ? `${prefix}.${segment(child)}` : segment(child);
      if (fields.length < limit) {
        const row: SchemaFieldRow = {
          path,
          name: child.name,
          depth,
          type: child.type,
          repeating: child.repeating,
          required: child.required,
          hasChildren: (child.children?.length ?? 0) > 0,
        };
        if (child.nullable) row.nullable = true;
        if (child.format !== undefined) row.format = child.format;
        if (child.enum !== undefined) row.enumValues = child.enum.length;
        if (child.enum !== undefined) row.enum = child.enum.slice(0, MAX_ENUM_SENT);
        fields.push(row);
      }
      visit(child, path, depth + 1);
    }
  };
  visit(root, root.repeating ? '[]' : '', 0);
  return { fields, total };
}

/**
 * Loads the schema at `file` (checked against the project) and flattens it;
 * `$ref`, `xs:include` and `xs:import` are read through the checked resolver.
 * @throws MapwrightError `ACCESS_DENIED`, `FILE_READ`, `SCHEMA_*`, `XSD_*`, `OPENAPI_INVALID`...
 */
export async function importSchema(context: EngineContext, request: { projectPath: string; file: string; root?: string }): Promise<ImportSchemaResult> {
  const projectFile = await context.access.checkProject(request.projectPath);
  const file = await context.access.checkRead(request.file, request.projectPath);
  const doc = await loadSchema([{ file, bytes: await readBounded(file, request.file) }], {
    resolver: checkedResolver(context.access, projectFile),
    ...(request.root ? { root: request.root } : {}),
  });
  const { fields, total } = flattenSchema(doc.root);
  return { title: doc.title ?? basename(file), fields, total, truncated: fields.length < total };
}
