#!/usr/bin/env node
// Entry point of the `mapwright` CLI. The engine is TypeScript; tsx compiles it
// on the fly so `npx mapwright` works right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../mapping-engine/node/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
