/**
 * `mapwright init <folder> --source <sample or schema> --target <sample or schema> [--key-file <f>]`:
 * a new project in `<folder>` (made when missing). Each side's file goes
 * into `source/` or `target/` beside the project file, so the project is
 * self-contained and the CLI's folder rule (docs/security.md) lets it run:
 * a sample payload is masked on the way in under the user's masking key and
 * the new project's policy (only the masked copy is written, as the studio's
 * New project does), and a schema is copied with every file it includes,
 * imports or `$ref`s, laid out as they were so the relative references inside
 * them still resolve. Whether a file is a schema (JSON Schema, OpenAPI, XSD)
 * or a sample payload, and the payload format, are detected as `infer`
 * detects them. The document has
 * an empty rule set and, when the source is a sample, a first test case:
 * the source sample in, the target sample out when the target is a sample
 * (a failing case that says what to build), else the empty mapping's output
 * (none for an XML target, whose empty output has no root element to write).
 *
 * Exit codes: 0 created; 2 bad input (a file missing or unreadable, a schema
 * that does not load, a project or one of its files already in the folder, a bad key file). Nothing is left
 * half-made: files written before a failure are removed again.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { compileDocument } from '../../compiler/compile-document';
import { CURRENT_FORMAT_VERSION, serializeDocument, validateDocument, type MappingDocumentInput } from '../../document';
import { isMapwrightError, MapwrightError } from '../../errors';
import { detectFormat } from '../../payload/detect-format';
import { readPayload } from '../../payload/read-payload';
import type { JsonValue, PayloadFormat } from '../../payload/types';
import { writePayload } from '../../payload/write-payload';
import { detectSchemaKind, loadSchema } from '../../schema/load-schema';
import { createFsResolver, referenceScope } from '../fs-resolver';
import { maskPayloadFile } from '../host/mask-file';
import { loadOrCreateKey } from '../mask/key-file';
import { layoutBelowCommonFolder, schemaMembers } from '../schema-files';
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
  /** The masking key file (default: the user's key, created on first use, as `mapwright mask` uses it). */
  keyFile?: string;
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

/** Copies `from` to `to`, never over an existing file. @throws MapwrightError `FILE_EXISTS`, `FILE_WRITE` */
async function copyNew(from: string, to: string, written: string[]): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await copyFile(from, to, constants.COPYFILE_EXCL);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new MapwrightError('FILE_EXISTS', `${to} already exists`, { file: to, expected: 'a new or empty folder' });
    throw new MapwrightError('FILE_WRITE', `cannot copy ${basename(from)} into the project: ${code ?? String(error)}`, { file: to, cause: error });
  }
  written.push(to);
}

/** The user's masking key as the host's mask request takes it (hex), loaded or created as `mapwright mask` does. */
async function maskKey(keyFile: string | undefined, io: CliIo): Promise<string> {
  const loaded = await loadOrCreateKey(keyFile);
  if (loaded.created) io.stderr(`created a masking key at ${loaded.path} (keep it out of projects you share)\n`);
  if (loaded.readableByOthers) io.stderr(`warning: masking key ${loaded.path} is readable by other users (run: chmod 600 ${loaded.path})\n`);
  return Array.from(loaded.key, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What preparing a side needs besides the side itself. */
interface SideContext {
  folder: string;
  written: string[];
  io: CliIo;
  /** The masking key (hex), loaded on the first sample. */
  key: () => Promise<string>;
}

async function prepareSide(side: Side, file: string, root: string | undefined, context: SideContext): Promise<PreparedSide> {
  const { folder, written } = context;
  const bytes = await readInputFile(file);
  const kind = await detectSchemaKind({ file, bytes });
  if (kind === 'sample') {
    const relative = `${side}/${safeName(file)}`;
    const out = join(folder, relative);
    await mkdir(dirname(out), { recursive: true });
    // Only the masked copy is stored; the new project has no policy yet, so every category found is masked.
    const masked = await maskPayloadFile({ file, key: await context.key(), out, format: detectFormat(file, bytes) });
    written.push(out);
    const values = masked.report.filter((e) => e.masked).reduce((n, e) => n + e.count, 0);
    context.io.stdout(`masked ${values} value${values === 1 ? '' : 's'} in ${relative} (mapwright mask --report ${relative} lists what)\n`);
    return { endpoint: { format: masked.format, samples: [relative] }, relative, isSample: true, format: masked.format };
  }
  // Every file the schema is made of, copied below `<side>/` as laid out where it was, so its relative references resolve.
  const members = await schemaMembers(file, bytes, createFsResolver(referenceScope([file])), root);
  const names = layoutBelowCommonFolder(members);
  for (const [i, member] of members.entries()) await copyNew(member, join(folder, side, names[i]!), written);
  const relative = `${side}/${names[0]!}`;
  const copy = join(folder, relative);
  // Loaded again from the copy, inside the project folder, so a reference the copy cannot reach is found now.
  await loadSchema([{ file: copy, bytes }], { resolver: createFsResolver(referenceScope([copy], [folder])), ...(root ? { root } : {}) });
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
    let text: string;
    try {
      text = writePayload((result.value ?? {}) as JsonValue, target.format);
    } catch (error) {
      // An XML target's empty output has no root element yet: no first case until rules make one.
      if (isMapwrightError(error) && error.code === 'XML_WRITE') return [];
      throw error;
    }
    await mkdir(join(folder, 'tests'), { recursive: true });
    await writeFileAtomic(join(folder, expected), text);
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
  let key: Promise<string> | undefined;
  const context: SideContext = { folder, written, io, key: () => (key ??= maskKey(options.keyFile, io)) };
  try {
    await mkdir(folder, { recursive: true });
    const source = await prepareSide('source', options.source, options.sourceRoot, context);
    const target = await prepareSide('target', options.target, options.targetRoot, context);
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
    .option('--key-file <file>', 'masking key for the samples copied in (default: your key beside your settings, created on first use)')
    .action(async (folder: string, options: InitCommandOptions) => setExit(await initCommand(folder, options, io)));
}
