/**
 * `mapwright eval <expr.jsonata> --input <file> [--from json|xml|csv]`:
 * evaluates a raw JSONata expression against a payload read with the studio's
 * conventions (XML `@attr`/`#text`, CSV rows of strings), in a runner worker
 * with the usual limits, and prints the result as JSON.
 */
import type { Command } from 'commander';
import { MapwrightError, formatErrorLine } from '../../errors';
import { assertPayloadDepth } from '../../payload/depth-limit';
import { readPayload } from '../../payload/read-payload';
import { checkLargeInput } from '../../run/large-input-guard';
import { decodeText } from '../../payload/decode';
import { readInputFile } from '../read-file';
import { RunnerPool } from '../runner/runner-pool';
import type { CliIo } from './cli-io';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes';
import { parseFormatOption } from './parse-format';

/** Options of the eval command as commander parses them. */
export interface EvalCommandOptions {
  input?: string;
  from?: string;
  timeout?: string;
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1) {
    throw new MapwrightError('USAGE', `--timeout must be a positive whole number of milliseconds, got "${value}"`, { expected: 'e.g. --timeout 5000' });
  }
  return ms;
}

/** Runs `eval`; returns the exit code (0 with a result, 2 on any coded error). Throws coded errors for the caller to print. */
export async function evalCommand(expressionFile: string, options: EvalCommandOptions, io: CliIo): Promise<number> {
  if (!options.input) throw new MapwrightError('USAGE', 'eval needs --input', { expected: '--input <file>' });
  const from = parseFormatOption(options.from, '--from');
  const timeoutMs = parseTimeout(options.timeout);
  const expression = decodeText(await readInputFile(expressionFile), { file: expressionFile }).text;
  const parsed = readPayload(await readInputFile(options.input), { file: options.input, ...(from ? { format: from } : {}) });
  // The worker copies the input recursively; past the depth limit that copy would overflow the stack.
  assertPayloadDepth(parsed.value, options.input, 'evaluation');
  // Refused before it starts: past these sizes the run would only exhaust the worker after a long wait.
  const refused = checkLargeInput(expression, parsed.value);
  if (refused) {
    io.stderr(`${formatErrorLine({ ...refused, file: expressionFile })}\n`);
    return EXIT_BAD_INPUT;
  }
  const pool = new RunnerPool({ size: 1 });
  try {
    const result = await pool.run({ expression, input: parsed.value, ...(timeoutMs ? { limits: { timeoutMs } } : {}) });
    if (result.error) {
      io.stderr(`${formatErrorLine({ ...result.error, file: expressionFile })}\n`);
      return EXIT_BAD_INPUT;
    }
    // jsonata's "no result" is not JSON; say so on stderr and keep stdout empty.
    if (result.value === undefined) io.stderr('no result\n');
    else io.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
    return EXIT_OK;
  } finally {
    await pool.close();
  }
}

/**
 * Adds `eval` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerEvalCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('eval')
    .description('evaluate a raw JSONata expression against a payload (read with the studio conventions) and print JSON')
    .argument('<expression>', 'file holding the JSONata expression (e.g. mapping.jsonata)')
    .option('--input <file>', 'payload file to evaluate against')
    .option('--from <format>', 'input format: json, jsonl, xml or csv (default: from the extension, then the content)')
    .option('--timeout <ms>', 'time limit of the evaluation in milliseconds (default 5000)')
    .action(async (file: string, options: EvalCommandOptions) => setExit(await evalCommand(file, options, io)));
}
