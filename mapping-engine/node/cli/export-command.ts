/**
 * `mapwright export <mapping> --spec xlsx|csv|md|html|jsonata|document [--out <file>]`:
 * the mapping spec a consultant hands over, the `.jsonata` expression, or the
 * mapping document itself. Text kinds go to stdout without `--out`; XLSX is
 * binary and needs `--out`. Files are written atomically.
 */
import type { Command } from 'commander';
import { MapwrightError } from '../../errors';
import { EXPORT_KINDS, exportProject, type ExportKind } from '../export/export-project';
import { writeFileAtomic } from '../read-file';
import type { CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';

/** Options of the export command as commander parses them. */
export interface ExportCommandOptions {
  spec?: string;
  out?: string;
  /** Commander's negation of `--no-tests`. */
  tests?: boolean;
}

function parseKind(value: string | undefined): ExportKind {
  if (value === undefined) throw new MapwrightError('USAGE', 'export needs --spec', { expected: EXPORT_KINDS.join(', ') });
  if (!(EXPORT_KINDS as readonly string[]).includes(value)) throw new MapwrightError('USAGE', `unknown --spec ${JSON.stringify(value)}`, { expected: EXPORT_KINDS.join(', ') });
  return value as ExportKind;
}

/** Runs `export`; returns the exit code (0). Throws coded errors (exit 2) for the caller to print. */
export async function exportCommand(file: string, options: ExportCommandOptions, io: CliIo): Promise<number> {
  const kind = parseKind(options.spec);
  if (kind === 'xlsx' && !options.out) throw new MapwrightError('USAGE', 'an XLSX export is binary: give --out <file>', { expected: '--out <file>.xlsx' });
  const result = await exportProject(file, kind, { runTests: options.tests !== false });
  if (options.out) {
    await writeFileAtomic(options.out, result);
    io.stderr(`wrote ${options.out}\n`);
  } else {
    io.stdout(typeof result === 'string' ? result : new TextDecoder().decode(result));
  }
  return EXIT_OK;
}

/**
 * Adds `export` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerExportCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('export a mapping as a spec (xlsx, csv, md, html), as its .jsonata expression, or as the document')
    .argument('<mapping>', 'project file (*.mapwright.json)')
    .option('--spec <kind>', `what to export: ${EXPORT_KINDS.join(', ')}`)
    .option('--out <file>', 'write to a file (atomically) instead of stdout; required for xlsx')
    .option('--no-tests', 'do not run the test cases (the spec then shows them as not run)')
    .action(async (file: string, options: ExportCommandOptions) => setExit(await exportCommand(file, options, io)));
}
