#!/usr/bin/env node
// Entry point of the `mapwright` CLI. It runs the engine built to plain
// JavaScript (bin/cli-build.mjs: built by `npm install` through `prepare`, and
// again on first use after a source file changed), so a call starts in a
// fraction of a second; `npx mapwright` works right after `npm install`.
import { builtCliEntry } from './cli-build.mjs';

let entry;
try {
  entry = await builtCliEntry();
} catch (error) {
  // A source file that does not compile (esbuild names it with line and column), or esbuild missing.
  process.stderr.write(`INTERNAL mapwright: cannot build the CLI: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
