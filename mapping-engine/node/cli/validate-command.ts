/**
 * `mapwright validate <mapping...>`: checks each project file, everything it
 * references and that it compiles, and prints each problem as one coded line.
 *
 * Exit codes: 0 every project is fine; 1 problems were found; 2 a project file
 * itself could not be read (missing, not text), which is bad input rather than
 * a finding about the mapping.
 */
import type { Command } from 'commander';
import { formatErrorLine, toCodedError } from '../../errors';
import { decodeText } from '../../payload/decode';
import { checkProject } from '../../validate/check-project';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { readInputFile } from '../read-file';
import type { CliIo } from './cli-io';
import { EXIT_BAD_INPUT, EXIT_CHECK_FAILED, EXIT_OK } from './exit-codes';

/** Runs `validate` on `files`; returns the worst exit code over all of them. */
export async function validateCommand(files: string[], io: CliIo): Promise<number> {
  let exit = EXIT_OK;
  for (const file of files) {
    let text: string;
    try {
      text = decodeText(await readInputFile(file), { file }).text;
    } catch (error) {
      io.stderr(`${formatErrorLine(toCodedError(error))}\n`);
      exit = EXIT_BAD_INPUT;
      continue;
    }
    // A fresh resolver per project: its cache must not hide a file changed between projects.
    const { problems, notice, warnings } = await checkProject(text, file, createFsResolver(referenceScope([file])));
    if (notice) io.stderr(`note: ${notice.message}\n`);
    // Warnings are printed, coded and placed, but do not fail the check.
    for (const warning of warnings ?? []) io.stderr(`warning: ${formatErrorLine(warning)}\n`);
    // A problem that names no file is about the project file itself.
    for (const problem of problems) io.stderr(`${formatErrorLine(problem.file === undefined ? { ...problem, file } : problem)}\n`);
    if (problems.length === 0) io.stdout(`ok ${file}\n`);
    else if (exit === EXIT_OK) exit = EXIT_CHECK_FAILED;
  }
  return exit;
}

/**
 * Adds `validate` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerValidateCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check mapping documents, the files they reference and that they compile (exit 1 when problems are found)')
    .argument('<mapping...>', 'project file(s) (*.mapwright.json)')
    .action(async (files: string[]) => setExit(await validateCommand(files, io)));
}
