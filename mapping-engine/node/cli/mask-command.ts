/**
 * `mapwright mask <file> [--format json|jsonl|xml|csv] [--key-file <f>] [--project <f>] [--out <f>] [--report]`:
 * detects personal data in a payload and writes the masked copy, keeping the
 * payload's format details (XML declaration and namespaces, CSV delimiter and
 * line endings; JSON edited in place). `--report` prints the detection report as JSON instead of the
 * payload. Only masked data is ever written or printed. CSV and JSON Lines are
 * masked batch by batch (see `node/mask/stream-mask.ts`), other formats whole.
 */
import { loadDocument } from '../../document/load-document';
import { maskSample, toMaskPolicy } from '../../masking/mask-sample';
import type { MaskPolicy, MaskReportEntry } from '../../masking/types';
import { decodeText } from '../../payload/decode';
import { detectFormat } from '../../payload/detect-format';
import type { PayloadFormat } from '../../payload/types';
import { loadOrCreateKey, type KeyLocationEnv } from '../mask/key-file';
import { canStreamMask, streamMask } from '../mask/stream-mask';
import { fileChunks, readInputFile, writeFileAtomic } from '../read-file';
import type { CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';
import { parseFormatOption } from './parse-format';

/** Options of the mask command as commander parses them. */
export interface MaskCommandOptions {
  format?: string;
  keyFile?: string;
  out?: string;
  report?: boolean;
  /** Project file whose `masking` policy applies (as when the studio imports a sample). */
  project?: string;
}

/** The masking policy of a project file, or the default policy. @throws MapwrightError `FILE_READ`, `DOC_*` codes */
async function policyOf(project: string | undefined): Promise<MaskPolicy> {
  if (project === undefined) return {};
  const text = decodeText(await readInputFile(project), { file: project }).text;
  return toMaskPolicy(loadDocument(text, project).document.masking);
}

/**
 * The file's format: the option, else the extension, else its first bytes.
 * Reading the head first also reports a missing file before any key is created.
 * @throws MapwrightError `USAGE`, `FILE_READ`
 */
async function formatOf(file: string, option: string | undefined): Promise<PayloadFormat> {
  const explicit = parseFormatOption(option, '--format');
  let head: Uint8Array = new Uint8Array(0);
  for await (const chunk of fileChunks(file, 4096)) {
    head = chunk;
    break;
  }
  return detectFormat(file, head, explicit);
}

/** Masks the whole file in memory; returns the masked text and the report. */
async function maskWhole(file: string, format: PayloadFormat, key: Uint8Array, policy: MaskPolicy): Promise<{ text: string; report: MaskReportEntry[] }> {
  const bytes = await readInputFile(file);
  return maskSample(bytes, { key, format, file, policy });
}

/**
 * Runs `mask`; returns the exit code. Throws coded errors for the caller to print.
 * @param location - where the default key lives (tests point it at a temporary folder)
 */
export async function maskCommand(file: string, options: MaskCommandOptions, io: CliIo, location?: KeyLocationEnv): Promise<number> {
  const format = await formatOf(file, options.format);
  const policy = await policyOf(options.project);
  const loaded = await loadOrCreateKey(options.keyFile, location);
  if (loaded.created) io.stderr(`created a masking key at ${loaded.path} (keep it out of projects you share)\n`);
  if (loaded.readableByOthers) io.stderr(`warning: masking key ${loaded.path} is readable by other users (run: chmod 600 ${loaded.path})\n`);
  let report: MaskReportEntry[];
  if ((format === 'csv' || format === 'jsonl') && (await canStreamMask(file, format))) {
    // With --report the payload goes only to --out; without --out it streams to stdout.
    const sink = options.report ? undefined : io.stdout;
    report = await streamMask({ file, format, key: loaded.key, policy, ...(options.out ? { out: options.out } : {}), ...(sink ? { sink } : {}) });
  } else {
    const masked = await maskWhole(file, format, loaded.key, policy);
    report = masked.report;
    if (options.out) await writeFileAtomic(options.out, masked.text);
    else if (!options.report) io.stdout(masked.text.endsWith('\n') ? masked.text : `${masked.text}\n`);
  }
  if (options.report) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return EXIT_OK;
}
