/**
 * `mapwright suggest <project> [--json] [--min <confidence>]`: auto-map's
 * suggestions for the project's unmapped target fields (and the array
 * contexts they need): target, sources, transform, confidence and reason.
 * Nothing is written; the studio's Suggest mappings panel accepts them.
 */
import type { Command } from 'commander';
import { MapwrightError } from '../../errors';
import { describeChain } from '../../spec/describe-transform';
import { suggestForProject } from '../../suggest/suggest-project';
import { createFsResolver, referenceScope } from '../fs-resolver';
import type { CliIo } from './cli-io';
import { loadProjectFile } from './compile-command';
import { EXIT_OK } from './exit-codes';

/** Options of the suggest command as commander parses them. */
export interface SuggestCommandOptions {
  json?: boolean;
  min?: string;
}

function minOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const min = Number(text);
  if (!Number.isFinite(min) || min < 0 || min > 1) throw new MapwrightError('USAGE', `--min ${JSON.stringify(text)} is not a confidence`, { expected: 'a number from 0 to 1' });
  return min;
}

/** Runs `suggest`; returns the exit code (0). Throws coded errors (exit 2) for the caller to print. */
export async function suggestCommand(file: string, options: SuggestCommandOptions, io: CliIo): Promise<number> {
  const min = minOf(options.min);
  const project = await loadProjectFile(file);
  const suggestions = await suggestForProject(project.document, file, createFsResolver(referenceScope([file])), min);
  if (options.json) {
    io.stdout(`${JSON.stringify(suggestions, null, 2)}\n`);
    return EXIT_OK;
  }
  if (suggestions.length === 0) io.stdout('no suggestions: every target field is mapped or nothing in the source fits\n');
  for (const s of suggestions) {
    const transform = s.transforms.length > 0 ? `  [${describeChain(s.transforms, s.sources.length, s.target)}]` : '';
    const what = s.kind === 'array' ? `${s.target}[] for each ${s.sources[0]}` : `${s.target} <- ${s.sources.join(', ')}${transform}`;
    io.stdout(`${Math.round(s.confidence * 100)}%  ${what}\n      ${s.reason}\n`);
  }
  return EXIT_OK;
}

/**
 * Adds `suggest` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerSuggestCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('suggest')
    .description("suggest rules for the project's unmapped target fields (auto-map): target, sources, transform, confidence, reason")
    .argument('<mapping>', 'project file (*.mapwright.json)')
    .option('--json', 'print the suggestions as JSON')
    .option('--min <confidence>', 'leave out suggestions below this confidence (0 to 1; default 0.5)')
    .action(async (file: string, options: SuggestCommandOptions) => setExit(await suggestCommand(file, options, io)));
}
