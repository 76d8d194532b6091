// Builds the `mapwright` CLI, its runner worker and the engine host to plain
// JavaScript with esbuild (installed with tsx), so a CLI call starts in a
// fraction of a second instead of compiling TypeScript each time. `npm install`
// builds through `prepare`; bin/mapwright.mjs rebuilds on first use whenever a
// source file the build read is newer than the build (so a checkout or an
// edit never runs stale code). Plain JavaScript on purpose: it runs before
// anything TypeScript can.
//
// Each build goes to its own folder under node_modules/.cache/mapwright-cli and
// a stamp (written last, by rename) names the current one: a CLI started while
// another process rebuilds keeps using the complete older build.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// MAPWRIGHT_CLI_CACHE moves the builds elsewhere (the build's own tests use a temporary folder).
const CACHE = process.env.MAPWRIGHT_CLI_CACHE ? resolve(process.env.MAPWRIGHT_CLI_CACHE) : join(ROOT, 'node_modules', '.cache', 'mapwright-cli');
const STAMP = join(CACHE, 'stamp.json');
/** Entries built side by side: the CLI finds `runner-worker.js` and `engine-host-main.js` beside itself. */
const ENTRIES = {
  main: 'mapping-engine/node/cli/main.ts',
  'runner-worker': 'mapping-engine/node/runner/runner-worker.ts',
  'engine-host-main': 'mapping-engine/node/host/engine-host-main.ts',
};
/** Older builds are removed only after this long, so a CLI still loading from one is not pulled from under it. */
const KEEP_OLD_MS = 10 * 60 * 1000;

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Whether the stamped build is there and no file it was built from changed since. */
function isCurrent(stamp) {
  if (!stamp || typeof stamp.dir !== 'string' || !Array.isArray(stamp.inputs)) return false;
  try {
    for (const name of Object.keys(ENTRIES)) statSync(join(CACHE, stamp.dir, `${name}.js`));
    for (const input of stamp.inputs) if (statSync(join(ROOT, input)).mtimeMs > stamp.builtAtMs) return false;
    return true;
  } catch {
    return false; // an input was deleted or the build is gone
  }
}

function removeOldBuilds(current) {
  for (const entry of readdirSync(CACHE, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const path = join(CACHE, entry.name);
    if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Builds the entries into a new folder and stamps it current.
 * @returns the folder of the build
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const builtAtMs = Date.now();
  const dir = `b${builtAtMs}-${process.pid}`;
  const outdir = join(CACHE, dir);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    // Modules loaded with import() (the XLSX export and its exceljs) become chunks loaded only when used.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages are bundled too: Node resolves a few hundred files less on every start. CommonJS packages
    // inside an ESM bundle need a `require` of their own for Node's built-in modules.
    // exceljs drags in optional cloud clients; Node loads it from node_modules as it is.
    external: ['exceljs'],
    banner: { js: "import { createRequire as __mapwrightRequire } from 'node:module'; const require = __mapwrightRequire(import.meta.url);" },
    metafile: true,
    // Errors are printed once, by the caller (bin/mapwright.mjs), with the file, line and column esbuild gives.
    logLevel: 'silent',
    legalComments: 'none',
  });
  // Packages change only with npm install, which builds again through `prepare`.
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${STAMP}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ dir, builtAtMs, inputs }));
  renameSync(temporary, STAMP);
  removeOldBuilds(dir);
  return outdir;
}

/** The folder of a current build, building first when there is none. */
async function currentBuild() {
  const stamp = readStamp();
  return isCurrent(stamp) ? join(CACHE, stamp.dir) : await buildCli();
}

/**
 * The URL of the built CLI entry, building first when there is no current build.
 * @returns a file URL to import, which exports `main(argv)`
 */
export async function builtCliEntry() {
  return pathToFileURL(join(await currentBuild(), 'main.js')).href;
}

/**
 * The path of the built engine host entry (its runner worker beside it), for
 * `npm run web` to fork plain JavaScript instead of compiling TypeScript per host.
 */
export async function builtEngineHostEntry() {
  return join(await currentBuild(), 'engine-host-main.js');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = await buildCli();
  process.stdout.write(`mapwright CLI built in ${dir}\n`);
}
