/**
 * `mapwright init <folder> --source <sample or schema> --target <sample or schema>`:
 * a new project in `<folder>` (made when missing). Each side's file is copied
 * into `source/` or `target/` beside the project file, so the project is
 * self-contained and the CLI's folder rule (docs/security.md) lets it run;
 * whether it is a schema (JSON Schema, OpenAPI, XSD) or a sample payload, and
 * the payload format, are detected as `infer` detects them. The document has
 * an empty rule set and, when the source is a sample, a first test case:
 * the source sample in, the target sample out when the target is a sample
 * (a failing case that says what to build), else the empty mapping's output.
 *
 * Exit codes: 0 created; 2 bad input (a file missing or unreadable, a schema
 * that does not load, a project already in the folder). Nothing is left
 * half-made: files written before a failure are removed again.
 */
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { compileDocument } from '../../compiler/compile-document';
import { CURRENT_FORMAT_VERSION, serializeDocument, validateDocument, type MappingDocumentInput } from '../../document';
import { MapwrightError } from '../../errors';
import { detectFormat } from '../../payload/detect-format';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue, PayloadFormat } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { detectSchemaKind, loadSchema } from '../../schema/load-schema';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { readInputFile, writeFileAtomic } from '../read-file';
import { RunnerPool } from '../runner/runner-pool';
import type { CliIo } from './cli-io';
import { EXIT_OK } from './exit-codes';

/** Options of the init command as commander parses them. */
export interface InitCommandOptions {
  source: string;
  target: string;
  sourceRoot?: string;
  targetRoot?: string;
  name?: string;
}

type Side = 'source' | 'target';
type Endpoint = MappingDocumentInput['source'];

/** A side as init found it: its endpoint in the document and the copied file. */
interface PreparedSide {
  endpoint: Endpoint;
  /** The copy inside the project, relative to it. */
  relative: string;
  isSample: boolean;
  format: PayloadFormat;
}

const SCHEMA_FORMATS: Record<string, PayloadFormat> = { xsd: 'xml', 'json-schema': 'json', openapi: 'json' };

/** A file name without separators or characters some systems refuse. */
function safeName(file: string): string {
  const cleaned = [...basename(file)].map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  return cleaned.replace(/^\.+/, '') || 'file';
}

async function prepareSide(side: Side, file: string, root: string | undefined, folder: string, written: string[]): Promise<PreparedSide> {
  const bytes = await readInputFile(file);
  const kind = await detectSchemaKind({ file, bytes });
  const relative = `${side}/${safeName(file)}`;
  await mkdir(join(folder, side), { recursive: true });
  const copy = join(folder, relative);
  await copyFile(file, copy);
  written.push(copy);
  if (kind === 'sample') {
    const format = detectFormat(file, bytes);
    // Read once here so a sample in no known format is refused now, not at the first run.
    readPayload(bytes, { file, format });
    return { endpoint: { format, samples: [relative] }, relative, isSample: true, format };
  }
  // Loaded from the copy, so an include or $ref the copy cannot reach is found now.
  await loadSchema([{ file: copy, bytes }], { resolver: createFsResolver(referenceScope([copy])), ...(root ? { root } : {}) });
  const format = SCHEMA_FORMATS[kind] ?? 'json';
  return { endpoint: { format, schema: { file: relative, ...(root ? { root } : {}) }, samples: [] }, relative, isSample: false, format };
}

/** The first test case: the source sample in, and the target sample (or the empty mapping's output) expected. */
async function firstTest(doc: MappingDocumentInput, source: PreparedSide, target: PreparedSide, folder: string, written: string[]): Promise<MappingDocumentInput['tests']> {
  if (!source.isSample) return [];
  const name = 'first sample';
  if (target.isSample) return [{ name, input: source.relative, expected: target.relative }];
  const input = readPayload(await readInputFile(join(folder, source.relative)), { format: source.format }).value;
  const pool = new RunnerPool();
  try {
    const result = await pool.run({ expression: compileDocument(validateDocument(doc)).expression, input });
    const expected = `tests/first-sample.expected.${target.format === 'jsonl' ? 'jsonl' : target.format}`;
    await mkdir(join(folder, 'tests'), { recursive: true });
    await writeFileAtomic(join(folder, expected), writePayload((result.value ?? {}) as JsonValue, target.format));
    written.push(join(folder, expected));
    return [{ name, input: source.relative, expected }];
  } finally {
    await pool.close();
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Runs `init`; returns the exit code. Throws coded errors (exit 2) for the caller to print. */
export async function initCommand(folderArg: string, options: InitCommandOptions, io: CliIo): Promise<number> {
  const folder = resolve(folderArg);
  const name = options.name ?? (safeName(folder) || 'mapping');
  const projectFile = join(folder, `${name}.mapwright.json`);
  if (await exists(projectFile)) throw new MapwrightError('FILE_EXISTS', `${projectFile} already exists`, { file: projectFile, expected: 'a folder without this project' });
  for (const [side, file] of [['source', options.source], ['target', options.target]] as const) {
    if (await exists(join(folder, side, safeName(file)))) throw new MapwrightError('FILE_EXISTS', `${join(folder, side, safeName(file))} already exists`, { file: join(folder, side, safeName(file)), expected: 'a new or empty folder' });
  }
  const written: string[] = [];
  const madeFolder = !(await exists(folder));
  try {
    await mkdir(folder, { recursive: true });
    const source = await prepareSide('source', options.source, options.sourceRoot, folder, written);
    const target = await prepareSide('target', options.target, options.targetRoot, folder, written);
    const doc: MappingDocumentInput = { formatVersion: CURRENT_FORMAT_VERSION, name, source: source.endpoint, target: target.endpoint, rules: [], tests: [] };
    doc.tests = await firstTest(doc, source, target, folder, written);
    await writeFileAtomic(projectFile, serializeDocument(doc));
  } catch (error) {
    for (const file of written.reverse()) await rm(file, { force: true });
    if (madeFolder) await rm(folder, { recursive: true, force: true });
    throw error;
  }
  io.stdout(`created ${projectFile}\n`);
  io.stdout(`next: add rules (npm run web, or edit the file), then: mapwright validate ${projectFile} && mapwright test ${projectFile}\n`);
  return EXIT_OK;
}

/**
 * Adds `init` to the CLI program; `main.ts` calls this next to the other commands.
 * @param setExit - receives the command's exit code
 */
export function registerInitCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('create a project in <folder> from a source and a target (each a sample payload or a schema)')
    .argument('<folder>', 'folder of the new project (made when missing)')
    .requiredOption('--source <file>', 'source sample (JSON, JSON Lines, XML, CSV) or schema (JSON Schema, OpenAPI, XSD)')
    .requiredOption('--target <file>', 'target sample or schema')
    .option('--source-root <name>', 'root of the source schema (OpenAPI component, XSD element)')
    .option('--target-root <name>', 'root of the target schema')
    .option('--name <name>', 'project name (default: the folder name)')
    .action(async (folder: string, options: InitCommandOptions) => setExit(await initCommand(folder, options, io)));
}
