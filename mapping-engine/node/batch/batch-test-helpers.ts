/** Test helpers of the batch run: a prepared per-record mapping, and the output one whole run gives. */
import { readFileSync } from 'node:fs';
import jsonata from 'jsonata';
import { compileDocument } from '../../compiler/compile-document';
import { doc } from '../../compiler/compiler-test-helpers';
import type { MappingDocumentInput } from '../../document/document-schema';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { planBatch, type PerRecordPlan } from '../../run/batch-plan';
import type { PreparedMapping } from '../../run/mapping-run';

/** A document of `parts`, compiled and planned per record (throws when it does not run per record). */
export function preparedBatch(parts: Partial<MappingDocumentInput>, target?: PreparedMapping['target']): { prepared: PreparedMapping; plan: PerRecordPlan } {
  const document = doc(parts);
  const plan = planBatch(document);
  if (!plan.perRecord) throw new Error(plan.reason);
  return { prepared: { document, compiled: compileDocument(document), ...(target ? { target } : {}) }, plan };
}

/** The output text of one jsonata run over the whole file, written as a single run writes it. */
export async function wholeRunText(prepared: PreparedMapping, input: string): Promise<string> {
  const format = prepared.document.source.format;
  const parsed = readPayload(readFileSync(input), { file: input, format });
  const value = (await jsonata(prepared.compiled.expression).evaluate(parsed.value)) as JsonValue;
  const target = prepared.document.target.format;
  return writePayload(value, target, target === 'csv' && format === 'csv' ? { meta: parsed.meta, metaFormat: 'csv' } : {});
}
