/**
 * Compiles the open document to JSONata in the renderer: the engine's
 * compiler is pure (no `node:*` on its path), so the JSONata view follows
 * every edit at once, without a round trip. Only running goes to the backend.
 */
import type { CodedErrorData } from '../../../mapping-engine/errors';
import { isMapwrightError } from '../../../mapping-engine/errors';
import type { MappingDocument } from '../../../mapping-engine/document/document-schema';
import type { FileTables } from '../../../mapping-engine/compiler/lookup-table';
import { compileDocument } from '../../../mapping-engine/compiler/compile-document';
import type { CompileResult } from '../../../electron/contract/methods/engine-methods';
import type { StudioResult } from '../../../electron/contract/studio-api';

/** The compiled expression as the studio shows it (the contract's compile result, so the panels take either). */
export function compileInRenderer(doc: MappingDocument, tables: FileTables, readOnly: boolean): StudioResult<CompileResult> {
  try {
    const compiled = compileDocument(doc, { tables });
    return { ok: true, value: { expression: compiled.expression, sourceMap: compiled.sourceMap, readOnly } };
  } catch (error) {
    const data: CodedErrorData = isMapwrightError(error) ? error.toJSON() : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
    return { ok: false, error: data };
  }
}
