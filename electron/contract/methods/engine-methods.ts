/**
 * Contract section: the engine (sample and schema import, compile, run and
 * preview with progress and cancel, tests, export). Joined into `studioContract`.
 */
export const engineMethods = {} as const;
