/** The editor methods of the studio backend (see contract/methods/editor-methods.ts). */
import type { editorMethods, StudioApiPart } from '../contract/studio-api';
import type { StudioBackendOptions } from './studio-backend';

/** Creates the editor methods for one backend. */
export function createEditorService(_options: StudioBackendOptions): StudioApiPart<keyof typeof editorMethods> {
  return {};
}
