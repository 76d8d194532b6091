/**
 * The editor methods of the studio backend (see contract/methods/editor-methods.ts):
 * applying a hand-edited JSONata expression to the document. The logic
 * lives in editor/apply-expression.ts; this file wires it to the shared
 * file-access register and turns thrown errors into coded results.
 */
import type { editorMethods, StudioApiPart } from '../contract/studio-api';
import { applyExpression } from './editor/apply-expression';
import type { EngineContext } from './engine/engine-context';
import { settle } from './settle';
import type { BackendServiceOptions } from './studio-backend';

/** Creates the editor methods for one backend. */
export function createEditorService(options: BackendServiceOptions): StudioApiPart<keyof typeof editorMethods> {
  const context: EngineContext = {
    access: options.fileAccess,
    // Applying never runs an expression; the shared runner (a pool made on first use) is never touched here.
    runner: () => options.runner,
  };
  return {
    applyExpression: (request) => settle(() => applyExpression(context, request)),
  };
}
