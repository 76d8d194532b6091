/**
 * `mapwright run <mapping> --input <file> [--out <file>]`: compiles a mapping,
 * reads one payload in the document's source format, evaluates the expression
 * in a runner worker (with the usual limits) and writes the output in the
 * target format, to stdout or atomically to `--out`.
 *
 * After a successful run the output is validated against the document's
 * target schema (a schema file or inline schema; a target only inferred from
 * samples is used for writing, not judged): each violation is one line
 * `MAP_xxx <field path>: message` on stderr and the exit code is 1, but the
 * output is still written, since seeing it is how the user finds the fix.
 *
 * Exit codes: 0 written; 1 the mapping ran on valid input but failed (a
 * required field missing, a runtime limit hit, or no result at all) or its
 * output breaks the target schema, since that is the mapping rejecting the
 * record, like a failed check; 2 bad input (unreadable files, an invalid
 * document or payload, bad options).
 */
import type { Command } from 'commander';
import { MapwrightError } from '../../errors';
import { describeRunError } from '../../run/describe-run-error';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { readInputFile, writeFileAtomic } from '../read-file';
import { RunnerPool } from '../runner/runner-pool';
import { createFsResolver } from '../fs-resolver';
import { loadTargetSchema } from '../../validate/load-target';
import { validateOutput } from '../../validate/validate-output';
import type { OutputViolation } from '../../validate/validation-types';
import type { CliIo } from './cli-io';
import { loadProjectFile } from './compile-command';
import { EXIT_CHECK_FAILED, EXIT_OK } from './exit-codes';

/** Options of the run command as commander parses them. */
export interface RunCommandOptions {
  input?: string;
  out?: string;
}

/** Runs `run`; returns the exit code. Throws coded errors (exit 2) for the caller to print. */
export async function runCommand(file: string, options: RunCommandOptions, io: CliIo): Promise<number> {
  if (!options.input) throw new MapwrightError('USAGE', 'run needs --input', { expected: '--input <file>' });
  const project = await loadProjectFile(file);
  const { source, target } = project.document;
  // Loaded before running so a broken target schema is bad input (exit 2), not a failed record.
  const targetSchema = await loadTargetSchema(project.document, file, createFsResolver());
  const input = readPayload(await readInputFile(options.input), { file: options.input, format: source.format });
  const pool = new RunnerPool({ size: 1 });
  let value: unknown;
  try {
    const result = await pool.run({ expression: project.compiled.expression, input: input.value });
    if (result.error) {
      // The error concerns the record, so name the input file rather than the expression.
      io.stderr(`${describeRunError(result.error, project.compiled, options.input)}\n`);
      return EXIT_CHECK_FAILED;
    }
    value = result.value;
  } finally {
    await pool.close();
  }
  if (value === undefined) {
    io.stderr(`no result: the mapping produced nothing for ${options.input}\n`);
    return EXIT_CHECK_FAILED;
  }
  // Same-format runs keep the input's CSV delimiter or XML namespaces, as `convert` does.
  const text = writePayload(value as JsonValue, target.format, { meta: input.meta, metaFormat: input.format, schema: targetSchema?.schema?.root });
  if (options.out) await writeFileAtomic(options.out, text);
  else io.stdout(text);
  const violations = targetSchema && !targetSchema.inferred ? validateOutput(value, targetSchema) : [];
  if (violations.length === 0) return EXIT_OK;
  for (const line of violationLines(violations)) io.stderr(`${line}\n`);
  const written = options.out ? `output written to ${options.out} anyway` : 'output printed anyway';
  io.stderr(`${violations.length} violation(s) of the target schema; ${written}\n`);
  return EXIT_CHECK_FAILED;
}

/** One line per violation: `MAP_xxx <field path>: message` (`(root)` for the whole output). */
export function violationLines(violations: readonly OutputViolation[]): string[] {
  return violations.map((v) => `${v.code} ${v.path || '(root)'}: ${v.message}`);
}

/**
 * Adds `run` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerRunCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('run')
    .description('run a mapping on one payload and write the output in the target format (exit 1 when the mapping fails on it)')
    .argument('<mapping>', 'project file (*.mapwright.json)')
    .option('--input <file>', 'payload to map, in the source format of the document')
    .option('--out <file>', 'write the output to a file (atomically) instead of stdout')
    .action(async (file: string, options: RunCommandOptions) => setExit(await runCommand(file, options, io)));
}
