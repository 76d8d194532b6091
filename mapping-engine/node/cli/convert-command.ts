/**
 * `mapwright convert <file> --to json|jsonl|xml|csv`: parses a payload with the
 * studio's conventions and writes it in another format. CSV and JSON Lines
 * going to JSON or JSON Lines are streamed record by record, so files larger
 * than memory convert too.
 */
import { MapwrightError } from '../../errors';
import { detectFormat } from '../../payload/detect-format';
import { readPayload } from '../../payload/read-payload';
import type { PayloadFormat } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { loadSchema } from '../../schema/load-schema';
import type { SchemaField } from '../../schema/model';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { readInputFile, writeFileAtomic } from '../read-file';
import type { CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';
import { parseFormatOption } from './parse-format';
import { streamConvert } from './stream-convert';

/** Options of the convert command as commander parses them. */
export interface ConvertCommandOptions {
  to?: string;
  from?: string;
  schema?: string;
  root?: string;
  out?: string;
  limit?: string;
}

async function loadConvertSchema(options: ConvertCommandOptions): Promise<SchemaField | undefined> {
  if (!options.schema) return undefined;
  const bytes = await readInputFile(options.schema);
  const doc = await loadSchema([{ file: options.schema, bytes }], {
    resolver: createFsResolver(referenceScope([options.schema], [process.cwd()])),
    ...(options.root ? { root: options.root } : {}),
  });
  return doc.root;
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new MapwrightError('USAGE', `--limit must be a positive whole number, got "${value}"`, { expected: 'e.g. --limit 100' });
  }
  return limit;
}

function canStream(from: PayloadFormat, to: PayloadFormat): boolean {
  return (from === 'csv' || from === 'jsonl') && (to === 'json' || to === 'jsonl');
}

/** Runs `convert`; returns the exit code. Throws coded errors for the caller to print. */
export async function convertCommand(file: string, options: ConvertCommandOptions, io: CliIo): Promise<number> {
  const to = parseFormatOption(options.to, '--to');
  if (!to) throw new MapwrightError('USAGE', 'convert needs --to', { expected: '--to json|jsonl|xml|csv' });
  const explicitFrom = parseFormatOption(options.from, '--from');
  const limit = parseLimit(options.limit);
  const schema = await loadConvertSchema(options);
  const from = explicitFrom ?? detectFormat(file, new Uint8Array(0));
  if (canStream(from, to) && limit === undefined && extensionKnown(file, explicitFrom)) {
    await streamConvert({ file, from, to, schema, out: options.out, io });
    return EXIT_OK;
  }
  const bytes = await readInputFile(file);
  const parsed = readPayload(bytes, {
    file,
    ...(explicitFrom ? { format: explicitFrom } : {}),
    ...(schema ? { schema } : {}),
    ...(limit !== undefined ? { previewLimit: limit } : {}),
  });
  if (parsed.truncated) {
    const { shown, approxTotal, exact } = parsed.truncated;
    io.stderr(`truncated: ${shown} of ${exact ? '' : 'about '}${approxTotal} records\n`);
  }
  const text = writePayload(parsed.value, to, { meta: parsed.meta, metaFormat: parsed.format, ...(schema ? { schema } : {}) });
  if (options.out) await writeFileAtomic(options.out, text);
  else io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT_OK;
}

/** Streaming needs the source format up front: from --from or a telling extension, not sniffing. */
function extensionKnown(file: string, explicitFrom: PayloadFormat | undefined): boolean {
  return explicitFrom !== undefined || /\.(csv|tsv|tab|psv|jsonl|ndjson)$/i.test(file);
}
