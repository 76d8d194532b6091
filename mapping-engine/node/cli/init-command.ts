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
 * (a failing case that says what to build), else a starting point that passes
 * at once: the empty mapping's output (for an XML target the schema's root
 * element, empty) with the target-schema violations it has now listed in
 * `expectViolation`. What init prints says which, and the next step it
 * prints is true at once.
 *
 * Exit codes: 0 created; 2 bad input (a file missing or unreadable, a schema
 * that does not load, a project or one of its files already in the folder, a bad key file). Nothing is left
 * half-made: files written before a failure are removed again.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { compileProject } from '../../compiler/compile-project';
import { CURRENT_FORMAT_VERSION, serializeDocument, type MappingDocumentInput } from '../../document';
import { MapwrightError } from '../../errors';
import { detectFormat } from '../../payload/detect-format';
import { readPayload } from '../../payload/read-payload';
import type { PayloadFormat } from '../../payload/types';
import { runMapping } from '../../run/mapping-run';
import { observedViolations } from '../../run/test-expectations';
import { loadTargetSchema } from '../../validate/load-target';
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

/** The first test case init wrote, or why there is none: what init prints about it. */
interface FirstCase {
  tests: NonNullable<MappingDocumentInput['tests']>;
  /** Lines that say what the case checks and what to do with it. */
  note: string[];
  /** Whether `mapwright test` passes right after init. */
  passesNow: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `path` as one word of a POSIX shell command, so a printed command can be pasted even when a folder has spaces. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/**
 * The first test case. With a target sample, the goal: the source sample in,
 * the target sample expected (red until the rules produce it). With a target
 * schema, a starting point: today's output of the empty mapping expected,
 * and the target-schema violations it has now listed as expected
 * (`expectViolation`), so `validate && test` is green and says nothing
 * false; each rule added then changes the output, and the failing case
 * prints the new differences and the `expectViolation` to paste.
 */
async function firstTest(doc: MappingDocumentInput, source: PreparedSide, target: PreparedSide, projectFile: string, written: string[]): Promise<FirstCase> {
  if (!source.isSample) {
    return { tests: [], passesNow: false, note: ['no test case yet: the source is a schema, not a sample; add one to the document\'s tests (an input payload and its expected output, docs/mapping-document.md) before running its tests'] };
  }
  const name = 'first sample';
  if (target.isSample) {
    return {
      tests: [{ name, input: source.relative, expected: target.relative }],
      passesNow: false,
      note: [
        `first test case "${name}": ${source.relative} in, ${target.relative} expected; it fails until the rules produce that output`,
        '(both samples were masked alike: a value copied across matches, one the rules derive, such as half of a split name, may not)',
      ],
    };
  }
  const folder = dirname(projectFile);
  const resolver = createFsResolver(referenceScope([projectFile]));
  const project = await compileProject(serializeDocument(doc), projectFile, resolver);
  const loaded = await loadTargetSchema(project.document, projectFile, resolver);
  const input = readPayload(await readInputFile(join(folder, source.relative)), { file: join(folder, source.relative), format: source.format });
  const pool = new RunnerPool({ size: 1, spare: false });
  let result;
  try {
    result = await runMapping(pool, { document: project.document, compiled: project.compiled, tables: project.tables, ...(loaded ? { target: loaded } : {}) }, input);
  } finally {
    await pool.close();
  }
  if (result.error || result.text === undefined) {
    const why = result.error ? `${result.error.code} ${result.error.message}` : 'the empty mapping gives no output';
    return { tests: [], passesNow: false, note: [`no test case yet: ${why}`] };
  }
  const expected = `tests/first-sample.expected.${target.format}`;
  // As with the project's other files, init never writes over one the folder already has.
  if (await exists(join(folder, expected))) throw new MapwrightError('FILE_EXISTS', `${join(folder, expected)} already exists`, { file: join(folder, expected), expected: 'a new or empty folder' });
  await mkdir(join(folder, 'tests'), { recursive: true });
  await writeFileAtomic(join(folder, expected), result.text);
  written.push(join(folder, expected));
  const violations = observedViolations(result.violations);
  const note = [
    `first test case "${name}": a starting point, not a goal: ${source.relative} in, the empty mapping's output expected (${expected})` +
      (violations.length ? `, with the ${plural(violations.length, 'target-schema violation')} it has now listed in expectViolation` : ''),
    'it passes now; as you add rules it fails and prints what changed. Then write the output again and take over the expectViolation it prints:',
    `  mapwright run ${shellWord(projectFile)} --input ${shellWord(join(folder, source.relative))} --out ${shellWord(join(folder, expected))}`,
  ];
  return { tests: [{ name, input: source.relative, expected, ...(violations.length ? { expectViolation: violations } : {}) }], passesNow: true, note };
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
  let first: FirstCase;
  try {
    await mkdir(folder, { recursive: true });
    const source = await prepareSide('source', options.source, options.sourceRoot, context);
    const target = await prepareSide('target', options.target, options.targetRoot, context);
    const doc: MappingDocumentInput = { formatVersion: CURRENT_FORMAT_VERSION, name, source: source.endpoint, target: target.endpoint, rules: [], tests: [] };
    first = await firstTest(doc, source, target, projectFile, written);
    doc.tests = first.tests;
    await writeFileAtomic(projectFile, serializeDocument(doc));
  } catch (error) {
    for (const file of written.reverse()) await rm(file, { force: true });
    if (madeFolder) await rm(folder, { recursive: true, force: true });
    throw error;
  }
  io.stdout(`created ${projectFile}\n`);
  for (const line of first.note) io.stdout(`${line}\n`);
  // The next step printed is one that tells the truth now: `test` fails on a goal case, and without any case.
  const project = shellWord(projectFile);
  const check = first.tests.length === 0 ? `mapwright validate ${project}` : `mapwright validate ${project} && mapwright test ${project}`;
  io.stdout(`next: ${first.passesNow ? `${check} (passes now), then add rules (npm run web, or edit the file)` : `add rules (npm run web, or edit the file), then: ${check}`}\n`);
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
