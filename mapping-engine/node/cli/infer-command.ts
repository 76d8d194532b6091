/**
 * `mapwright infer <file...>`: prints the schema of a sample (inferred; several
 * samples are merged) or of a schema file (JSON Schema, OpenAPI, XSD).
 */
import { flatLines } from '../../schema/flat-lines';
import { loadSchema, type SchemaInput } from '../../schema/load-schema';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { readInputFile } from '../read-file';
import type { CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';
import { parseFormatOption } from './parse-format';

/** Options of the infer command as commander parses them. */
export interface InferCommandOptions {
  format?: string;
  root?: string;
  flat?: boolean;
}

/** Runs `infer`; returns the exit code. Throws coded errors for the caller to print. */
export async function inferCommand(files: string[], options: InferCommandOptions, io: CliIo): Promise<number> {
  const format = parseFormatOption(options.format, '--format');
  const inputs: SchemaInput[] = [];
  for (const file of files) inputs.push({ file, bytes: await readInputFile(file) });
  const schema = await loadSchema(inputs, {
    // Includes and $refs stay below the named files' folders or the working folder (UBL's maindoc/ includes ../common/).
    resolver: createFsResolver(referenceScope(files, [process.cwd()])),
    ...(format ? { format } : {}),
    ...(options.root ? { root: options.root } : {}),
  });
  if (options.flat) io.stdout(flatLines(schema.root).map((line) => `${line}\n`).join(''));
  else io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return EXIT_OK;
}
