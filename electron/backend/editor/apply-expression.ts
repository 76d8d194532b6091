/**
 * Applying an edited JSONata expression to a document: the document text is
 * loaded against its project (so file lookup tables are read through the
 * file-access register), the expression is reverse-compiled over it, and
 * the result is serialised and compiled again so the editor shows exactly
 * what the saved document will produce.
 */
import { compileDocument } from '../../../mapping-engine/compiler/compile-document';
import { parseExpression } from '../../../mapping-engine/compiler/reverse';
import { serializeDocument } from '../../../mapping-engine/document/serialize-document';
import { MapwrightError } from '../../../mapping-engine/errors';
import { compileInContext, type EngineContext } from '../engine/engine-context';

/** What `applyExpression` receives (see contract/methods/editor-methods.ts). */
export interface ApplyExpressionRequest {
  projectPath?: string | undefined;
  text: string;
  expression: string;
}

/** The new document text, the fields kept as custom expressions, and the recompiled expression. */
export interface AppliedExpression {
  text: string;
  custom: string[];
  expression: string;
  sourceMap: Record<string, { start: number; end: number }>;
}

/**
 * Reverse-compiles `request.expression` over the document in `request.text`.
 * @throws MapwrightError `DOC_READ_ONLY` for a document opened read-only;
 *   `COMPILE_PARSE` / `COMPILE_UNSUPPORTED` with line and column in the
 *   expression; document and file errors as `compileDocument` reports them.
 */
export async function applyExpression(context: EngineContext, request: ApplyExpressionRequest): Promise<AppliedExpression> {
  const { project } = await compileInContext(context, request.text, request.projectPath);
  if (project.readOnly) {
    // A read-only document was loaded leniently (newer version or invalid); rewriting it would lose what we cannot read.
    throw new MapwrightError('DOC_READ_ONLY', 'this document is open read-only, so the expression cannot be applied to it', {
      expected: 'a document this version of Mapwright can edit',
    });
  }
  const parsed = parseExpression(request.expression, project.document, { tables: project.tables });
  const text = serializeDocument(parsed.document);
  const compiled = compileDocument(parsed.document, { tables: project.tables });
  return { text, custom: parsed.custom, expression: compiled.expression, sourceMap: compiled.sourceMap };
}
