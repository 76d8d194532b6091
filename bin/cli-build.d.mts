// Types of bin/cli-build.mjs for the TypeScript that imports it (electron/web/serve-web.ts).
/** Builds the CLI, runner worker and engine host; returns the build's folder. */
export function buildCli(): Promise<string>;
/** File URL of the built CLI entry, building first when there is no current build. */
export function builtCliEntry(): Promise<string>;
/** Path of the built engine host entry, building first when there is no current build. */
export function builtEngineHostEntry(): Promise<string>;
