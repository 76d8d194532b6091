/** The engine methods of the studio backend (see contract/methods/engine-methods.ts). */
import type { engineMethods, StudioApiPart } from '../contract/studio-api';
import type { StudioBackendOptions } from './studio-backend';

/** Creates the engine methods for one backend. */
export function createEngineService(_options: StudioBackendOptions): StudioApiPart<keyof typeof engineMethods> {
  return {};
}
