/** The export methods of the studio backend (see contract/methods/export-methods.ts). */
import type { exportMethods, StudioApiPart } from '../contract/studio-api';
import type { StudioBackendOptions } from './studio-backend';

/** Creates the export methods for one backend. */
export function createExportService(_options: StudioBackendOptions): StudioApiPart<keyof typeof exportMethods> {
  return {};
}
