/**
 * `mapwright compile <mapping>`: loads a project file, reads its CSV lookup
 * tables and prints the one JSONata expression the compiler generates.
 * Also home of {@link loadProjectFile}, the loading step `run` and `test` share.
 */
import type { Command } from 'commander';
import { compileProject, type CompiledProject } from '../../compiler/compile-project';
import { decodeText } from '../../payload/decode';
import type { SourceResolver } from '../../schema/resolver';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { readInputFile } from '../read-file';
import type { CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';

/**
 * Reads, validates and compiles the project file at `file`.
 * @param resolver - reads the files the document refers to (lookup tables); a
 *   host that restricts file access passes its checked reader
 * @throws MapwrightError `FILE_READ`, `ENCODING`, `DOC_INVALID`, `COMPILE_INVALID`...
 */
export async function loadProjectFile(file: string, resolver: SourceResolver = createFsResolver(referenceScope([file]))): Promise<CompiledProject> {
  const text = decodeText(await readInputFile(file), { file }).text;
  return compileProject(text, file, resolver);
}

/** Runs `compile`; returns the exit code (0). Throws coded errors for the caller to print. */
export async function compileCommand(file: string, io: CliIo): Promise<number> {
  const project = await loadProjectFile(file);
  // A newer document still compiles; say so, since what this build ignores may change the output.
  if (project.notice) io.stderr(`note: ${project.notice.message}\n`);
  const expression = project.compiled.expression;
  io.stdout(expression.endsWith('\n') ? expression : `${expression}\n`);
  return EXIT_OK;
}

/**
 * Adds `compile` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerCompileCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('compile')
    .description('print the JSONata expression a mapping document compiles to')
    .argument('<mapping>', 'project file (*.mapwright.json)')
    .action(async (file: string) => setExit(await compileCommand(file, io)));
}
