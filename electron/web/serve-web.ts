/**
 * `npm run web`: serves the studio on 127.0.0.1 and prints the URL to open
 * (with its one-time token). Options:
 *   --port <n>       listen on this port (default: a free one)
 *   --built [dir]    serve a built renderer instead of running Vite
 *                    (default dir: .vite/renderer/main_window, made by `npm run package`)
 *   --samples <dir>  samples folder (default: samples/)
 *   --allow <dir>    let the studio read (and create projects in) this folder, as if a project
 *                    there had been opened; repeatable. In a browser there is no native file
 *                    dialog, so this is how a user grants a folder of their own files (New
 *                    project's source and target); the page itself can grant only project files.
 *   <project file>   a *.mapwright.json to open at start (granted like a project opened in the studio)
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatErrorLine, MapwrightError, toCodedError } from '../../mapping-engine/errors';
import { EngineHostClient } from '../../mapping-engine/node/host/engine-host-client';
import { forkEngineHost } from '../../mapping-engine/node/host/fork-host';
import { builtEngineHostEntry } from '../../bin/cli-build.mjs';
import type { ExpressionRunner } from '../../mapping-engine/run/run-types';
import { startWebHost, type WebHostOptions } from './web-host';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing or unreadable: not a folder the studio could read
  }
}

/** The folder `--allow` names, absolute; the user typed it at the terminal, so it is theirs to grant. */
function allowedFolder(dir: string, cwd: string): string {
  const path = resolve(cwd, dir);
  if (!isFolder(path)) throw new MapwrightError('USAGE', `--allow needs a folder: ${path}`, { file: path, expected: 'an existing folder' });
  return path;
}

/**
 * Turns command-line arguments into web host options.
 * @throws MapwrightError `USAGE` for unknown options, a bad port or an `--allow` that is no folder
 */
export function parseServeWebArgs(argv: string[], cwd: string = process.cwd()): WebHostOptions {
  let values: { port?: string; built?: string; samples?: string; allow?: string[] };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      // `--built` may stand alone; parseArgs wants a value, so give it an empty one.
      args: argv.map((arg, i) => (arg === '--built' && (argv[i + 1] ?? '--').startsWith('--') ? '--built=' : arg)),
      options: { port: { type: 'string' }, built: { type: 'string' }, samples: { type: 'string' }, allow: { type: 'string', multiple: true } },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    throw new MapwrightError('USAGE', error instanceof Error ? error.message : String(error), { expected: '--port <n>, --built [dir], --samples <dir>, --allow <dir>, [project file]' });
  }
  const options: WebHostOptions = { samplesDir: values.samples ? resolve(cwd, values.samples) : resolve(projectRoot, 'samples') };
  if (positionals.length > 1) throw new MapwrightError('USAGE', `one project file at most, got ${positionals.length}`, { expected: '[project file]' });
  const [project] = positionals;
  if (project !== undefined) {
    if (!/\.mapwright\.json$/i.test(project)) throw new MapwrightError('USAGE', `not a project file: ${project}`, { file: project, expected: 'a *.mapwright.json file' });
    options.startProject = resolve(cwd, project);
  }
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) throw new MapwrightError('USAGE', `invalid port "${values.port}"`, { expected: 'a number from 0 to 65535' });
    options.port = port;
  }
  if (values.allow !== undefined) options.readRoots = values.allow.map((dir) => allowedFolder(dir, cwd));
  if (values.built !== undefined) options.staticDir = values.built ? resolve(cwd, values.built) : resolve(projectRoot, '.vite/renderer/main_window');
  return options;
}

async function main(): Promise<void> {
  // Expressions run in a forked engine host: a fatal V8 error in user data ends that child, not the server.
  // The engine host runs as the plain JavaScript the CLI build made (bin/cli-build.mjs); from source through tsx when it cannot be built.
  const entryPath = await builtEngineHostEntry().catch((error: unknown) => {
    console.error(`note: running the engine host from source (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  });
  const runner = new EngineHostClient(() => forkEngineHost(entryPath ? { entryPath } : {}));
  const options: WebHostOptions & { runner?: ExpressionRunner } = { ...parseServeWebArgs(process.argv.slice(2)), runner };
  const host = await startWebHost(options);
  console.log(`Mapwright studio: ${host.url}`);
  console.log('Open this URL (it carries the one-time token). Ctrl+C stops the server.');
  const stop = (): void => {
    void Promise.all([host.close(), runner.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(formatErrorLine(toCodedError(error)));
    process.exitCode = 1;
  });
}
