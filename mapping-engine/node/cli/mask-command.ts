/**
 * `mapwright mask <file> [--format json|jsonl|xml|csv] [--key-file <f>] [--out <f>] [--report]`:
 * detects personal data in a payload and writes the masked copy, keeping the
 * payload's format details (XML declaration and namespaces, CSV delimiter and
 * line endings; JSON edited in place). `--report` prints the detection report as JSON instead of the
 * payload. Only masked data is ever written or printed.
 */
import { rewriteJsonText } from '../../masking/json-text-rewrite';
import { maskPayload } from '../../masking/mask-payload';
import { readPayload } from '../../payload/read-payload';
import { writePayload } from '../../payload/write-payload';
import { loadOrCreateKey, type KeyLocationEnv } from '../mask/key-file';
import { readInputFile, writeFileAtomic } from '../read-file';
import type { CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';
import { parseFormatOption } from './parse-format';

/** Options of the mask command as commander parses them. */
export interface MaskCommandOptions {
  format?: string;
  keyFile?: string;
  out?: string;
  report?: boolean;
}

/**
 * Runs `mask`; returns the exit code. Throws coded errors for the caller to print.
 * @param location - where the default key lives (tests point it at a temporary folder)
 */
export async function maskCommand(file: string, options: MaskCommandOptions, io: CliIo, location?: KeyLocationEnv): Promise<number> {
  const format = parseFormatOption(options.format, '--format');
  const bytes = await readInputFile(file);
  const parsed = readPayload(bytes, { file, ...(format ? { format } : {}) });
  const loaded = await loadOrCreateKey(options.keyFile, location);
  if (loaded.created) io.stderr(`created a masking key at ${loaded.path} (keep it out of projects you share)\n`);
  if (loaded.readableByOthers) io.stderr(`warning: masking key ${loaded.path} is readable by other users (run: chmod 600 ${loaded.path})\n`);
  const { value, report } = maskPayload(parsed.value, { key: loaded.key });
  // JSON is edited in place so untouched numbers and layout stay byte for byte; other formats go through their writers.
  const inPlace = parsed.format === 'json' ? rewriteJsonText(new TextDecoder().decode(bytes), parsed.value, value) : undefined;
  const text = inPlace ?? writePayload(value, parsed.format, { meta: parsed.meta, metaFormat: parsed.format });
  if (options.out) await writeFileAtomic(options.out, text);
  if (options.report) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (!options.out) io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT_OK;
}
