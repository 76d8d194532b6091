/**
 * The `mapwright` command line. Every command returns an exit code (0 ok,
 * 1 a check failed, 2 bad input or usage); a coded error is printed to stderr
 * as one line, never as a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { codeStackOverflow, formatErrorLine, toCodedError } from '../../errors';
import { guardProcessOutput, processIo, type CliIo } from './cli-io';
import { setAllowOutside } from '../fs-resolver';
import { convertCommand } from './convert-command';
import { EXIT_BAD_INPUT } from './exit-codes';
import { registerEvalCommand } from './eval-command';
import { registerCompileCommand } from './compile-command';
import { registerRunCommand } from './run-command';
import { registerTestCommand } from './test-command';
import { registerValidateCommand } from './validate-command';
import { registerExportCommand } from './export-command';
import { registerInitCommand } from './init-command';
import { registerSuggestCommand } from './suggest-command';
import { inferCommand } from './infer-command';
import { maskCommand } from './mask-command';
import { ENGINE_VERSION } from '../../version';

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('mapwright')
    .description('Mapwright: map JSON, XML and CSV through readable JSONata')
    .version(ENGINE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run mapwright --help for usage)')
    .option('--allow-outside', 'let project and schema files refer to files outside their folder (see docs/security.md)');
  // Every invocation decides afresh (tests call main() many times in one process).
  setAllowOutside(false);
  program.hook('preAction', () => setAllowOutside(program.opts<{ allowOutside?: boolean }>().allowOutside === true));

  program
    .command('infer')
    .description('print the schema of sample payloads (merged) or of a JSON Schema, OpenAPI or XSD file')
    .argument('<file...>', 'sample payload(s) or schema file')
    .option('--format <format>', 'payload format of the samples: json, jsonl, xml or csv')
    .option('--root <name>', 'OpenAPI component or operation, XSD global element, or JSON pointer')
    .option('--flat', 'one field per line: <path>\\t<type>[\\t<flags>]')
    .action(async (files: string[], options) => setExit(await inferCommand(files, options, io)));

  program
    .command('convert')
    .description('parse a payload with the studio conventions and write it in another format')
    .argument('<file>', 'payload file')
    .option('--to <format>', 'output format: json, jsonl, xml or csv')
    .option('--from <format>', 'input format (default: from the extension, then the content)')
    .option('--schema <file>', 'schema that drives repetition and typing (XSD, JSON Schema, OpenAPI or a sample)')
    .option('--root <name>', 'root element or component of the schema')
    .option('--limit <n>', 'read only the first n records (prints a truncation note to stderr)')
    .option('--out <file>', 'write to a file (atomically) instead of stdout')
    .action(async (file: string, options) => setExit(await convertCommand(file, options, io)));

  program
    .command('mask')
    .description('detect personal data in a payload and write a masked copy (format and structure kept)')
    .argument('<file>', 'payload file')
    .option('--format <format>', 'payload format: json, jsonl, xml or csv')
    .option('--key-file <file>', 'masking key file (default: created beside your settings)')
    .option('--project <file>', 'apply the masking policy of this project file')
    .option('--out <file>', 'write the masked payload to a file (atomically)')
    .option('--report', 'print the detection report as JSON (the payload then goes only to --out)')
    .action(async (file: string, options) => setExit(await maskCommand(file, options, io)));

  registerEvalCommand(program, io, setExit);
  registerCompileCommand(program, io, setExit);
  registerRunCommand(program, io, setExit);
  registerTestCommand(program, io, setExit);
  registerValidateCommand(program, io, setExit);
  registerExportCommand(program, io, setExit);
  registerInitCommand(program, io, setExit);
  registerSuggestCommand(program, io, setExit);

  return program;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code.
 * @param io - output sinks; the process streams by default
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) guardProcessOutput();
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  // The file the running command was given, named by errors that do not name one themselves.
  let commandFile: string | undefined;
  program.hook('preAction', (_program, command) => {
    commandFile = command.args[0];
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    const coded = toCodedError(codeStackOverflow(error, commandFile, 'the input'));
    // A usage error is about the command line, not the file.
    const named = coded.file === undefined && commandFile !== undefined && coded.code !== 'USAGE';
    io.stderr(`${formatErrorLine(named ? { ...coded, file: commandFile } : coded)}\n`);
    return EXIT_BAD_INPUT;
  }
}
