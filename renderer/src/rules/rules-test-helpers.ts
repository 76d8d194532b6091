/** The bundled CRM -> ERP sample's document and field rows, for the rules view's tests (Node only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDocument } from '../../../mapping-engine/document/load-document';
import { loadSchema } from '../../../mapping-engine/schema/load-schema';
import { createFsResolver } from '../../../mapping-engine/node/fs-resolver';
import { flattenSchema } from '../../../electron/backend/engine/import-schema';
import type { SchemaFieldRow } from '../../../electron/contract/methods/engine-methods';

const sample = join(import.meta.dirname, '..', '..', '..', 'samples', 'crm-to-erp');

/** The sample's document. */
export function crmDocument() {
  return loadDocument(readFileSync(join(sample, 'crm-to-erp.mapwright.json'), 'utf8')).document;
}

/** Field rows of a file of the sample, as `importSchema` gives them. */
export async function crmRows(relative: string): Promise<SchemaFieldRow[]> {
  const file = join(sample, relative);
  const schema = await loadSchema([{ file, bytes: readFileSync(file) }], { resolver: createFsResolver() });
  return flattenSchema(schema.root).fields;
}
