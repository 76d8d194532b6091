/** The project-file methods of the studio backend (see contract/methods/project-methods.ts). */
import type { projectMethods, StudioApiPart } from '../contract/studio-api';
import type { StudioBackendOptions } from './studio-backend';

/** Creates the project methods for one backend. */
export function createProjectService(_options: StudioBackendOptions): StudioApiPart<keyof typeof projectMethods> {
  return {};
}
